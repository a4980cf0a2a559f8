import * as oauth from 'oauth4webapi';
import type { SessionFailure } from './session.js';

/*
 * Browser mode's OpenID Connect protocol on oauth4webapi (panva; the BFF's
 * openid-client rests on it), loaded when needed – the sign-in click, a
 * renewal, sign-out – as its own file (buergerportal-widgets.oidc.js).
 * Public API only: discovery, the authorization request with PKCE, the
 * refresh grant and revocation. The sign-in's state is the project's own
 * record; the way back (callback.ts, user-name.ts) reads it in the main file.
 */

export type ProviderConfiguration = oauth.AuthorizationServer;

/** Every call to the provider ends after this long. */
const TIMEOUT_MS = 10_000;
/** Clocks of provider and citizen may differ this much (as id-token.ts allows on the way back). */
const CLOCK_TOLERANCE_SECONDS = 300;

/** The public client, with the widgets' tolerance for the citizen's clock and its offset to the provider's, where known. */
function publicClient(settings: ProtocolSettings, clockOffsetSeconds = 0): oauth.Client {
  return { client_id: settings.clientId, [oauth.clockTolerance]: CLOCK_TOLERANCE_SECONDS, [oauth.clockSkew]: clockOffsetSeconds };
}

export interface ProtocolSettings {
  authority: string;
  clientId: string;
}

export type Discovery =
  | { ok: true; metadata: ProviderConfiguration }
  | {
      ok: false;
      failure: Extract<SessionFailure, 'provider-unreachable' | 'discovery-failed' | 'issuer-mismatch'>;
      reportedIssuer?: string;
      detail: string;
    };

/** http only towards this machine (development, tests); everywhere else oauth4webapi requires https. */
function requestOptions(authority: string, extra: Record<PropertyKey, unknown> = {}) {
  const { hostname } = new URL(authority);
  const loopback = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  return { [oauth.allowInsecureRequests]: loopback, signal: AbortSignal.timeout(TIMEOUT_MS), ...extra };
}

/** The provider's discovery document, its issuer checked against `authority` (a trailing slash aside). */
export async function discover(authority: string): Promise<Discovery> {
  const issuer = new URL(authority);
  try {
    const response = await oauth.discoveryRequest(issuer, requestOptions(authority));
    return { ok: true, metadata: await processDiscovery(issuer, response) };
  } catch (error) {
    return discoveryRefused(error);
  }
}

