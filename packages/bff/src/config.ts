import type { BlockList } from 'node:net';
import { readTrustedProxies } from './client-address.js';
import type { RateGroup } from './rate-limits.js';
import { readInteger, type Env } from './config-values.js';
import { readOperations, type OperationsConfig } from './operations-config.js';

/** The BFF's settings, read from the environment only and checked at start. */
export interface BffConfig extends OperationsConfig {
  /** Where browsers reach the BFF, without a trailing slash, e.g. `https://www.stadt.example/buergerportal-bff`. */
  publicUrl: string;
  /** The path part of `publicUrl` ('' at the root): the BFF's routes live under it. */
  basePath: string;
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** BFF_CLIENT_AUTH: how the BFF authenticates at the token and revocation endpoints; checked against the provider's discovery at start. */
  clientAuth: ClientAuthMethod;
  /** The backend's base URL without a trailing slash. */
  backendUrl: string;
  /** Origins of the CMS pages that may call the BFF and be returned to. */
  allowedOrigins: ReadonlySet<string>;
  /** `memory`, or the Redis URL several processes share. */
  sessionStore: 'memory' | URL;
  /** BFF_STORE_TIMEOUT_MS: a store command not answered within this is a failure (503), never a wait. */
  storeTimeoutMs: number;
  /** BFF_STORE_WAIT_SECONDS: how long the start waits for the store before it gives up (exit code 3). */
  storeWaitSeconds: number;
  /** BFF_MAX_AGE: seconds since the citizen last gave the password, at most (OIDC `max_age`, `auth_time` checked); none: the provider decides. */
  maxAgeSeconds?: number;
  /** BFF_RESOURCE: the backend's resource indicator (RFC 8707), sent with the sign-in, the code and every renewal; the access token's `aud`. */
  resource?: string;
  /** BFF_STORE_KEY: 32 bytes that seal every value in the store (AES-256-GCM); without it values are kept as they are. */
  storeKey?: Buffer;
  idleSeconds: number;
  maxSeconds: number;
  /** Beyond this many live sessions, new sign-ins are refused (503) and the running sessions go on. */
  maxSessions: number;
  /** BFF_MAX_SESSIONS_PER_CITIZEN: one citizen's live sessions at most; a sign-in beyond ends that citizen's oldest session. */
  maxSessionsPerCitizen: number;
  /** Proxies whose `X-Forwarded-For` is believed (BFF_TRUSTED_PROXIES); empty: the connection's address counts. */
  trustedProxies: BlockList;
  /** Requests per client address and minute, per group of routes. */
  rateLimits: Record<RateGroup, number>;
  /** Beyond this many sign-ins on their way (at the provider, up to 10 minutes each), new ones are refused (503). */
  maxPendingSignIns: number;
  scope: string;
  idpHint?: string;
  /** BFF_END_SESSION_METHOD: `post` (default; the ID token in a form) or `get` (in the address) for providers that accept only GET. */
  endSessionMethod: 'post' | 'get';
  /**
   * BFF_BACKCHANNEL_EXP: `required` (default; Back-Channel Logout 1.0 as
   * amended in 2023) or `optional` for providers on the earlier text that sign
   * logout tokens without `exp` (glewlwyd 2.7); `iat` then bounds the token.
   */
  logoutTokenExp: 'required' | 'optional';
  host: string;
  port: number;
}

export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

export type BffConfigResult = { ok: true; config: BffConfig } | { ok: false; problems: string[] };

/*
 * Caps for a city of 300,000: at a peak (the tax notices are out) some 2,000
 * sign-ins an hour, 30 minutes each, are about 1,000 sessions at once and 350
 * sign-ins on their way; the defaults leave ten and five times that. 10,000
 * sessions take about 60 MB in the store.
 */
const DEFAULTS = {
  idleSeconds: 1800,
  maxSeconds: 28_800,
  maxSessions: 10_000,
  // A citizen with a phone, a laptop and a few browsers; one free account must not fill BFF_MAX_SESSIONS.
  maxSessionsPerCitizen: 10,
  maxPendingSignIns: 2000,
  // Per address and minute: a sign-in is two requests; an office behind one address signs in many citizens.
  rateLimits: { 'sign-in': 60, api: 300, 'back-channel': 600 },
  scope: 'openid profile',
  storeTimeoutMs: 1500,
  storeWaitSeconds: 10,
  host: '127.0.0.1',
  port: 8787,
} as const;

