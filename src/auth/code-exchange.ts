import { isSigninCallback } from './callback-url.js';
import { issuerMatches } from './issuer.js';
import { usableStorage } from './safe-storage.js';

/*
 * The way back's first step, in the first file: the page goes from the
 * callback straight to the token exchange, and the session's file arrives
 * beside it (page, script, token ‖ session file, data) – never one after the
 * other. It reads only the widget's own record (written by oidc.ts) and the
 * discovery document kept at the click. Only the widget's own callbacks are
 * taken: the `state` must be one it stored under its own prefix, once. The
 * mix-up defence (RFC 9207) compares `iss` before the code leaves the page.
 * The answer is checked by the session's file (callback.ts).
 */

export const STATE_PREFIX = 'buergerportal-widgets.state.';
const METADATA_PREFIX = 'buergerportal-widgets.metadata:';

/**
 * A sign-in that has not come back within this time is given up: its PKCE
 * verifier and nonce are removed at the next start of the widget, and refused
 * should the answer still come.
 */
export const SIGN_IN_STATE_TTL_SECONDS = 600;

export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint?: string;
  token_endpoint: string;
  userinfo_endpoint?: string;
  revocation_endpoint?: string;
  end_session_endpoint?: string;
  authorization_response_iss_parameter_supported?: boolean;
}

/** The widget's own record of a sign-in on its way (oidc.ts `SignInRecord`), read back here. */
export interface StoredState {
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

export interface TokenAnswer {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
  session_state?: string;
}

/** How the way back ended without tokens to check. */
export type CallbackEnd =
  | { kind: 'cancelled'; returnTo?: string }
  /** Not the widget's (no such state), or used before: a reload or the back button. */
  | { kind: 'stale' }
  /** Another login's sign-in (a second provider or client on the page): left for that login. */
  | { kind: 'foreign' }
  | { kind: 'failed'; reason: 'error' | 'issuer' | 'token' | 'id-token'; returnTo?: string };

/** The code is on its way to the token endpoint; the record it was sent with, for the checks of the answer. */
export interface CodeExchange {
  kind: 'exchanging';
  state: StoredState;
  returnTo?: string;
  metadata: ProviderMetadata;
  tokens: Promise<TokenAnswer | undefined>;
}

export function readState(raw: string | null): StoredState | undefined {
  try {
    return raw ? (JSON.parse(raw) as StoredState) : undefined;
  } catch {
    return undefined;
  }
}

export function isFresh(state: StoredState | undefined, nowSeconds: number): boolean {
  return typeof state?.created === 'number' && nowSeconds - state.created <= SIGN_IN_STATE_TTL_SECONDS;
}

/**
 * Where the sign-in state lives until the citizen is back: the tab's own
 * sessionStorage, which no page in another tab can read or rewrite (a page
 * of the same origin rewrote the way back in localStorage and read the tokens
 * where it led). localStorage only where the tab's storage cannot be used.
 */
export function signInStateStorage(): Storage | undefined {
  return usableStorage('session') ?? usableStorage('local');
}

/** Whether `url` is on the path of this login's `redirect-uri`: only there is a callback this login's to take. */
export function onRedirectPath(redirectUri: string, url: URL): boolean {
  return new URL(redirectUri, url).pathname === url.pathname;
}

/** Whether the page's address is an answer to a sign-in this widget started (its own stored state). */
export function isOwnCallback(url: URL, store: Storage | undefined): boolean {
  return isSigninCallback(url) && !!store?.getItem(STATE_PREFIX + url.searchParams.get('state'));
}

/**
 * Takes the widget's record of this sign-in (once) and, for a code, sends it
 * to the token endpoint; or says why the way back ends here.
 */
export function beginCodeExchange(
  url: URL,
  expected: CallbackExpectations,
  metadata: ProviderMetadata,
  store: Storage,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): CodeExchange | CallbackEnd {
  const params = url.searchParams;
  const key = STATE_PREFIX + (params.get('state') ?? '');
  const raw = store.getItem(key);
  if (!raw) return { kind: 'stale' };
  const state = readState(raw);
  // Another login's sign-in (a second provider on the page) stays for that login.
  if (state && (state.client_id !== expected.clientId || !state.authority || !issuerMatches(state.authority, expected.authority)))
    return { kind: 'foreign' };
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
  const tokens = exchangeCode(metadata.token_endpoint, params.get('code') ?? '', state, expected, fetchImpl);
  return { kind: 'exchanging', state, returnTo, metadata, tokens };
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

/** A kept discovery document of this issuer, with a token endpoint; `undefined` when none can be trusted. */
export function keptMetadata(authority: string): ProviderMetadata | undefined {
  try {
    const raw = usableStorage('session')?.getItem(METADATA_PREFIX + authority);
    const metadata = raw ? (JSON.parse(raw) as Partial<ProviderMetadata>) : undefined;
    if (typeof metadata?.issuer !== 'string' || !issuerMatches(metadata.issuer, authority) || !metadata.token_endpoint) return undefined;
    // Any page of the origin that ran in this tab could have written it: its endpoints must lie under the issuer's
    // own path (the provider may share the site's origin, e.g. Keycloak behind the city's proxy at /auth).
    return endpointsUnder(new URL(authority), metadata) ? (metadata as ProviderMetadata) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the discovery document for the tab, so that the way back goes straight to the token exchange. */
export function keepMetadata(authority: string, metadata: object): void {
  try {
    usableStorage('session')?.setItem(METADATA_PREFIX + authority, JSON.stringify(metadata));
  } catch {
    // Full storage: the next page asks the provider again.
  }
}

const ENDPOINTS = ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'revocation_endpoint', 'end_session_endpoint'] as const;

/**
 * Whether every endpoint a kept discovery document names lies under the
 * issuer: its origin, below its path, without query or fragment (Keycloak,
 * oidc-provider and glewlwyd name theirs so). Otherwise it is asked for anew.
 */
function endpointsUnder(issuer: URL, metadata: Partial<ProviderMetadata>): boolean {
  const base = `${issuer.pathname.replace(/\/+$/, '')}/`;
  return ENDPOINTS.every((name) => {
    const value = metadata[name];
    if (value === undefined) return true;
    try {
      const url = new URL(value);
      return url.origin === issuer.origin && url.pathname.startsWith(base) && !url.search && !value.includes('#');
    } catch {
      return false;
    }
  });
}
