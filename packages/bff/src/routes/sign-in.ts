import type { BffContext, RouteRequest } from '../context.js';
import {
  allowedReturn,
  REAUTH_COOKIE,
  SESSION_COOKIE,
  SIGN_IN_COOKIE_PREFIX,
  signInCookie,
  SIGNED_IN_HINT_COOKIE,
  withOutcome,
} from '../context.js';
import { pseudonym } from './session.js';
import { appendSetCookie, clearedCookie, cookieValue, hostCookie, readCookies, redirect } from '../http.js';
import { COOKIE_PREFIX } from '../../../../src/shared/bff-protocol.js';
import { providerRefusal, type SignInTransaction } from '../identity-provider.js';
import { messagePage, requestLanguage } from '../pages.js';
import { sessionPseudonym, SessionsFullError } from '../sessions.js';
import { storeName } from '../digest.js';

const TRANSACTION_SECONDS = 600;
const BUSY_RETRY_SECONDS = 60;
/** Sign-in cookies a browser keeps at most, the new one included (a few tabs signing in at once). */
const KEPT_SIGN_IN_COOKIES = 3;
/** Sign-ins on their way, at most BFF_MAX_PENDING_SIGNINS: beyond, the oldest are dropped. */
const PENDING_LEDGER = 'bff:ledger:sign-ins';

/** `GET /login?returnTo=…`: to the provider, with a transaction bound to this browser. */
export async function startSignIn(context: BffContext, request: RouteRequest): Promise<void> {
  const { res } = request;
  request.route = '/login';
  requestLanguage(request); // kept for the way back from the provider
  const returnTo = allowedReturn(context.config, request.query.get('returnTo'));
  if (!returnTo) {
    request.log.warn('sign-in refused', { reason: 'return-to-not-allowed' });
    context.metrics.signIn('return-to-not-allowed');
    return messagePage(request, 400, (t) => t.returnNotAllowed);
  }
  if (!(await context.sessions.haveRoom())) {
    context.metrics.signIn('sessions-full');
    return busy(request, returnTo, 'sessions');
  }
  let started;
  try {
    started = await context.provider.startSignIn(returnTo, await mustGivePassword(context, request));
  } catch (error) {
    request.log.error('sign-in start failed', error);
    context.metrics.signIn('start-failed');
    return redirect(res, withOutcome(returnTo, 'unavailable'));
  }
  const { url, transaction } = started;
  const key = transactionKey(context, transaction.state);
  const now = context.now();
  const lapsesAt = now + TRANSACTION_SECONDS * 1000;
  // Full: the oldest pending sign-ins make room (a citizen's takes a minute or two), nobody is refused.
  const dropped = await context.store.enterEvicting(PENDING_LEDGER, key, lapsesAt, context.config.maxPendingSignIns, now);
  for (const old of dropped) await context.store.remove(old);
  if (dropped.length > 0) request.log.warn('oldest pending sign-in dropped', { reason: 'pending-sign-ins-full' });
  await context.store.put(key, JSON.stringify(transaction), TRANSACTION_SECONDS);
  dropOlderSignInCookies(request);
  appendSetCookie(res, hostCookie(signInCookie(transaction.state), transaction.state, { maxAgeSeconds: TRANSACTION_SECONDS }));
  context.metrics.signInStarted();
  redirect(res, url.href);
}

/**
 * Each `/login` leaves a cookie for 10 minutes; a script fetching `/login` a
 * few hundred times would push the browser over its cookies per site, and it
 * would drop the session cookie. Only the newest sign-in cookies stay
 * (browsers send older cookies first, RFC 6265 5.4).
 */
function dropOlderSignInCookies(request: RouteRequest): void {
  const prefix = `${COOKIE_PREFIX}${SIGN_IN_COOKIE_PREFIX}`;
  const held = [...readCookies(request.req).keys()].filter((name) => name.startsWith(prefix));
  for (const name of held.slice(0, Math.max(0, held.length - (KEPT_SIGN_IN_COOKIES - 1)))) {
    appendSetCookie(request.res, clearedCookie(name.slice(COOKIE_PREFIX.length)));
  }
}

/**
 * Shared computers: after a sign-out or a session that ended by its limits,
 * the next sign-in from this browser asks for the password (`prompt=login`),
 * not the provider's still-running session. Known by the cookie `/logout` and
 * an ended session leave, or by a session cookie whose session has ended
 * (the browser came straight to `/login` without asking `/session` first).
 */
