import { http, HttpResponse } from 'msw';
import { forgetAllSessions } from '../../src/auth/session-registry.js';
import { startWorker, worker } from './mock-backend.js';

/*
 * Discovery and token endpoint of an OpenID provider as msw handlers: enough
 * for element tests of every state. The real redirect flow against a real
 * provider (oidc-provider) is proven by the end-to-end tests.
 */

export const AUTHORITY = `${location.origin}/idp`;
// One client id per test page: test files run side by side in one browser, and
// a sign-out broadcast by one page must not end the session of another.
export const CLIENT_ID = `buergerportal-test-${Math.random().toString(36).slice(2, 10)}`;

export interface FakeProviderOptions {
  endSession?: boolean;
  /** Answer of the token endpoint to a refresh; `invalid_grant` when false. */
  refresh?: boolean;
  /**
   * `missing`: a 404 HTML page (the authority is wrong); `down`: no answer at
   * all (network error); `foreign-issuer`: a document naming another issuer.
   */
  discovery?: 'ok' | 'missing' | 'down' | 'foreign-issuer';
  /** The ID token's claims for a code exchange (unsigned: the page does not check signatures). */
  idTokenClaims?: Record<string, unknown>;
  /** The claims of an ID token sent with a renewal; none when not given. */
  refreshIdTokenClaims?: Record<string, unknown>;
  /** The revocation endpoint wants client authentication (as glewlwyd's): 401 for a public client. */
  revocationRefused?: boolean;
  /** A renewal's answer comes only when this resolves (a slow token endpoint). */
  refreshAnswered?: Promise<void>;
}

/** A JWT with `claims` and a fake signature, as the provider would put them in an ID token. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  // RS256 as a provider signs; the page checks claims, not signatures (see id-token.ts).
  return `${part({ alg: 'RS256' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** Claims of a valid ID token for this page's client, with `nonce`. */
export function validClaims(nonce: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: AUTHORITY, aud: CLIENT_ID, sub: 'citizen-1', exp: now + 600, iat: now, nonce, name: 'Erika Mustermann', ...extra };
}

/** What the widget keeps when the citizen clicks sign-in (its own record, oidc.ts): under its prefix, `ageSeconds` old. */
export function seedSignInState(state: string, nonce = 'nonce-1', ageSeconds = 5, storage: Storage = sessionStorage): void {
  storage.setItem(
    `buergerportal-widgets.state.${state}`,
    JSON.stringify({
      created: Math.floor(Date.now() / 1000) - ageSeconds,
      data: { returnTo: PAGE_URL.href },
      authority: AUTHORITY,
      client_id: CLIENT_ID,
      redirect_uri: PAGE_URL.origin + PAGE_URL.pathname,
      code_verifier: 'verifier',
      nonce,
      scope: 'openid profile',
    }),
  );
}

/** A sign-in that finished before (its address reloaded later), kept as the login of AUTHORITY and CLIENT_ID keeps it. */
export function markStateUsed(state: string): void {
  sessionStorage.setItem('buergerportal-widgets.used-states', JSON.stringify([`${AUTHORITY} ${CLIENT_ID} ${state}`]));
}

export async function useFakeProvider(
  options: FakeProviderOptions = {},
): Promise<{ tokenRequests: URLSearchParams[]; revocations: URLSearchParams[]; discoveryRequests: () => number }> {
  const tokenRequests: URLSearchParams[] = [];
  const revocations: URLSearchParams[] = [];
  let discoveries = 0;
  await startWorker();
  worker.resetHandlers(
    http.get(`${AUTHORITY}/.well-known/openid-configuration`, () =>
      ++discoveries && options.discovery === 'missing'
        ? new HttpResponse('<html>Not found</html>', { status: 404, headers: { 'Content-Type': 'text/html' } })
        : options.discovery === 'down'
          ? HttpResponse.error()
          : HttpResponse.json({
              issuer: options.discovery === 'foreign-issuer' ? 'https://login.other.example/realms/x' : AUTHORITY,
              authorization_endpoint: `${AUTHORITY}/auth`,
              token_endpoint: `${AUTHORITY}/token`,
              jwks_uri: `${AUTHORITY}/jwks`,
              revocation_endpoint: `${AUTHORITY}/revoke`,
              ...(options.endSession ? { end_session_endpoint: `${AUTHORITY}/session/end` } : {}),
              response_types_supported: ['code'],
              code_challenge_methods_supported: ['S256'],
            }),
    ),
    http.post(`${AUTHORITY}/revoke`, async ({ request }) => {
      revocations.push(new URLSearchParams(await request.text()));
      if (options.revocationRefused) return HttpResponse.json({ error: 'invalid_client' }, { status: 401 });
      return new HttpResponse(null, { status: 200 });
    }),
    http.post(`${AUTHORITY}/token`, async ({ request }) => {
      const body = new URLSearchParams(await request.text());
      tokenRequests.push(body);
      if (body.get('grant_type') === 'authorization_code') {
        if (!options.idTokenClaims) return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
        return HttpResponse.json({
          access_token: 'access-from-code',
          token_type: 'Bearer',
          expires_in: 3600,
          refresh_token: 'refresh-1',
          id_token: fakeJwt(options.idTokenClaims),
        });
      }
      if (!options.refresh) return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
      await options.refreshAnswered;
      const idToken = options.refreshIdTokenClaims && { id_token: fakeJwt(options.refreshIdTokenClaims) };
      return HttpResponse.json({
        access_token: 'renewed-token',
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: 'refresh-2',
        ...idToken,
      });
    }),
  );
  return { tokenRequests, revocations, discoveryRequests: () => discoveries };
}

