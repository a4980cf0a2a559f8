import type { AuthSession } from './auth-session.js';
import { createSession, type SessionFactory } from './session-factory.js';
import { sessionKey, type LoginConfig } from './login-config.js';
import { onWindow } from '../shared/on-window.js';

// Kept on the window, not in this module: a page that loads the script twice
// (two copies, two versions) still has one session per authority and client.
const registry = () => onWindow('sessions', () => new Map<string, AuthSession>());
const watchers = () => onWindow('session-watchers', () => new Set<() => void>());

/**
 * Calls `listener` whenever a session is created, e.g. by a `<servicekonto-login>`
 * that a CMS adds after the manager. Returns the unsubscribe function.
 */
export function onSessionCreated(listener: () => void): () => void {
  watchers().add(listener);
  return () => watchers().delete(listener);
}

/** The page's one session for this authority and client, created on first request. */
export function sessionFor(config: LoginConfig, create: SessionFactory = createSession): AuthSession {
  const key = sessionKey(config);
  let session = registry().get(key);
  if (!session) {
    session = create(config);
    registry().set(key, session);
    for (const listener of [...watchers()]) listener();
  }
  return session;
}

/** Lets tests start each case with no sessions on the page. */
export function forgetAllSessions(): void {
  for (const session of registry().values()) session.dispose();
  registry().clear();
}
