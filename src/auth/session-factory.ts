import { OidcAuthSession } from './auth-session.js';
import { BffAuthSession } from './bff-session.js';
import type { LoginConfig } from './login-config.js';
import type { AuthSession } from './session.js';

/**
 * Makes the session for a configuration: BFF mode when `bff-url` is set (the
 * tokens stay on the server), else browser mode (OpenID Connect in the page,
 * the protocol module loaded when needed). Elements never construct a session
 * themselves: they ask the registry, which asks this.
 */
export type SessionFactory = (config: LoginConfig) => AuthSession;

export const createSession: SessionFactory = (config) => (config.mode === 'bff' ? new BffAuthSession(config) : new OidcAuthSession(config));
