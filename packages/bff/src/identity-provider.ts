import * as oidc from 'openid-client';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { BffConfig } from './config.js';
import { NO_METRICS, type Metrics } from './metrics.js';

/** What a sign-in needs to keep until the provider sends the citizen back. */
export interface SignInTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** With `prompt=login`: when the sign-in started (ms since epoch), to check a provider's `auth_time`. */
  passwordAskedSince?: number;
}

export interface TokenSet {
  accessToken: string;
  /** ms since epoch. */
  accessTokenExpiresAt: number;
  refreshToken?: string;
  idToken?: string;
}

export interface SignedInCitizen extends TokenSet {
  idToken: string;
  subject: string;
  providerSession?: string;
  displayName: string;
}

/** A sign-in with `prompt=login` whose `auth_time` says the password was given before it started: the provider did not ask. */
export class PasswordNotAskedError extends Error {
  constructor() {
    super('the provider answered prompt=login with an older auth_time');
  }
}

/**
 * The policy for `prompt=login` (after a sign-out or an ended session, shared
 * computers): an `auth_time` the provider sends must not lie before the
 * sign-in started (clock skew allowed). OpenID Connect does not require
 * `auth_time` for `prompt=login`, and some providers send 0 (glewlwyd 2.7):
 * without a usable value the sign-in is taken – the provider's page is what
 * asked. With BFF_MAX_AGE, openid-client requires `auth_time` and checks it.
 */
export function checkPasswordAsked(claims: { auth_time?: unknown; iat?: unknown }, askedSince: number | undefined, now: number): void {
  const authTime = claims.auth_time;
  if (askedSince === undefined || typeof authTime !== 'number' || authTime <= 0) return;
  // Measured on the provider's clock (the ID token's iat): what is left is the way from the password to the token.
  const offset = typeof claims.iat === 'number' ? claims.iat * 1000 - now : 0;
  const tolerance = typeof claims.iat === 'number' ? AUTH_TIME_TOLERANCE_SECONDS : CLOCK_TOLERANCE_SECONDS;
  if (authTime * 1000 < askedSince + offset - tolerance * 1000) throw new PasswordNotAskedError();
}

/** With `iat`, seconds from the password to the token; wider lets a reused provider session pass as a fresh password. */
const AUTH_TIME_TOLERANCE_SECONDS = 30;

/** The provider said no to a refresh token: the session cannot go on. */
export class GrantRejectedError extends Error {}

/** A back-channel logout token that does not pass; `reason` says which check (for the log, never the token). */
export class LogoutTokenRefusedError extends Error {
  constructor(readonly reason: string) {
    super(`logout token refused: ${reason}`);
  }
}

/** A checked logout token: whom it ends, its issuer-wide id, and until when (seconds since epoch) it could be replayed. */
export interface LogoutToken {
  providerSession?: string;
  subject?: string;
  id: string;
  usableUntil: number;
}

const LOGOUT_TOKEN_TYPES = new Set(['logout+jwt', 'application/logout+jwt', 'jwt']);
const LOGOUT_TOKEN_MAX_AGE_SECONDS = 300;
/** Clocks of provider and BFF may differ by this much (faults.md, row 64). */
const CLOCK_TOLERANCE_SECONDS = 300;

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** Every call to the provider (discovery, code, refresh, revocation) ends after this many seconds. */
export const PROVIDER_TIMEOUT_SECONDS = 10;
/** When the provider names no lifetime: renew after five minutes, Keycloak's default. */
const DEFAULT_TOKEN_SECONDS = 300;

/**
 * The identity provider as seen by the BFF, a confidential client: discovery
 * (cached, retried after a failure), code flow with PKCE, state, nonce and the
 * `iss` check (openid-client), refresh, revocation, and back-channel logout
 * tokens (jose).
 */
export class IdentityProvider {
  private configuration?: Promise<oidc.Configuration>;
  private keys?: JWTVerifyGetKey;

  constructor(
    private readonly config: BffConfig,
    private readonly now: () => number = Date.now,
    private readonly metrics: Pick<Metrics, 'renewal'> = NO_METRICS,
  ) {}

