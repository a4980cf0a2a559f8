import { isLoopback } from '../shared/urls.js';
import { readChoiceAttribute, readUrlAttribute, type ConfigProblem } from '../shared/config-problem.js';
import { PROVIDERS, type ProviderId } from '../session-types.js';

export { PROVIDERS, type ProviderId } from '../session-types.js';

export const TOKEN_STORAGES = ['session', 'memory'] as const;
export type TokenStorage = (typeof TOKEN_STORAGES)[number];

/** The default idle limit: 30 minutes, as public guidance gives for BundID's „substantiell“ level. */
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 1800;
/** How the provider is told of a sign-out (RP-Initiated Logout): a form POST (the ID token in the body) or a GET (in the address). */
export const SIGN_OUT_METHODS = ['post', 'get'] as const;
export type SignOutMethod = (typeof SIGN_OUT_METHODS)[number];

/** The sign-in settings of one `<servicekonto-login>` (or a manager without one), checked. */
/** A login's configuration: browser mode (OpenID Connect in the page) or BFF mode (`bff-url`). */
export type LoginConfig = BrowserLoginConfig | BffLoginConfig;

interface CommonLoginConfig {
  /** Where the sign-in happens: the OpenID issuer, or in BFF mode the BFF (for messages and the CSP watch). */
  authority: string;
  provider: ProviderId;
  registrationUrl: string;
}

export interface BrowserLoginConfig extends CommonLoginConfig {
  mode: 'browser';
  clientId: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scope: string;
  idpHint?: string;
  tokenStorage: TokenStorage;
  /** Seconds without activity in the elements after which the session ends. */
  idleTimeout: number;
  /** OpenID `max_age`: the provider asks for the password when the last one was given longer ago (kiosk pages). */
  maxAge?: number;
  /** RFC 8707 resource indicator: the backend, as the access token's `aud` (sign-in, code, renewal). */
  resource?: string;
  /** `post` (default) or `get` for providers that accept only GET at their end-session endpoint (glewlwyd). */
  signOutMethod: SignOutMethod;
}

export interface BffLoginConfig extends CommonLoginConfig {
  mode: 'bff';
  /** The backend-for-frontend that signs in and holds the tokens (`authority` is this address too). */
  bffUrl: string;
  /** Attributes given that only browser mode uses, for a hint to the editor. */
  ignored: string[];
}

/** The element properties that configure a login: a change sets it up anew. */
export const LOGIN_PROPERTIES = [
  'authority',
  'clientId',
  'redirectUri',
  'postLogoutRedirectUri',
  'scope',
  'idpHint',
  'provider',
  'registrationUrl',
  'tokenStorage',
  'idleTimeout',
  'maxAge',
  'signOutMethod',
  'resource',
  'bffUrl',
] as const;

/** Attributes that only browser mode reads; with `bff-url` the BFF's own settings take their place. */
const BROWSER_MODE_ONLY = [
  'authority',
  'client-id',
  'redirect-uri',
  'post-logout-redirect-uri',
  'scope',
  'idp-hint',
  'token-storage',
  'idle-timeout',
  'max-age',
  'sign-out-method',
  'resource',
];

export type ConfigResult<T> = { ok: true; config: T } | { ok: false; problems: ConfigProblem[] };

export interface PageLocation {
  protocol: string;
  hostname: string;
  origin: string;
  pathname: string;
}

/** Where citizens create an account when the editor sets no `registration-url`. */
export const DEFAULT_REGISTRATION_URLS: Record<ProviderId, string> = {
  'servicekonto-nrw': 'https://servicekonto.nrw/',
  bundid: 'https://id.bund.de/de/registration',
};

/**
 * Checks the attributes of a sign-in element. Pure: the caller passes the
 * attribute reader and the page's location.
 */
