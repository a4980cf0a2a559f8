import { OidcAuthSession } from './auth-session.js';
import { BffAuthSession } from './bff-session.js';
import type { LoginConfig } from './login-config.js';
import type { AuthSession } from './session.js';
import type { SessionHead } from './session-head.js';

/**
 * Makes the session for a configuration: BFF mode when `bff-url` is set (the
 * tokens stay on the server), else browser mode (OpenID Connect in the page,
 * the protocol module loaded when needed). Elements never construct a session
 * themselves: they ask the registry, which asks this. `head`: what the first
 * file began for it (the script for CMS pages, deferred-session.ts).
 */
export type SessionFactory = (config: LoginConfig, head?: SessionHead) => AuthSession;

export const createSession: SessionFactory = (config, head = {}) =>
  config.mode === 'bff' ? new BffAuthSession(config, head.sessionAnswer) : new OidcAuthSession(config, head.exchange);
