import {
  beginCodeExchange,
  isFresh,
  readState,
  STATE_PREFIX,
  type CallbackEnd,
  type CallbackExpectations,
  type CodeExchange,
  type ProviderMetadata,
} from './code-exchange.js';
import { checkIdToken, clockOffset } from './id-token.js';
import { RecentList } from './page-storage.js';
import { usableStorage } from './safe-storage.js';
import type { StoredUser } from './stored-user.js';

/*
 * The way back from the provider, its second step: the token endpoint's
 * answer is checked (the ID token's issuer, audience, expiry, nonce and
 * `auth_time`) and becomes the stored user. The first step, the code exchange,
 * runs in the first file (code-exchange.ts), so that it does not wait for this
 * file – without the protocol module (oauth4webapi), which would be one more
 * file in sequence (README, „One OIDC client“).
 */

export type { CallbackExpectations, ProviderMetadata, SignInData } from './code-exchange.js';

/**
 * The states of finished sign-ins in this tab, so that a reload of such an
 * address is told apart from a foreign one (when storage is full, a reload
 * reads as a foreign address and is left alone).
 */
export const usedStates = new RecentList('buergerportal-widgets.used-states', 5, () => usableStorage('session'));

/**
 * Removes the widget's sign-in states older than {@link SIGN_IN_STATE_TTL_SECONDS}
 * (or unreadable) from `store` – except the one the page's address answers, which
 * the way back refuses with a sentence for the citizen.
 */
export function sweepAbandonedSignIns(store: Storage | undefined, nowSeconds: number, answered: string | null): void {
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, index) => store.key(index)).filter(
    (key) => key?.startsWith(STATE_PREFIX) && key !== STATE_PREFIX + answered,
  );
  for (const key of keys) if (!isFresh(readState(store.getItem(key!)), nowSeconds)) store.removeItem(key!);
}

export type CallbackResult = { kind: 'signed-in'; user: StoredUser; returnTo?: string } | CallbackEnd;

/** The whole way back: the code exchange (unless the first file began it already) and the checks of its answer. */
export async function completeCallback(
  url: URL,
  expected: CallbackExpectations,
  metadata: ProviderMetadata,
  store: Storage,
  fetchImpl?: typeof fetch,
): Promise<CallbackResult> {
  return finishCodeExchange(beginCodeExchange(url, expected, metadata, store, fetchImpl), expected);
}

/** The token endpoint's answer, checked, as the stored user; or why the way back ends. */
export async function finishCodeExchange(begun: CodeExchange | CallbackEnd, expected: CallbackExpectations): Promise<CallbackResult> {
  if (begun.kind !== 'exchanging') return begun;
  const { state, returnTo, metadata } = begun;
  const tokens = await begun.tokens;
  if (!tokens) return { kind: 'failed', reason: 'token', returnTo };
  const now = Math.floor(Date.now() / 1000);
  const checked = checkIdToken(tokens.id_token ?? '', {
    issuer: metadata.issuer,
    clientId: expected.clientId,
    now,
    nonce: state.nonce,
    maxAge: expected.maxAge,
    passwordAskedSince: state.data?.passwordAsked ? state.created : undefined,
  });
  if ('problem' in checked) return { kind: 'failed', reason: 'id-token', returnTo };
  const user: StoredUser = {
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token,
    id_token: tokens.id_token,
    session_state: tokens.session_state ?? null,
    token_type: tokens.token_type,
    scope: tokens.scope ?? state.scope,
    expires_at: typeof tokens.expires_in === 'number' ? now + tokens.expires_in : undefined,
    profile: checked.profile,
    clock_offset: clockOffset(tokens.id_token, now),
  };
  return { kind: 'signed-in', user, returnTo };
}