/** Puts a signed-in citizen into sessionStorage, as the session keeps it after a sign-in. */
export function seedSignedInUser(
  options: {
    expiresInSeconds?: number;
    refreshToken?: string;
    name?: string;
    subject?: string;
    legacyKey?: boolean;
    idToken?: string;
    /** When the sign-in happened (ms); left out, as an earlier version stored it. */
    signedInAt?: number;
  } = {},
): void {
  const user = {
    access_token: 'access-1',
    token_type: 'Bearer',
    id_token: options.idToken ?? 'header.payload.signature',
    refresh_token: options.refreshToken,
    scope: 'openid profile',
    profile: {
      sub: options.subject ?? 'citizen-1',
      iss: AUTHORITY,
      aud: CLIENT_ID,
      exp: 0,
      iat: 0,
      name: options.name ?? 'Erika Mustermann',
    },
    expires_at: Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 3600),
    signed_in_at: options.signedInAt,
  };
  sessionStorage.setItem(options.legacyKey ? LEGACY_USER_KEY : USER_KEY, JSON.stringify(user));
}

/** Where the session keeps the user; before, under oidc-client-ts's shared `oidc.` prefix. */
export const USER_KEY = `buergerportal-widgets.user:${AUTHORITY}:${CLIENT_ID}`;
export const LEGACY_USER_KEY = `oidc.user:${AUTHORITY}:${CLIENT_ID}`;

/** A sign-out in another tab at `at` (ms), as that tab notes it in localStorage. */
export function seedSignOutElsewhere(at: number): void {
  localStorage.setItem(`buergerportal-widgets.signed-out:${AUTHORITY}:${CLIENT_ID}`, String(at));
}

/** The idle deadline the session keeps beside the user (ms since epoch). */
export function seedIdleDeadline(at: number): void {
  sessionStorage.setItem(`buergerportal-widgets.idle:${AUTHORITY}:${CLIENT_ID}`, String(at));
}

/** Whether the next sign-in from this browser asks for the password again. */
export function passwordRequiredNext(): boolean {
  return localStorage.getItem(`buergerportal-widgets.prompt-login:${AUTHORITY} ${CLIENT_ID}`) === '1';
}

export function storedUser(): string | null {
  return sessionStorage.getItem(USER_KEY);
}

// The test page's own address, with the runner's parameters: it must not lose
// them, or the runner takes the page for navigated away.
const PAGE_URL = new URL(location.href);

/** The page's address as if the provider had sent the citizen back with `params`. */
export function returnFromProvider(params: string): void {
  const url = new URL(PAGE_URL);
  for (const [name, value] of new URLSearchParams(params)) url.searchParams.append(name, value);
  history.replaceState(null, '', url);
}

/** The page's query without the runner's parameters, e.g. `?keep=1`. */
export function ownSearch(): string {
  const params = new URLSearchParams(location.search);
  for (const name of PAGE_URL.searchParams.keys()) params.delete(name);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** A clean page for the next test: no sessions, no stored users, no callback parameters. */
export function resetAuthState(): void {
  forgetAllSessions();
  sessionStorage.clear();
  localStorage.clear();
  history.replaceState(null, '', PAGE_URL);
}