async function mustGivePassword(context: BffContext, request: RouteRequest): Promise<boolean> {
  if (cookieValue(request.req, REAUTH_COOKIE)) return true;
  const id = cookieValue(request.req, SESSION_COOKIE);
  return !!id && typeof (await context.sessions.load(id)) !== 'object';
}

/** `GET /callback`: the provider's answer, checked against the transaction and this browser's sign-in cookie. */
export async function finishSignIn(context: BffContext, request: RouteRequest): Promise<void> {
  const { res, req, query } = request;
  request.route = '/callback';
  const state = query.get('state') ?? '';
  const stored = state ? await context.store.take(transactionKey(context, state)) : undefined;
  if (stored) await context.store.leave(PENDING_LEDGER, transactionKey(context, state));
  if (state) appendSetCookie(res, clearedCookie(signInCookie(state)));
  if (!stored) {
    request.log.warn('sign-in refused', { reason: 'state-unknown' });
    context.metrics.signIn('state-unknown');
    return staleSignIn(context, request);
  }
  const transaction = JSON.parse(stored) as SignInTransaction;
  if (cookieValue(req, signInCookie(state)) !== state) {
    // Login CSRF: a callback for a sign-in this browser did not start.
    request.log.warn('sign-in refused', { reason: 'sign-in-cookie-mismatch' });
    context.metrics.signIn('sign-in-cookie-mismatch');
    return redirect(res, withOutcome(transaction.returnTo, 'failed'));
  }
  const error = query.get('error');
  if (error) {
    const outcome = error === 'access_denied' ? 'cancelled' : 'failed';
    const reason = outcome === 'cancelled' ? 'cancelled' : 'provider-error';
    request.log.info('sign-in not completed', { reason });
    context.metrics.signIn(reason);
    return redirect(res, withOutcome(transaction.returnTo, outcome));
  }
  await openSession(context, request, transaction);
}

/** The code exchanged, a new session under a new id (the previous one of this browser ended), and back to the page. */
async function openSession(context: BffContext, request: RouteRequest, transaction: SignInTransaction): Promise<void> {
  const { res, req, query } = request;
  try {
    const citizen = await context.provider.finishSignIn(new URL(`${context.config.publicUrl}/callback?${query}`), transaction);
    const previous = await context.sessions.load(cookieValue(req, SESSION_COOKIE));
    if (typeof previous === 'object') await context.sessions.end(previous);
    const { id, key, displaced } = await context.sessions.create(citizen);
    request.session = sessionPseudonym(key);
    if (displaced > 0) request.log.info('oldest sessions of the citizen ended', { reason: 'sessions-per-citizen', sessions: displaced });
    appendSetCookie(res, hostCookie(SESSION_COOKIE, id));
    const hint = pseudonym(context.config.issuer.href, citizen.subject, context.config.storeKey);
    appendSetCookie(res, hostCookie(SIGNED_IN_HINT_COOKIE, hint, { readableByPage: true }));
    appendSetCookie(res, clearedCookie(REAUTH_COOKIE));
    request.log.info('signed in');
    context.metrics.signIn('signed-in');
    redirect(res, transaction.returnTo);
  } catch (failure) {
    if (failure instanceof SessionsFullError) {
      request.log.warn('sign-in refused', { reason: 'sessions-full' });
      context.metrics.signIn('sessions-full');
      return redirect(res, withOutcome(transaction.returnTo, 'unavailable'));
    }
    request.log.error('sign-in failed', failure, providerRefusal(failure, context.config));
    context.metrics.signIn('failed');
    redirect(res, withOutcome(transaction.returnTo, 'failed'));
  }
}

/** A callback we hold nothing for: used twice, too old, or not ours. Where it came from is unknown, so the page says what to do. */
function staleSignIn(context: BffContext, request: RouteRequest): void {
  const [home] = context.config.allowedOrigins;
  messagePage(request, 400, (t) => t.signInStale, home);
}

/** BFF_MAX_SESSIONS is reached: 503, come back in a minute; running sessions go on. */
function busy(request: RouteRequest, returnTo: string, full: string): void {
  request.log.warn('sign-in refused', { reason: `${full}-full` });
  messagePage(request, 503, (t) => t.signInBusy, returnTo, { 'Retry-After': String(BUSY_RETRY_SECONDS) });
}

/** Sign-ins on their way at the provider, of all processes (for `/metrics`). */
export function pendingSignIns(context: BffContext): Promise<number> {
  return context.store.liveCount(PENDING_LEDGER, context.now());
}

/** The state only as its hash (keyed with BFF_STORE_KEY): the key's name cannot be presented as a state. */
function transactionKey(context: BffContext, state: string): string {
  return `bff:signin:${storeName(state, context.config.storeKey)}`;
}
