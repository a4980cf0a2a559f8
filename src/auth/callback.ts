import { isSigninCallback } from './callback-url.js';
import { issuerMatches } from './issuer.js';
import { checkIdToken, clockOffset } from './id-token.js';
import { RecentList, usableStorage } from './safe-storage.js';
import type { StoredUser } from './stored-user.js';

/*
 * The way back from the provider, in the main file: the page goes from the
 * callback straight to the token exchange (page, script, token, data) – with
 * the protocol module (oauth4webapi) it would wait for one more file in
 * sequence, or make the first file 4.6 KB larger (README, „One OIDC client“).
 * It reads only the widget's own record (written by oidc.ts).
 * Only the widget's own callbacks are taken: the `state` must be one it
 * stored under its own prefix, once. The mix-up defence (RFC 9207) compares
 * `iss`, and the ID token is checked (issuer, audience, expiry, nonce).
 */

export const STATE_PREFIX = 'buergerportal-widgets.state.';
/**
 * The states of finished sign-ins in this tab, so that a reload of such an
 * address is told apart from a foreign one (when storage is full, a reload
 * reads as a foreign address and is left alone).
 */
export const usedStates = new RecentList('buergerportal-widgets.used-states', 5, () => usableStorage('session'));

/**
 * A sign-in that has not come back within this time is given up: its PKCE
 * verifier and nonce are removed at the next start of the widget, and refused
 * should the answer still come.
 */
export const SIGN_IN_STATE_TTL_SECONDS = 600;

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

function readState(raw: string | null): StoredState | undefined {
  try {
    return raw ? (JSON.parse(raw) as StoredState) : undefined;
  } catch {
    return undefined;
  }
}

function isFresh(state: StoredState | undefined, nowSeconds: number): boolean {
  return typeof state?.created === 'number' && nowSeconds - state.created <= SIGN_IN_STATE_TTL_SECONDS;
}

export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint?: string;
  token_endpoint: string;
  userinfo_endpoint?: string;
  revocation_endpoint?: string;
  end_session_endpoint?: string;
  authorization_response_iss_parameter_supported?: boolean;
}

export type CallbackResult =
  | { kind: 'signed-in'; user: StoredUser; returnTo?: string }
  | { kind: 'cancelled'; returnTo?: string }
  /** Not the widget's (no such state), or used before: a reload or the back button. */
  | { kind: 'stale' }
  | { kind: 'failed'; reason: 'error' | 'issuer' | 'token' | 'id-token'; returnTo?: string };

/** The widget's own record of a sign-in on its way (oidc.ts `SignInRecord`), read back here. */
interface StoredState {
  /** Seconds since the epoch. */
  created?: number;
  scope?: string;
  authority?: string;
  client_id?: string;
  redirect_uri?: string;
  code_verifier?: string;
  nonce?: string;
  data?: SignInData;
}

/** What the widget keeps with a sign-in (the record's `data`) until the citizen is back. */
export interface SignInData {
  returnTo?: string;
  /** The sign-in asked for the password (`prompt=login`). */
  passwordAsked?: boolean;
}

/** What the way back checks against: this login's settings. */
export interface CallbackExpectations {
  authority: string;
  clientId: string;
  maxAge?: number;
  /** RFC 8707: sent again with the code. */
  resource?: string;
}

/** Whether the page's address is an answer to a sign-in this widget started (its own stored state). */
export function isOwnCallback(url: URL, store: Storage | undefined): boolean {
  return isSigninCallback(url) && !!store?.getItem(STATE_PREFIX + url.searchParams.get('state'));
}

export async function completeCallback(
  url: URL,
  expected: CallbackExpectations,
  metadata: ProviderMetadata,
  store: Storage,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<CallbackResult> {
  const params = url.searchParams;
  const key = STATE_PREFIX + (params.get('state') ?? '');
  const raw = store.getItem(key);
  if (!raw) return { kind: 'stale' };
  const state = readState(raw);
  // Another login's sign-in (a second provider on the page) stays for that login.
  if (state && (state.client_id !== expected.clientId || !state.authority || !issuerMatches(state.authority, expected.authority)))
    return { kind: 'stale' };
  store.removeItem(key); // one use only
  if (!state) return { kind: 'stale' };
  const returnTo = state.data?.returnTo;
  if (!isFresh(state, Math.floor(Date.now() / 1000))) return { kind: 'failed', reason: 'error', returnTo };
  const iss = params.get('iss');
  if ((iss !== null && iss !== metadata.issuer) || (iss === null && metadata.authorization_response_iss_parameter_supported)) {
    return { kind: 'failed', reason: 'issuer', returnTo };
  }
  if (params.has('error'))
    return params.get('error') === 'access_denied' ? { kind: 'cancelled', returnTo } : { kind: 'failed', reason: 'error', returnTo };
  const tokens = await exchangeCode(metadata.token_endpoint, params.get('code') ?? '', state, expected, fetchImpl);
  if (!tokens) return { kind: 'failed', reason: 'token', returnTo };
  const checked = checkIdToken(tokens.id_token ?? '', {
    issuer: metadata.issuer,
    clientId: expected.clientId,
    now: Math.floor(Date.now() / 1000),
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
    expires_at: typeof tokens.expires_in === 'number' ? Math.floor(Date.now() / 1000) + tokens.expires_in : undefined,
    profile: checked.profile,
    clock_offset: clockOffset(tokens.id_token, Math.floor(Date.now() / 1000)),
  };
  return { kind: 'signed-in', user, returnTo };
}

interface TokenAnswer {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
  session_state?: string;
}

async function exchangeCode(
  endpoint: string,
  code: string,
  state: StoredState,
  expected: CallbackExpectations,
  fetchImpl: typeof fetch,
): Promise<TokenAnswer | undefined> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: state.redirect_uri ?? '',
    client_id: expected.clientId,
  });
  if (state.code_verifier) body.set('code_verifier', state.code_verifier);
  if (expected.resource) body.set('resource', expected.resource);
  try {
    const response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
      credentials: 'omit',
      // A token endpoint never redirects; one that does could hand code and verifier elsewhere.
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json()) as Partial<TokenAnswer>;
    return response.ok && typeof answer.access_token === 'string' ? (answer as TokenAnswer) : undefined;
  } catch {
    return undefined;
  }
}
