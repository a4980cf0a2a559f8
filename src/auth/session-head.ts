import { sendOverviewEarly } from '../api/early-gets.js';
import { declaredBackends, isAllowedBackend } from '../shared/declared-backends.js';
import { elementsByTag } from '../shared/page-dom.js';
import { ANTI_FORGERY_HEADER, ANTI_FORGERY_VALUE, COOKIE_PREFIX, SIGNED_IN_HINT_COOKIE } from '../shared/bff-protocol.js';
import type { CallbackEnd, CodeExchange } from './code-exchange.js';

/**
 * What the first file began for a session before the session's file was there,
 * so that nothing waits for that file: on the way back from the provider the
 * code exchange (browser mode), and the BFF's word on the session (BFF mode).
 */
export interface SessionHead {
  exchange?: CodeExchange | CallbackEnd;
  sessionAnswer?: Promise<Response>;
}

/** Every fetch to the BFF carries it (bff-client.ts takes it from here). */
export const ANTI_FORGERY = { [ANTI_FORGERY_HEADER]: ANTI_FORGERY_VALUE };

/** `GET /session` at the BFF, sent now; its answer is read by the session (bff-client.ts). */
export function askBffEarly(bffUrl: string): Promise<Response> {
  const answer = fetch(`${bffUrl}/session`, { credentials: 'include', headers: ANTI_FORGERY });
  answer.catch(() => undefined); // read (and its failure told apart) by the session
  return answer;
}

/**
 * Signed in by the BFF's hint, with a manager on the page: the overview's two
 * GETs go out now, as the API client would send them (api/client.ts), so that
 * the data does not wait for the session's file. A stale hint costs two 401s,
 * as it did when the client sent them.
 */
export function askOverviewEarly(bffUrl: string): void {
  try {
    if (!signedInHint() || elementsByTag(document, 'kassenzeichen-manager').length === 0) return;
    // Only where the manager itself may send: the page's own origin or a backend its head declares.
    if (!isAllowedBackend(new URL(bffUrl, location.href), location.origin, declaredBackends(document))) return;
    sendOverviewEarly(`${bffUrl}/api`, ANTI_FORGERY, 'include');
  } catch {
    // A head start only: the manager asks itself, as it did.
  }
}

/**
 * The BFF's hint cookie (not HttpOnly, no credential): the pseudonym of who is
 * signed in, readable when the BFF shares the page's host. Then the data
 * requests start beside `/session` instead of after it.
 */
export function signedInHint(): string | undefined {
  const name = `${COOKIE_PREFIX}${SIGNED_IN_HINT_COOKIE}=`;
  const found = document.cookie.split(';').find((part) => part.trim().startsWith(name));
  return found?.split('=')[1]?.trim() || undefined;
}
