import { isLoopback } from '../shared/urls.js';
import { readChoiceAttribute, readUrlAttribute, type ConfigProblem } from '../shared/config-problem.js';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from './idle-limit.js';

/** The citizen accounts a login can lead to; the one place this list is kept. */
export const PROVIDERS = ['servicekonto-nrw', 'bundid'] as const;
export type ProviderId = (typeof PROVIDERS)[number];

export const TOKEN_STORAGES = ['session', 'memory'] as const;
export type TokenStorage = (typeof TOKEN_STORAGES)[number];

/** The sign-in settings of one `<servicekonto-login>` (or a manager without one), checked. */
export interface LoginConfig {
  authority: string;
  clientId: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scope: string;
  idpHint?: string;
  provider: ProviderId;
  registrationUrl: string;
  tokenStorage: TokenStorage;
  /** Seconds without activity in the elements after which the session ends. */
  idleTimeout: number;
}

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
  const idleTimeout = readIdleTimeout(attribute('idle-timeout'), problems);
  if (problems.length > 0 || !authority || !clientId) return { ok: false, problems };
  return {
    ok: true,
    config: {
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
    },
  };
}

const IDLE_TIMEOUT_RANGE = [300, 86_400] as const;

/** `idle-timeout`: whole seconds from five minutes (time to type an address) to a day; empty means the default. */
function readIdleTimeout(value: string | null, problems: ConfigProblem[]): number {
  const trimmed = value?.trim();
  if (!trimmed) return DEFAULT_IDLE_TIMEOUT_SECONDS;
  const seconds = Number(trimmed);
  if (Number.isInteger(seconds) && seconds >= IDLE_TIMEOUT_RANGE[0] && seconds <= IDLE_TIMEOUT_RANGE[1]) return seconds;
  problems.push({ kind: 'invalid-value', attribute: 'idle-timeout', allowed: [IDLE_TIMEOUT_RANGE.join('–')] });
  return DEFAULT_IDLE_TIMEOUT_SECONDS;
}

/** The key under which one session is shared on a page. */
export function sessionKey(config: Pick<LoginConfig, 'authority' | 'clientId'>): string {
  return `${config.authority} ${config.clientId}`;
}
