import { randomBytes } from 'node:crypto';
import { sha256, storeName } from '../digest.js';
import type { BffContext, RouteRequest } from '../context.js';
import { allowedReturn, withOutcome } from '../context.js';
import { MAX_REQUEST_BODY_BYTES, redirect, readBody, sendJson } from '../http.js';
import { LogoutTokenRefusedError, type LogoutToken } from '../identity-provider.js';
import { logoutFormPage, messagePage } from '../pages.js';
import { knownLanguage } from '../page-texts.js';
import { forgetSession, loadOrForget } from './session.js';

const TICKET_SECONDS = 300;

interface LogoutTicket {
  idToken: string;
  returnTo?: string;
}

/**
 * `POST /logout` `{ returnTo }`: ends the session here (refresh token
 * revoked, entry deleted) and answers where the browser goes next to end the
 * provider's session too: `{ redirectTo }`.
 */
export async function signOut(context: BffContext, request: RouteRequest): Promise<void> {
  request.route = '/logout';
  const asked = readSignOut(await readBody(request.req, 4096));
  const returnTo = allowedReturn(context.config, asked.returnTo);
  const language = knownLanguage(asked.lang);
  const session = await loadOrForget(context, request);
  // The next sign-in from this browser asks for the password (prompt=login), also where the provider's session outlives ours.
  forgetSession(request.res);
  const back = returnTo ? withOutcome(returnTo, 'signed-out') : undefined;
  if (typeof session !== 'object') return sendJson(request.res, 200, { redirectTo: back ?? null });
  await context.sessions.end(session);
  request.log.info('signed out');
  const endpoint = await context.provider.endSessionEndpoint().catch(() => undefined);
  if (!endpoint) return sendJson(request.res, 200, { redirectTo: back ?? null });
  const ticket = randomBytes(32).toString('base64url');
  const stored: LogoutTicket = { idToken: session.data.idToken, returnTo };
  await context.store.put(`bff:logout:${storeName(ticket, context.config.storeKey)}`, JSON.stringify(stored), TICKET_SECONDS);
  const lang = language ? `&lang=${language}` : '';
  sendJson(request.res, 200, { redirectTo: `${context.config.publicUrl}/logout/continue?ticket=${ticket}${lang}` });
}

/**
 * `GET /logout/continue?ticket=…`: a page that POSTs the provider's logout (ID token in the body, not the URL),
 * or with BFF_END_SESSION_METHOD=get a redirect to the provider's end-session endpoint with the fields in the address.
 */
export async function continueSignOut(context: BffContext, request: RouteRequest): Promise<void> {
  request.route = '/logout/continue';
  const ticket = request.query.get('ticket');
  const stored = ticket ? await context.store.take(`bff:logout:${storeName(ticket, context.config.storeKey)}`) : undefined;
  const endpoint = await context.provider.endSessionEndpoint().catch(() => undefined);
  if (!stored || !endpoint) return signedOutPage(context, request);
  const { idToken, returnTo } = JSON.parse(stored) as LogoutTicket;
  const state = randomBytes(24).toString('base64url');
  if (returnTo) await context.store.put(`bff:signed-out:${storeName(state, context.config.storeKey)}`, returnTo, TICKET_SECONDS);
  const fields = {
    id_token_hint: idToken,
    client_id: context.config.clientId,
    post_logout_redirect_uri: `${context.config.publicUrl}/signed-out`,
    state,
  };
  // BFF_END_SESSION_METHOD=get: for providers that accept only GET (the ID token then is in the address and the provider's logs).
  if (context.config.endSessionMethod === 'get') {
    const url = new URL(endpoint);
    for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
    return redirect(request.res, url.href);
  }
  logoutFormPage(request, endpoint, fields);
}

/** `GET /signed-out`: back from the provider; on to the page the citizen left. */
export async function finishSignOut(context: BffContext, request: RouteRequest): Promise<void> {
  request.route = '/signed-out';
  const state = request.query.get('state');
  const returnTo = state ? await context.store.take(`bff:signed-out:${storeName(state, context.config.storeKey)}`) : undefined;
  if (returnTo) return redirect(request.res, withOutcome(returnTo, 'signed-out'));
  signedOutPage(context, request);
}

/** `POST /backchannel-logout`: the provider ended a session; every session of it ends here too. A token counts once. */
export async function backchannelLogout(context: BffContext, request: RouteRequest): Promise<void> {
  request.route = '/backchannel-logout';
  const form = new URLSearchParams((await readBody(request.req, MAX_REQUEST_BODY_BYTES)).toString('utf8'));
  let token: LogoutToken;
  try {
    token = await context.provider.verifyLogoutToken(form.get('logout_token') ?? '');
  } catch (error) {
    if (!(error instanceof LogoutTokenRefusedError)) throw error;
    return refuseLogoutToken(request, error.reason);
  }
  const ttl = Math.max(1, token.usableUntil - Math.floor(context.now() / 1000));
  if (!(await context.store.claim(`bff:logout-token:${sha256(token.id)}`, ttl))) return refuseLogoutToken(request, 'replayed');
  const ended = await context.sessions.endByProvider(token);
  request.log.info('back-channel logout', { sessions: ended });
  sendJson(request.res, 200, {});
}

function refuseLogoutToken(request: RouteRequest, reason: string): void {
  request.log.warn('back-channel logout refused', { reason });
  sendJson(request.res, 400, { error: 'invalid_request' });
}

function signedOutPage(context: BffContext, request: RouteRequest): void {
  const [home] = context.config.allowedOrigins;
  messagePage(request, 200, (t) => t.signedOut, home);
}

/** `{ returnTo, lang }` of a sign-out, each only when it is a string. */
function readSignOut(body: Buffer): { returnTo?: string; lang?: string } {
  try {
    const parsed = JSON.parse(body.toString('utf8') || '{}') as { returnTo?: unknown; lang?: unknown };
    return {
      returnTo: typeof parsed.returnTo === 'string' ? parsed.returnTo : undefined,
      lang: typeof parsed.lang === 'string' ? parsed.lang : undefined,
    };
  } catch {
    return {};
  }
}
