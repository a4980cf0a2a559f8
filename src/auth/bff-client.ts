/*
 * The widgets' side of the backend-for-frontend's own routes (`packages/bff/openapi.yaml`):
 * the cookie goes along, every call carries the anti-forgery header, and no
 * answer ever holds a token.
 */

import { OUTCOME_PARAMETER, SIGN_IN_OUTCOMES, type SessionInfo, type SignInOutcome } from '../shared/bff-protocol.js';
import { ANTI_FORGERY } from './session-head.js';

export type { SessionInfo, SignInOutcome };
export { ANTI_FORGERY, signedInHint } from './session-head.js';

/** Why the BFF gave no usable answer: down (passing), refusing this page's origin, or not a BFF at all (both the editor's). */
export type BffProblem = 'bff-unreachable' | 'bff-refused' | 'bff-invalid';

export class BffError extends Error {
  constructor(readonly problem: BffProblem) {
    super(problem);
  }
}

export class BffClient {
  constructor(readonly baseUrl: string) {}

  /** The BFF's word on the session; `early`: the same request, already sent by the first file (session-head.ts). */
  session(early?: Promise<Response>): Promise<SessionInfo> {
    return this.call('GET', '/session', isSessionInfo, undefined, early);
  }

  extend(): Promise<SessionInfo> {
    return this.call('POST', '/session/extend', isSessionInfo);
  }

  /**
   * Ends the session at the BFF; `redirectTo` is where the browser goes to end
   * the provider's session too. `lang` (the page's language) is the language
   * of the BFF's own pages on that way.
   */
  signOut(returnTo: string, lang?: string): Promise<{ redirectTo: string | null }> {
    return this.call('POST', '/logout', isSignOutAnswer, lang ? { returnTo, lang } : { returnTo });
  }

  /** The BFF's sign-in; `lang` (the page's language) is the language of the BFF's own pages if anything goes wrong. */
  signInUrl(returnTo: string, lang?: string): string {
    const language = lang ? `&lang=${encodeURIComponent(lang)}` : '';
    return `${this.baseUrl}/login?returnTo=${encodeURIComponent(returnTo)}${language}`;
  }

  private async call<T>(
    method: string,
    path: string,
    accept: (value: unknown) => value is T,
    body?: unknown,
    early?: Promise<Response>,
  ): Promise<T> {
    let response: Response;
    try {
      response = await (early ??
        fetch(this.baseUrl + path, {
          method,
          credentials: 'include',
          headers: body === undefined ? ANTI_FORGERY : { ...ANTI_FORGERY, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }));
    } catch {
      throw new BffError(await this.whyUnreadable());
    }
    if (response.status >= 500) throw new BffError('bff-unreachable');
    const value: unknown = await response.json().catch(() => undefined);
    if (!response.ok || !accept(value)) throw new BffError('bff-invalid');
    return value;
  }

  /**
   * A fetch that fails is either a BFF that cannot be reached or one that
   * refuses this page's origin (CORS). An opaque request tells them apart: it
   * arrives whenever the server answers at all.
   */
  private async whyUnreadable(): Promise<BffProblem> {
    try {
      await fetch(`${this.baseUrl}/health`, { mode: 'no-cors', credentials: 'omit' });
      return 'bff-refused';
    } catch {
      return 'bff-unreachable';
    }
  }
}

/** The page's address to come back to, without the BFF's outcome parameter. */
export function returnAddress(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(OUTCOME_PARAMETER);
  return url.href;
}

/** Reads (and removes from the address bar) what the BFF said about the last sign-in or sign-out. */
export function takeOutcome(): SignInOutcome | undefined {
  const url = new URL(location.href);
  const outcome = url.searchParams.get(OUTCOME_PARAMETER);
  if (outcome === null) return undefined;
  history.replaceState(history.state, '', returnAddress(url.href));
  return (SIGN_IN_OUTCOMES as readonly string[]).includes(outcome) ? (outcome as SignInOutcome) : undefined;
}

function isSessionInfo(value: unknown): value is SessionInfo {
  if (typeof value !== 'object' || value === null) return false;
  const info = value as Record<string, unknown>;
  if (info.signedIn === false) return true;
  return (
    info.signedIn === true && typeof info.displayName === 'string' && typeof info.subject === 'string' && typeof info.expiresIn === 'number'
  );
}

function isSignOutAnswer(value: unknown): value is { redirectTo: string | null } {
  const redirectTo = (value as { redirectTo?: unknown } | null)?.redirectTo;
  return redirectTo === null || typeof redirectTo === 'string';
}
