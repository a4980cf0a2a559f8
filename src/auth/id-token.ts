import type { UserProfile } from './stored-user.js';

/*
 * The checks OpenID Connect asks of a client for an ID token it received
 * straight from the token endpoint over TLS (Core 3.1.3.7): issuer, audience,
 * expiry, nonce – on the sign-in and on every renewal. The signature is the
 * backend's to check on the access token; the page shows only the name. Pure.
 */

/** Claims about the protocol, not the person: left out of the profile the page keeps. */
const PROTOCOL_CLAIMS = ['iss', 'aud', 'exp', 'iat', 'nbf', 'nonce', 'at_hash', 'c_hash', 'azp', 'auth_time', 'jti', 'sid', 'acr', 'amr'];
/** Clocks differ a little between provider and citizen: where the ID token has no `iat` to measure by. */
const SKEW_SECONDS = 300;
/**
 * With `iat`, `auth_time` and the sign-in's start are measured on the
 * provider's clock: what remains is the way from the password to the token
 * (a redirect and the code exchange), seconds. Wider would let a provider
 * session reused that long pass as a fresh password (shared computers).
 */
const AUTH_TIME_TOLERANCE_SECONDS = 30;

export type IdTokenProblem = 'malformed' | 'issuer' | 'audience' | 'expired' | 'nonce' | 'auth-time';

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  /** Seconds since the epoch. */
  now: number;
  /** The nonce sent with the sign-in request, if any. */
  nonce?: string;
  /** The sign-in's `max_age` (seconds): then `auth_time` is required and no older (Core 3.1.2.1). */
  maxAge?: number;
  /** A sign-in with `prompt=login` started then (seconds since the epoch): see {@link authTimeProblem}. */
  passwordAskedSince?: number;
}

export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const base64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    const payload = JSON.parse(json) as unknown;
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The person's claims of a valid ID token, or what is wrong with it. */
export function checkIdToken(token: string, expected: IdTokenExpectations): { profile: UserProfile } | { problem: IdTokenProblem } {
  const claims = decodeJwtPayload(token);
  if (!claims || typeof claims.sub !== 'string') return { problem: 'malformed' };
  if (claims.iss !== expected.issuer) return { problem: 'issuer' };
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  // Core 3.1.3.7: an `azp`, where present, names this client.
  if (!audiences.includes(expected.clientId) || (claims.azp !== undefined && claims.azp !== expected.clientId)) {
    return { problem: 'audience' };
  }
  // The token comes straight from the token endpoint: its expiry is measured on the provider's clock
  // (its `iat`), so that a citizen's clock that is wrong by minutes or hours does not lock them out.
  if (typeof claims.exp !== 'number' || claims.exp + SKEW_SECONDS < providerNow(claims, expected)) return { problem: 'expired' };
  if (expected.nonce !== undefined && claims.nonce !== expected.nonce) return { problem: 'nonce' };
  if (authTimeProblem(claims, expected)) return { problem: 'auth-time' };
  const profile = Object.fromEntries(Object.entries(claims).filter(([key]) => !PROTOCOL_CLAIMS.includes(key)));
  return { profile: profile as UserProfile };
}

/**
 * The `auth_time` policy, in the provider's time: the citizen's clock may be
 * off, so the sign-in's start is moved by the difference between the ID
 * token's `iat` and the citizen's clock. With `max_age` the ID token must say
 * when the password was given, no longer ago than that (a provider that
 * ignores `max_age`, or sends 0, fails the sign-in). With `prompt=login` alone
 * OpenID Connect does not require `auth_time`: a usable one must not lie
 * before the sign-in started; none, or 0 (glewlwyd 2.7), is taken – the
 * provider's page is what asked.
 */
function authTimeProblem(claims: Record<string, unknown>, expected: IdTokenExpectations): boolean {
  const usable = typeof claims.auth_time === 'number' && claims.auth_time > 0 ? claims.auth_time : undefined;
  const now = providerNow(claims, expected);
  const tolerance = typeof claims.iat === 'number' ? AUTH_TIME_TOLERANCE_SECONDS : SKEW_SECONDS;
  if (expected.maxAge !== undefined && (usable === undefined || now - usable > expected.maxAge + tolerance)) return true;
  if (expected.passwordAskedSince === undefined || usable === undefined) return false;
  const startedInProviderTime = expected.passwordAskedSince + (now - expected.now);
  return usable < startedInProviderTime - tolerance;
}

/** The provider's now: the ID token's `iat` where it has one (it was just issued), else the citizen's clock. */
function providerNow(claims: Record<string, unknown>, expected: IdTokenExpectations): number {
  return typeof claims.iat === 'number' ? claims.iat : expected.now;
}

/** Seconds the provider's clock is ahead of the citizen's (negative: behind), from a fresh ID token's `iat`. */
export function clockOffset(token: string | undefined, now: number): number {
  const iat = token ? decodeJwtPayload(token)?.iat : undefined;
  return typeof iat === 'number' ? iat - now : 0;
}
