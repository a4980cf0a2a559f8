import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BffConfig } from './config.js';
import type { IdentityProvider } from './identity-provider.js';
import { sha256 } from './digest.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import type { RateLimits } from './rate-limits.js';
import type { Sessions } from './sessions.js';
import type { SessionStore } from './store.js';
import { OUTCOME_PARAMETER, type SignInOutcome } from '../../../src/shared/bff-protocol.js';

/** What every route gets: the settings and the services made from them. */
export interface BffContext {
  config: BffConfig;
  store: SessionStore;
  provider: IdentityProvider;
  sessions: Sessions;
  log: Logger;
  fetch: typeof fetch;
  /** ms since epoch; a test moves it. */
  now: () => number;
  /** What this process has already told the log once and need not repeat (e.g. `prefix-stripped`). */
  notices: Set<string>;
  rateLimits: RateLimits;
  /** Counts for `/metrics` (BFF_METRICS); counting nothing when it is off. */
  metrics: Metrics;
  /** Set once the process is stopping (SIGTERM): `/health` says 503. */
  stopping: boolean;
}

/** One request as a route sees it: the path below `BFF_PUBLIC_URL`, the query, and a template for the log. */
export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  query: URLSearchParams;
  /** Set by the route: how the request appears in the log. */
  route: string;
  /** The client's address, through trusted proxies only. */
  client: string;
  /** Sent back as `X-Request-Id`; taken from a trusted proxy when it sends one. */
  id: string;
  /** The session's pseudonym for the log, once a session is known ({@link sessionPseudonym}). */
  session?: string;
  /**
   * A proxied GET's session fields, read by the command that counts its rate
   * limit (one round trip). Only read, nothing decided: the proxy does that.
   * Not set when the process counts on its own: the proxy then reads them itself.
   */
  sessionFields?: Promise<Record<string, string> | undefined>;
  /** Logs with the request's id, client, session and route. */
  log: Logger;
}

/** The name of the session cookie (sent as `__Host-bp-session`). */
export const SESSION_COOKIE = 'bp-session';
/**
 * Binds a sign-in to the browser that started it (login CSRF). One cookie per
 * sign-in, named after its state: a second `/login` (another tab, or one a
 * foreign site navigates to) cannot overwrite the cookie of a running sign-in.
 */
export function signInCookie(state: string): string {
  return `${SIGN_IN_COOKIE_PREFIX}${sha256(state).slice(0, 16)}`;
}
export const SIGN_IN_COOKIE_PREFIX = 'bp-signin-';
/** Set when a session ended by a limit: the next sign-in asks for the password again. */
export const REAUTH_COOKIE = 'bp-reauth';
// The hint cookie (readable by the page; it opens nothing) and the outcome
// parameter are what the widgets read: one definition for both sides.
export { OUTCOME_PARAMETER, SIGNED_IN_HINT_COOKIE, type SignInOutcome } from '../../../src/shared/bff-protocol.js';

/** A page the BFF may send the citizen back to: an absolute http(s) URL on an allowed origin, without our outcome parameter. */
export function allowedReturn(config: BffConfig, value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    // `https://user:pass@www.stadt.example/` has an allowed origin, yet shows a stranger's name in front of it.
    if (!config.allowedOrigins.has(url.origin) || url.username || url.password) return undefined;
    url.searchParams.delete(OUTCOME_PARAMETER);
    return url.href;
  } catch {
    return undefined;
  }
}

export function withOutcome(returnTo: string, outcome: SignInOutcome): string {
  const url = new URL(returnTo);
  url.searchParams.set(OUTCOME_PARAMETER, outcome);
  return url.href;
}