/** Reads and checks every variable; each problem is one sentence that names the variable and what it needs. */
export function readBffConfig(env: Env): BffConfigResult {
  const problems: string[] = [];
  const value = (name: string) => env[name]?.trim() || undefined;
  const required = (name: string, meaning: string) => {
    const found = value(name);
    if (!found) problems.push(`${name} fehlt: ${meaning}.`);
    return found;
  };
  const url = (name: string, meaning: string) => {
    const text = required(name, meaning);
    return text ? parseServiceUrl(name, text, problems) : undefined;
  };

  const publicUrl = url(
    'BFF_PUBLIC_URL',
    'die Adresse, unter der Browser den BFF erreichen, z. B. https://www.stadt.example/buergerportal-bff',
  );
  const issuer = url('BFF_ISSUER', 'der Issuer des Anmeldedienstes (Discovery), z. B. https://id.stadt.example/realms/buergerportal');
  const clientId = required('BFF_CLIENT_ID', 'die Client-ID des vertraulichen Clients beim Anmeldedienst');
  const clientSecret = required('BFF_CLIENT_SECRET', 'das Client-Geheimnis dieses Clients');
  const backendUrl = url('BFF_BACKEND_URL', 'die Adresse des Backends, das src/api/openapi.yaml umsetzt');
  const allowedOrigins = readOrigins(
    required('BFF_ALLOWED_ORIGINS', 'die Origins der CMS-Seiten, kommagetrennt, z. B. https://www.stadt.example'),
    problems,
  );
  const sessionStore = readStore(value('BFF_SESSION_STORE'), problems);
  const storeKey = readStoreKey(value('BFF_STORE_KEY'), problems);
  const storeTimeoutMs = readInteger(env, 'BFF_STORE_TIMEOUT_MS', DEFAULTS.storeTimeoutMs, 100, 10_000, problems);
  const storeWaitSeconds = readInteger(env, 'BFF_STORE_WAIT_SECONDS', DEFAULTS.storeWaitSeconds, 1, 600, problems);
  const resource = readResource(value('BFF_RESOURCE'), problems);
  const maxAgeSeconds = value('BFF_MAX_AGE') ? readInteger(env, 'BFF_MAX_AGE', 0, 0, 30 * 86_400, problems) : undefined;
  const idleSeconds = readInteger(env, 'BFF_SESSION_IDLE_SECONDS', DEFAULTS.idleSeconds, 10, 86_400, problems);
  const maxSeconds = readInteger(env, 'BFF_SESSION_MAX_SECONDS', DEFAULTS.maxSeconds, 10, 30 * 86_400, problems);
  if (maxSeconds < idleSeconds) problems.push('BFF_SESSION_MAX_SECONDS muss mindestens so groß sein wie BFF_SESSION_IDLE_SECONDS.');
  const maxSessions = readInteger(env, 'BFF_MAX_SESSIONS', DEFAULTS.maxSessions, 1, 10_000_000, problems);
  const maxSessionsPerCitizen = readInteger(env, 'BFF_MAX_SESSIONS_PER_CITIZEN', DEFAULTS.maxSessionsPerCitizen, 1, 1000, problems);
  const maxPendingSignIns = readInteger(env, 'BFF_MAX_PENDING_SIGNINS', DEFAULTS.maxPendingSignIns, 1, 1_000_000, problems);
  const trustedProxies = readTrustedProxies(value('BFF_TRUSTED_PROXIES'), problems);
  const rateLimits = {
    'sign-in': readInteger(env, 'BFF_RATE_LIMIT_SIGN_IN', DEFAULTS.rateLimits['sign-in'], 1, 1_000_000, problems),
    api: readInteger(env, 'BFF_RATE_LIMIT_API', DEFAULTS.rateLimits.api, 1, 1_000_000, problems),
    'back-channel': readInteger(env, 'BFF_RATE_LIMIT_BACKCHANNEL', DEFAULTS.rateLimits['back-channel'], 1, 1_000_000, problems),
  };
  const port = readInteger(env, 'PORT', DEFAULTS.port, 0, 65_535, problems);
  const operations = readOperations(env, problems);
  const scope = value('BFF_SCOPE') ?? DEFAULTS.scope;
  if (!scope.split(/\s+/).includes('openid')) problems.push('BFF_SCOPE muss „openid“ enthalten.');
  const clientAuth = value('BFF_CLIENT_AUTH') ?? 'client_secret_basic';
  if (!(CLIENT_AUTH_METHODS as readonly string[]).includes(clientAuth))
    problems.push(
      'BFF_CLIENT_AUTH erlaubt nur „client_secret_basic“ (Standard) oder „client_secret_post“ (für Anmeldedienste, die Basic-Zugangsdaten nicht URL-dekodieren, z. B. glewlwyd bei Bindestrichen in Client-ID oder Geheimnis).',
    );
  const endSessionMethod = (value('BFF_END_SESSION_METHOD') ?? 'post').toLowerCase();
  if (endSessionMethod !== 'post' && endSessionMethod !== 'get')
    problems.push(
      'BFF_END_SESSION_METHOD erlaubt nur „post“ (Standard) oder „get“ (für Anmeldedienste, die die Abmeldung nur per GET annehmen).',
    );
  const logoutTokenExp = (value('BFF_BACKCHANNEL_EXP') ?? 'required').toLowerCase();
  if (logoutTokenExp !== 'required' && logoutTokenExp !== 'optional')
    problems.push(
      'BFF_BACKCHANNEL_EXP erlaubt nur „required“ (Standard) oder „optional“ (für Anmeldedienste, deren Logout-Tokens kein exp tragen, z. B. glewlwyd 2.7).',
    );

  if (problems.length > 0 || !publicUrl || !issuer || !clientId || !clientSecret || !backendUrl) return { ok: false, problems };
  return {
    ok: true,
    config: {
      publicUrl: withoutTrailingSlash(publicUrl),
      basePath: publicUrl.pathname.replace(/\/+$/, ''),
      issuer,
      clientId,
      clientSecret,
      clientAuth: clientAuth as ClientAuthMethod,
      backendUrl: withoutTrailingSlash(backendUrl),
      allowedOrigins,
      sessionStore,
      storeKey,
      storeTimeoutMs,
      storeWaitSeconds,
      maxAgeSeconds,
      ...(resource && { resource }),
      idleSeconds,
      maxSeconds,
      maxSessions,
      maxSessionsPerCitizen,
      maxPendingSignIns,
      trustedProxies,
      rateLimits,
      scope,
      idpHint: value('BFF_IDP_HINT'),
      endSessionMethod: endSessionMethod === 'get' ? 'get' : 'post',
      logoutTokenExp: logoutTokenExp === 'optional' ? 'optional' : 'required',
      host: value('HOST') ?? DEFAULTS.host,
      port,
      ...operations,
    },
  };
}

