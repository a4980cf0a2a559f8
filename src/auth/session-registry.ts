import { OidcAuthSession, type AuthSession } from './auth-session.js';
import { sessionKey, type LoginConfig } from './login-config.js';

// Kept on the window, not in this module: a page that loads the script twice
// (two copies, two versions) still has one session per authority and client.
const REGISTRY = Symbol.for('buergerportal-widgets.sessions');

type Registry = Map<string, AuthSession>;

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[REGISTRY] ??= new Map());
}

/** The page's one session for this authority and client, created on first request. */
export function sessionFor(config: LoginConfig): AuthSession {
  const key = sessionKey(config);
  let session = registry().get(key);
  if (!session) {
    session = new OidcAuthSession(config);
    registry().set(key, session);
  }
  return session;
}

/** Lets tests start each case with no sessions on the page. */
export function forgetAllSessions(): void {
  for (const session of registry().values()) session.dispose();
  registry().clear();
}
