import { OidcAuthSession } from './auth-session.js';
import type { LoginConfig } from './login-config.js';
import type { AuthSession } from './session.js';

/**
 * Makes the session for a configuration. Browser mode (OpenID Connect in the
 * page, oidc-client-ts) is the one kind today; a backend-for-frontend session
 * is the next, chosen from the same configuration. Elements never construct a
 * session themselves: they ask the registry, which asks this.
 */
export type SessionFactory = (config: LoginConfig) => AuthSession;

export const createSession: SessionFactory = (config) => new OidcAuthSession(config);