  /** The provider's configuration; a failed discovery is tried again on the next call. */
  discover(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(this.config.issuer, this.config.clientId, undefined, this.clientAuthentication(), {
        execute: this.config.issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_SECONDS,
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  private clientAuthentication(): oidc.ClientAuth {
    return this.config.clientAuth === 'client_secret_post'
      ? oidc.ClientSecretPost(this.config.clientSecret)
      : oidc.ClientSecretBasic(this.config.clientSecret);
  }

  /**
   * At start: whether the provider offers BFF_CLIENT_AUTH at its token endpoint
   * (discovery's `token_endpoint_auth_methods_supported`, `client_secret_basic`
   * when absent). A sentence for the operator when not; `undefined` when it does.
   */
  async clientAuthProblem(): Promise<string | undefined> {
    const metadata = (await this.discover()).serverMetadata();
    const offered = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    if (offered.includes(this.config.clientAuth)) return undefined;
    return `Der Anmeldedienst bietet BFF_CLIENT_AUTH=${this.config.clientAuth} nicht an (token_endpoint_auth_methods_supported: ${offered.join(', ')}); setzen Sie BFF_CLIENT_AUTH auf eine dieser Methoden.`;
  }

  async startSignIn(returnTo: string, forcePassword: boolean): Promise<{ url: URL; transaction: SignInTransaction }> {
    const configuration = await this.discover();
    const transaction: SignInTransaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
      ...(forcePassword && { passwordAskedSince: this.now() }),
    };
    const parameters: Record<string, string> = {
      redirect_uri: `${this.config.publicUrl}/callback`,
      scope: this.config.scope,
      response_type: 'code',
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
    };
    if (this.config.idpHint) parameters.kc_idp_hint = this.config.idpHint;
    if (forcePassword) parameters.prompt = 'login';
    if (this.config.maxAgeSeconds !== undefined) parameters.max_age = String(this.config.maxAgeSeconds);
    if (this.config.resource) parameters.resource = this.config.resource;
    return { url: oidc.buildAuthorizationUrl(configuration, parameters), transaction };
  }

  /** Exchanges the code; openid-client checks state, `iss`, PKCE and the ID token (signature, iss, aud, exp, nonce). */
  async finishSignIn(callbackUrl: URL, transaction: SignInTransaction): Promise<SignedInCitizen> {
    const configuration = await this.discover();
    const tokens = await oidc.authorizationCodeGrant(
      configuration,
      callbackUrl,
      {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
        // With max_age the ID token must carry auth_time, no older than that: a provider that ignored it is refused.
        maxAge: this.config.maxAgeSeconds,
      },
      this.resourceParameter(),
    );
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new Error('no ID token');
    checkPasswordAsked(claims, transaction.passwordAskedSince, this.now());
    return {
      ...this.tokenSet(tokens),
      idToken: tokens.id_token,
      subject: claims.sub,
      providerSession: typeof claims.sid === 'string' ? claims.sid : undefined,
      displayName: displayName(claims) || (await this.nameFromUserInfo(configuration, tokens.access_token, claims.sub)),
    };
  }

  /** Providers that keep the name out of the ID token (oidc-provider's default) give it at userinfo; without it the citizen is signed in unnamed. */
  private async nameFromUserInfo(configuration: oidc.Configuration, accessToken: string, subject: string): Promise<string> {
    if (!configuration.serverMetadata().userinfo_endpoint) return '';
    try {
      return displayName(await oidc.fetchUserInfo(configuration, accessToken, subject));
    } catch {
      return '';
    }
  }

  async refresh(refreshToken: string): Promise<TokenSet> {
    try {
      const tokens = this.tokenSet(await oidc.refreshTokenGrant(await this.discover(), refreshToken, this.resourceParameter()));
      this.metrics.renewal('renewed');
      return tokens;
    } catch (error) {
      const rejected = error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant';
      this.metrics.renewal(rejected ? 'rejected' : 'failed');
      if (rejected) throw new GrantRejectedError();
      throw error;
    }
  }

  /** RFC 8707: the backend as the access token's audience, at the token endpoint too (a provider may take it only there). */
  private resourceParameter(): Record<string, string> | undefined {
    return this.config.resource ? { resource: this.config.resource } : undefined;
  }

  /** RFC 7009, where the provider offers it; a failure is not the citizen's problem. */
  async revoke(refreshToken: string): Promise<boolean> {
    const configuration = await this.discover();
    if (!configuration.serverMetadata().revocation_endpoint) return false;
    await oidc.tokenRevocation(configuration, refreshToken, { token_type_hint: 'refresh_token' });
    return true;
  }

  async endSessionEndpoint(): Promise<string | undefined> {
    return (await this.discover()).serverMetadata().end_session_endpoint;
  }

  /**
   * Checks a back-channel logout token (OpenID Connect Back-Channel Logout 1.0,
   * section 2.6): signature, issuer, audience, `iat` within five minutes, `exp`,
   * `jti`, the event, no nonce, `typ` `logout+jwt` (or the generic `JWT`). A
   * replay is the caller's to refuse, with {@link LogoutToken.id}.
   */
  async verifyLogoutToken(token: string): Promise<LogoutToken> {
    const metadata = (await this.discover()).serverMetadata();
    if (!metadata.jwks_uri) throw new LogoutTokenRefusedError('no-jwks-uri');
    this.keys ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
    const { payload, protectedHeader } = await jwtVerify(token, this.keys, {
      issuer: metadata.issuer,
      audience: this.config.clientId,
      maxTokenAge: LOGOUT_TOKEN_MAX_AGE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(this.now()),
      requiredClaims: this.config.logoutTokenExp === 'optional' ? ['iat', 'jti', 'events'] : ['iat', 'exp', 'jti', 'events'],
    }).catch((error: unknown) => {
      throw new LogoutTokenRefusedError(joseReason(error));
    });
    if (protectedHeader.typ !== undefined && !LOGOUT_TOKEN_TYPES.has(protectedHeader.typ.toLowerCase())) {
      throw new LogoutTokenRefusedError('typ');
    }
    const events = payload.events as Record<string, unknown> | undefined;
    if (typeof events !== 'object' || events === null || !(BACKCHANNEL_EVENT in events)) throw new LogoutTokenRefusedError('events');
    if ('nonce' in payload) throw new LogoutTokenRefusedError('nonce');
    const providerSession = typeof payload.sid === 'string' ? payload.sid : undefined;
    const subject = typeof payload.sub === 'string' ? payload.sub : undefined;
    if (!providerSession && !subject) throw new LogoutTokenRefusedError('no-sid-or-sub');
    // Kept as used until the token could no longer pass the checks above anyway.
    // Without `exp` (BFF_BACKCHANNEL_EXP=optional) `iat` bounds the token: its `jti` is kept as long as it could pass.
    const usableUntil = Math.min(payload.exp ?? Infinity, (payload.iat ?? 0) + LOGOUT_TOKEN_MAX_AGE_SECONDS) + CLOCK_TOLERANCE_SECONDS;
    return { providerSession, subject, id: `${metadata.issuer} ${String(payload.jti)}`, usableUntil };
  }

  private tokenSet(tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): TokenSet {
    return {
      accessToken: tokens.access_token,
      accessTokenExpiresAt: this.now() + (tokens.expiresIn() ?? DEFAULT_TOKEN_SECONDS) * 1000,
      refreshToken: tokens.refresh_token,
      idToken: tokens.id_token,
    };
  }
}

/** jose's claim or error code, e.g. `exp`, `ERR_JWS_SIGNATURE_VERIFICATION_FAILED`. */
function joseReason(error: unknown): string {
  const { claim, code } = (error ?? {}) as { claim?: unknown; code?: unknown };
  if (typeof claim === 'string') return `claim-${claim}`;
  return typeof code === 'string' ? code : 'unreadable';
}

function displayName(claims: oidc.IDToken | oidc.UserInfoResponse): string {
  const given = typeof claims.given_name === 'string' ? claims.given_name : '';
  const family = typeof claims.family_name === 'string' ? claims.family_name : '';
  if (typeof claims.name === 'string' && claims.name.trim()) return claims.name.trim();
  return `${given} ${family}`.trim();
}

/**
 * What the provider said when it refused a request (its `error`, `error_description` and HTTP status,
 * never what was sent), with a German hint naming the variable to check; `undefined` for other failures.
 */
export function providerRefusal(error: unknown, config: Pick<BffConfig, 'clientAuth'>): Record<string, string | number> | undefined {
  if (error instanceof PasswordNotAskedError)
    return {
      hint: 'Der Anmeldedienst hat trotz prompt=login nicht nach dem Passwort gefragt: sein auth_time liegt vor dem Beginn dieser Anmeldung.',
    };
  if (error instanceof Error && /auth_time/.test(error.message))
    return {
      hint: 'BFF_MAX_AGE verlangt ein auth_time im ID-Token, das nicht älter ist; dieser Anmeldedienst sendet keines (oder 0, wie glewlwyd 2.7) – BFF_MAX_AGE dort nicht setzen.',
    };
  if (!(error instanceof oidc.ResponseBodyError)) return undefined;
  const fields: Record<string, string | number> = { providerError: error.error, providerStatus: error.status };
  if (error.error_description) fields.providerErrorDescription = error.error_description.slice(0, 300);
  if (['unauthorized_client', 'invalid_client'].includes(error.error))
    fields.hint =
      config.clientAuth === 'client_secret_basic'
        ? 'Der Anmeldedienst lehnt die Client-Anmeldung ab: BFF_CLIENT_ID und BFF_CLIENT_SECRET prüfen; enthalten sie Zeichen wie „-“, dekodiert mancher Anmeldedienst (z. B. glewlwyd) die Basic-Zugangsdaten nicht – dann BFF_CLIENT_AUTH=client_secret_post setzen.'
        : 'Der Anmeldedienst lehnt die Client-Anmeldung ab: BFF_CLIENT_ID, BFF_CLIENT_SECRET und BFF_CLIENT_AUTH (client_secret_post) prüfen.';
  return fields;
}