export function readLoginConfig(attribute: (name: string) => string | null, page: PageLocation): ConfigResult<LoginConfig> {
  if (attribute('bff-url')?.trim()) return readBffLoginConfig(attribute, page);
  const problems: ConfigProblem[] = [];
  if (page.protocol !== 'https:' && !isLoopback(page.hostname)) problems.push({ kind: 'insecure-page' });
  const authority = readUrlAttribute('authority', attribute('authority'), problems, true, page.hostname);
  const clientId = attribute('client-id')?.trim();
  if (!clientId) problems.push({ kind: 'missing', attribute: 'client-id' });
  const currentPage = page.origin + page.pathname;
  const redirectUri = readUrlAttribute('redirect-uri', attribute('redirect-uri'), problems, false, page.hostname);
  const postLogout = readUrlAttribute('post-logout-redirect-uri', attribute('post-logout-redirect-uri'), problems, false, page.hostname);
  const registration = readUrlAttribute('registration-url', attribute('registration-url'), problems, false, page.hostname);
  const provider = readChoiceAttribute('provider', attribute('provider'), PROVIDERS, problems);
  const tokenStorage = readChoiceAttribute('token-storage', attribute('token-storage'), TOKEN_STORAGES, problems);
  const idleTimeout = readSeconds('idle-timeout', attribute('idle-timeout'), IDLE_TIMEOUT_RANGE, problems) ?? DEFAULT_IDLE_TIMEOUT_SECONDS;
  const maxAge = readSeconds('max-age', attribute('max-age'), MAX_AGE_RANGE, problems);
  const signOutMethod = readChoiceAttribute('sign-out-method', attribute('sign-out-method'), SIGN_OUT_METHODS, problems);
  const resource = readUrlAttribute('resource', attribute('resource'), problems, false, page.hostname);
  if (resource && attribute('resource')!.includes('#')) problems.push({ kind: 'invalid-url', attribute: 'resource' });
  if (problems.length > 0 || !authority || !clientId) return { ok: false, problems };
  return {
    ok: true,
    config: {
      mode: 'browser',
      authority: authority.href.replace(/\/+$/, ''),
      clientId,
      redirectUri: redirectUri?.href ?? currentPage,
      postLogoutRedirectUri: postLogout?.href ?? currentPage,
      scope: attribute('scope')?.trim() || 'openid profile',
      idpHint: attribute('idp-hint')?.trim() || undefined,
      provider,
      registrationUrl: registration?.href ?? DEFAULT_REGISTRATION_URLS[provider],
      tokenStorage,
      idleTimeout,
      ...(maxAge !== undefined && { maxAge }),
      signOutMethod,
      ...(resource && { resource: attribute('resource')!.trim() }),
    },
  };
}

/**
 * BFF mode: `bff-url` (absolute, or a path on the page's origin such as
 * `/buergerportal-bff`), `provider` and `registration-url`; everything about
 * OpenID Connect is the BFF's business.
 */
function readBffLoginConfig(attribute: (name: string) => string | null, page: PageLocation): ConfigResult<BffLoginConfig> {
  const problems: ConfigProblem[] = [];
  if (page.protocol !== 'https:' && !isLoopback(page.hostname)) problems.push({ kind: 'insecure-page' });
  const raw = attribute('bff-url')!.trim();
  const bff = readUrlAttribute('bff-url', resolveAgainst(raw, page.origin), problems, true, page.hostname);
  const registration = readUrlAttribute('registration-url', attribute('registration-url'), problems, false, page.hostname);
  const provider = readChoiceAttribute('provider', attribute('provider'), PROVIDERS, problems);
  if (problems.length > 0 || !bff) return { ok: false, problems };
  const bffUrl = bff.href.replace(/\/+$/, '');
  return {
    ok: true,
    config: {
      mode: 'bff',
      authority: bffUrl,
      provider,
      registrationUrl: registration?.href ?? DEFAULT_REGISTRATION_URLS[provider],
      bffUrl,
      ignored: BROWSER_MODE_ONLY.filter((name) => isSet(attribute(name), name)),
    },
  };
}

/** Set by the editor: not empty, and not the default a property carries anyway. */
function isSet(value: string | null, name: string): boolean {
  const defaults: Record<string, string> = {
    'token-storage': 'session',
    'sign-out-method': 'post',
    'idle-timeout': String(DEFAULT_IDLE_TIMEOUT_SECONDS),
  };
  return !!value?.trim() && value.trim() !== defaults[name];
}

function resolveAgainst(value: string, origin: string): string {
  try {
    return new URL(value, `${origin}/`).href;
  } catch {
    return value;
  }
}

/** `idle-timeout`: from five minutes (time to type an address) to a day. */
const IDLE_TIMEOUT_RANGE = [300, 86_400] as const;
/** `max-age`: from 0 (always the password) to a day. */
const MAX_AGE_RANGE = [0, 86_400] as const;

/** A whole number of seconds within `range`; empty or wrong is `undefined` (wrong also a problem for the editor). */
function readSeconds(
  attribute: string,
  value: string | null,
  range: readonly [number, number],
  problems: ConfigProblem[],
): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const seconds = Number(trimmed);
  if (Number.isInteger(seconds) && seconds >= range[0] && seconds <= range[1]) return seconds;
  problems.push({ kind: 'invalid-value', attribute, allowed: [range.join('–')] });
  return undefined;
}

/** The key under which one session is shared on a page. */
export function sessionKey(config: LoginConfig): string {
  return config.mode === 'bff' ? `bff ${config.bffUrl}` : `${config.authority} ${config.clientId}`;
}