async function processDiscovery(issuer: URL, response: Response): Promise<ProviderConfiguration> {
  try {
    return await oauth.processDiscoveryResponse(issuer, response);
  } catch (error) {
    const reported = reportedIssuer(error);
    // The same issuer but for a trailing slash: taken with the issuer the provider names.
    if (!reported || withoutSlash(reported) !== withoutSlash(issuer.href)) throw error;
    const body = (error as oauth.OperationProcessingError).cause as { body: Record<string, unknown> };
    const again = new Response(JSON.stringify(body.body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    return oauth.processDiscoveryResponse(new URL(reported), again);
  }
}

// Nothing shared with the main file is imported here: the chunk must stand alone (a `?ver=` on the main file).
const withoutSlash = (issuer: string) => issuer.replace(/\/+$/, '');

function reportedIssuer(error: unknown): string | undefined {
  if (!(error instanceof oauth.OperationProcessingError) || error.code !== oauth.JSON_ATTRIBUTE_COMPARISON) return undefined;
  const issuer = (error.cause as { body?: { issuer?: unknown } } | undefined)?.body?.issuer;
  return typeof issuer === 'string' ? issuer : undefined;
}

/**
 * Why discovery failed: no answer, a timeout or a server error (5xx, 429) is
 * passing, for the citizen; any other answer (404, HTML) means `authority` is
 * wrong, for the editor; another issuer is the editor's too.
 */
function discoveryRefused(error: unknown): Extract<Discovery, { ok: false }> {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const issuer = reportedIssuer(error);
  if (issuer) return { ok: false, failure: 'issuer-mismatch', reportedIssuer: issuer, detail };
  const status = error instanceof oauth.OperationProcessingError && error.cause instanceof Response ? error.cause.status : undefined;
  const passing =
    error instanceof TypeError ||
    (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) ||
    (status !== undefined && (status >= 500 || status === 429));
  return { ok: false, failure: passing ? 'provider-unreachable' : 'discovery-failed', detail };
}

/** What the sign-in keeps until the citizen is back: the widget's own record (see callback.ts). */
export interface SignInRecord {
  /** Seconds since the epoch. */
  created: number;
  authority: string;
  client_id: string;
  redirect_uri: string;
  code_verifier: string;
  nonce: string;
  scope: string;
  data: unknown;
}

export interface SignInRequest {
  redirectUri: string;
  scope: string;
  data: unknown;
  prompt?: string;
  maxAge?: number;
  resource?: string;
  /** e.g. `kc_idp_hint`. */
  extra?: Record<string, string>;
}

/** The authorization request (code flow, PKCE S256, state, nonce) and the record to keep under its state. */
export async function authorizationRequest(
  metadata: ProviderConfiguration,
  settings: ProtocolSettings,
  request: SignInRequest,
): Promise<{ url: URL; state: string; record: SignInRecord }> {
  if (!metadata.authorization_endpoint) throw new Error('the provider names no authorization_endpoint');
  const state = oauth.generateRandomState();
  const record: SignInRecord = {
    created: Math.floor(Date.now() / 1000),
    authority: settings.authority,
    client_id: settings.clientId,
    redirect_uri: request.redirectUri,
    code_verifier: oauth.generateRandomCodeVerifier(),
    nonce: oauth.generateRandomNonce(),
    scope: request.scope,
    data: request.data,
  };
  const url = new URL(metadata.authorization_endpoint);
  const parameters: Record<string, string | undefined> = {
    client_id: settings.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: request.scope,
    state,
    nonce: record.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(record.code_verifier),
    code_challenge_method: 'S256',
    prompt: request.prompt,
    max_age: request.maxAge === undefined ? undefined : String(request.maxAge),
    resource: request.resource,
    ...request.extra,
  };
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) url.searchParams.set(name, value);
  return { url, state, record };
}

export type TokenAnswer = oauth.TokenEndpointResponse;

/**
 * A renewal with the refresh token. oauth4webapi checks a new ID token's
 * issuer, audience, `azp`, expiry and issue time; the caller checks that it
 * names the same citizen.
 */
export async function refresh(
  metadata: ProviderConfiguration,
  settings: ProtocolSettings,
  refreshToken: string,
  options: { resource?: string; clockOffsetSeconds?: number } = {},
): Promise<TokenAnswer> {
  const { resource, clockOffsetSeconds } = options;
  const client = publicClient(settings, clockOffsetSeconds);
  const additionalParameters = resource ? { resource } : undefined;
  const response = await oauth.refreshTokenGrantRequest(
    metadata,
    client,
    oauth.None(),
    refreshToken,
    requestOptions(settings.authority, { additionalParameters }),
  );
  return oauth.processRefreshTokenResponse(metadata, client, response).catch((error: unknown) => {
    throw idTokenRefusal(error) ?? error;
  });
}

/** What the renewal's caller needs to know of a refused ID token: which check, not the library's class or text. */
export interface IdTokenRefusal extends Error {
  idTokenRefused: string;
}

const ID_TOKEN_CHECKS = new Set<string>([oauth.JWT_CLAIM_COMPARISON, oauth.JWT_TIMESTAMP_CHECK]);

function idTokenRefusal(error: unknown): IdTokenRefusal | undefined {
  if (!(error instanceof oauth.OperationProcessingError) || !error.code || !ID_TOKEN_CHECKS.has(error.code)) return undefined;
  const claim = (error.cause as { claim?: unknown } | undefined)?.claim;
  return Object.assign(new Error('renewed ID token refused'), { idTokenRefused: typeof claim === 'string' ? claim : error.code });
}

/**
 * RFC 7009. `keepalive`, so that a sign-out's navigation does not cut it off.
 * Resolves with the provider's refusal (its status and `error`), or undefined.
 */
export async function revoke(
  metadata: ProviderConfiguration,
  settings: ProtocolSettings,
  token: string,
): Promise<{ status: number; error?: string } | undefined> {
  if (!metadata.revocation_endpoint) return undefined;
  const keepalive: typeof fetch = (url, init) => fetch(url, { ...init, keepalive: true });
  const response = await oauth.revocationRequest(
    metadata,
    publicClient(settings),
    oauth.None(),
    token,
    requestOptions(settings.authority, { additionalParameters: { token_type_hint: 'refresh_token' }, [oauth.customFetch]: keepalive }),
  );
  try {
    await oauth.processRevocationResponse(response);
    return undefined;
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) return { status: error.status, error: error.error };
    return { status: response.status };
  }
}
