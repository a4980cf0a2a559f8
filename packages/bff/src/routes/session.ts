import { storeName } from '../digest.js';
import type { ServerResponse } from 'node:http';
import type { BffContext, RouteRequest } from '../context.js';
import { REAUTH_COOKIE, SESSION_COOKIE, SIGNED_IN_HINT_COOKIE } from '../context.js';
import { appendSetCookie, clearedCookie, cookieValue, hostCookie, sendJson } from '../http.js';
import { sessionPseudonym, type LoadedSession, type ProxySession } from '../sessions.js';
import type { SessionInfo } from '../../../../src/shared/bff-protocol.js';

const REAUTH_SECONDS = 86_400;

/** `GET /session`: who is signed in and for how long; does not count as activity. */
export async function readSession(context: BffContext, request: RouteRequest): Promise<void> {
  request.route = '/session';
  const session = await loadOrForget(context, request);
  sendJson(request.res, 200, await info(context, request, session));
}

/** `POST /session/extend`: the citizen is active; the idle limit starts anew and the tokens are renewed when due. */
export async function extendSession(context: BffContext, request: RouteRequest): Promise<void> {
  request.route = '/session/extend';
  const loaded = await loadOrForget(context, request);
  let session = loaded;
  if (typeof loaded === 'object') {
    session = await context.sessions.withFreshToken(loaded);
    if (session === 'ended') forgetSession(request.res);
    else await context.sessions.touch(session);
  }
  sendJson(request.res, 200, await info(context, request, session));
}

/**
 * The request's session, or `undefined`/`'ended'`. A session that ended by a
 * limit clears the cookie and makes the next sign-in ask for the password.
 */
export async function loadOrForget(context: BffContext, request: RouteRequest): Promise<LoadedSession | 'ended' | undefined> {
  return noticed(request, await context.sessions.load(cookieValue(request.req, SESSION_COOKIE)));
}

/** Like {@link loadOrForget}, with the access token and the times only (a proxied request). */
export async function loadTokenTimesOrForget(context: BffContext, request: RouteRequest): Promise<ProxySession | 'ended' | undefined> {
  const id = cookieValue(request.req, SESSION_COOKIE);
  return noticed(request, await context.sessions.loadTokenTimes(id, request.sessionFields ?? context.sessions.readTokenTimes(id)));
}

function noticed<S extends ProxySession>(request: RouteRequest, loaded: S | 'none' | 'ended'): S | 'ended' | undefined {
  if (loaded === 'none') return undefined;
  if (typeof loaded === 'object') request.session = sessionPseudonym(loaded.key);
  else {
    request.log.info('session cookie refused', { reason: 'session-ended-or-unknown' });
    forgetSession(request.res);
  }
  return loaded;
}

/** The cookie goes; the next sign-in from this browser asks for the password again (shared computers). */
export function forgetSession(res: ServerResponse): void {
  clearSessionCookies(res);
  appendSetCookie(res, hostCookie(REAUTH_COOKIE, '1', { maxAgeSeconds: REAUTH_SECONDS }));
}

/** The session cookie and its page-readable hint always go together. */
export function clearSessionCookies(res: ServerResponse): void {
  appendSetCookie(res, clearedCookie(SESSION_COOKIE));
  appendSetCookie(res, clearedCookie(SIGNED_IN_HINT_COOKIE));
}

async function info(context: BffContext, request: RouteRequest, session: LoadedSession | 'ended' | undefined): Promise<SessionInfo> {
  if (session === 'ended') {
    const endedBy = await context.sessions.endedBy(cookieValue(request.req, SESSION_COOKIE));
    return { signedIn: false, reason: endedBy === 'provider' ? 'ended-elsewhere' : 'expired' };
  }
  if (!session) return { signedIn: false };
  const { data } = session;
  return {
    signedIn: true,
    displayName: data.displayName,
    subject: pseudonym(context.config.issuer.href, data.subject, context.config.storeKey),
    expiresIn: context.sessions.secondsLeft(data),
  };
}

/**
 * Keeps drafts of different citizens apart in the page without telling the
 * page who they are: keyed with BFF_STORE_KEY when there is one, so that a
 * guessed `sub` cannot be confirmed from it.
 */
export function pseudonym(issuer: string, subject: string, secret: Buffer | undefined): string {
  return storeName(`${issuer} ${subject}`, secret).slice(0, 22);
}