/** https everywhere; http only for a loopback host (development on one machine). */
function parseServiceUrl(name: string, text: string, problems: string[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.push(`${name} ist keine vollständige Adresse: „${text}“.`);
    return undefined;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    problems.push(`${name} muss mit https:// beginnen (http nur für localhost und 127.0.0.1): „${text}“.`);
    return undefined;
  }
  if (url.search || url.hash) {
    problems.push(`${name} darf weder „?“ noch „#“ enthalten: „${text}“.`);
    return undefined;
  }
  return url;
}

function readOrigins(text: string | undefined, problems: string[]): Set<string> {
  const origins = new Set<string>();
  for (const entry of (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const url = parseServiceUrl('BFF_ALLOWED_ORIGINS', entry, problems);
    if (!url) continue;
    if (url.origin !== entry.replace(/\/$/, '')) {
      problems.push(`BFF_ALLOWED_ORIGINS nennt Origins ohne Pfad (Schema, Host, Port): „${entry}“ → „${url.origin}“.`);
      continue;
    }
    origins.add(url.origin);
  }
  return origins;
}

function readStore(text: string | undefined, problems: string[]): 'memory' | URL {
  if (!text || text === 'memory') return 'memory';
  try {
    const url = new URL(text);
    // The path names the database: none, or its number (redis://host:6379/2).
    if ((url.protocol === 'redis:' || url.protocol === 'rediss:') && /^\/?(\d{1,5})?$/.test(url.pathname)) return url;
  } catch {
    // reported below
  }
  problems.push(
    `BFF_SESSION_STORE ist „memory“ oder eine redis://- bzw. rediss://-Adresse, gegebenenfalls mit der Nummer der Datenbank (redis://host:6379/2), nicht „${text.replace(/\/\/[^@/]*@/, '//…@')}“.`,
  );
  return 'memory';
}

/** 32 random bytes in Base64 (or Base64url), e.g. from `openssl rand -base64 32`. */
function readStoreKey(text: string | undefined, problems: string[]): Buffer | undefined {
  if (!text) return undefined;
  const key = Buffer.from(text, 'base64');
  const canonical = (encoded: string) => encoded.replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
  if (key.length === 32 && canonical(key.toString('base64')) === canonical(text)) return key;
  problems.push('BFF_STORE_KEY ist ein Schlüssel aus 32 zufälligen Bytes in Base64, z. B. aus „openssl rand -base64 32“.');
  return undefined;
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

function withoutTrailingSlash(url: URL): string {
  return url.href.replace(/\/+$/, '');
}

/** An absolute URI without a fragment (RFC 8707 §2): what the backend finds in the access token's `aud`. */
function readResource(text: string | undefined, problems: string[]): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text);
    if (!url.hash && !text.includes('#')) return text;
  } catch {
    // reported below
  }
  problems.push('BFF_RESOURCE muss eine absolute Adresse ohne „#“ sein (RFC 8707), z. B. https://buergerportal-api.stadt.example/api.');
  return undefined;
}
