import type { AuthSession } from '../../auth/auth-session.js';
import { readLoginConfig, type LoginConfig } from '../../auth/login-config.js';
import { sessionFor } from '../../auth/session-registry.js';
import type { ConfigProblem } from '../../shared/config-problem.js';
import { configReader } from '../../shared/config-reader.js';
import { elementById, elementsByTag } from '../../shared/page-dom.js';

export interface SessionSource {
  session?: AuthSession;
  config?: LoginConfig;
  problems: ConfigProblem[];
}

/**
 * Finds the session a manager uses: the `<servicekonto-login>` named by `login`,
 * else the page's first one, else the manager's own `authority` and `client-id` (or `bff-url`).
 * All of them lead to the page's one shared session for that authority and client.
 */
export function findSession(manager: Element): SessionSource {
  const own = configReader(manager);
  const loginId = own('login')?.trim();
  const root = manager.getRootNode() as Document | ShadowRoot;
  // A document's own getElementById can be shadowed by a contributor's <form name="getElementById">; a shadow root's cannot.
  const byId = loginId ? ((root instanceof ShadowRoot ? root.getElementById(loginId) : null) ?? elementById(document, loginId)) : null;
  if (loginId && byId?.localName !== 'servicekonto-login') {
    return { problems: [{ kind: 'login-not-found', id: loginId }] };
  }
  const ownAuthority = !!own('authority') || !!own('client-id') || !!own('bff-url');
  const source = byId ?? (ownAuthority ? manager : (elementsByTag(document, 'servicekonto-login')[0] ?? manager));
  const result = readLoginConfig(configReader(source), location);
  if (!result.ok) return { problems: result.problems };
  return { session: sessionFor(result.config), config: result.config, problems: [] };
}
