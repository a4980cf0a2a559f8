import { sendOverviewEarly } from '../api/early-gets.js';
import { readUrlAttribute, type ConfigProblem } from '../shared/config-problem.js';
import { declaredBackends, isAllowedBackend } from '../shared/declared-backends.js';
import { elementById, elementsByTag } from '../shared/page-dom.js';
import type { BrowserLoginConfig } from './login-config.js';
import { usableStorage } from './safe-storage.js';
import { RENEW_AHEAD_MS, signedOutSince, userKeys } from './signed-out-probe.js';

/*
 * Browser mode, a reload while signed in: the overview's two GETs go out from
 * the first file with the stored access token, beside the session's file, so
 * that the data needs page, script, data as before the split. Only in the
 * plain case – one login on the page, managers that use it with nothing but
 * plain settings – and only where the manager itself would send: the same
 * address checks (https, the page's origin or a backend its head declares), a
 * token that is valid for another minute, an idle limit not passed. Anything
 * else waits for the session's file, as it did. A head start only: it never
 * throws, whatever the page's markup.
 */

/** The settings a manager may have for the head start: none of them can make its configuration fail or lead it elsewhere. */
const PLAIN_SETTINGS = ['backend-url', 'login', 'id', 'class', 'lang', 'support-phone', 'heading-level'];
const HEADING_LEVELS = ['2', '3', '4', '5', '6'];

export function askOverviewEarlyWithToken(config: BrowserLoginConfig): void {
  try {
    const logins = elementsByTag(document, 'servicekonto-login');
    if (logins.length !== 1) return;
    const token = usableToken(config);
    if (!token) return;
    const backends = new Set(managersOf(logins[0]).flatMap((manager) => backendOf(manager) ?? []));
    for (const backend of backends) sendOverviewEarly(backend, { Authorization: `Bearer ${token}` });
  } catch {
    // Markup the head start does not understand: the manager asks itself, as it did.
  }
}

/** The stored access token, when the session will use it as it is: valid for another minute, the idle limit not passed. */
function usableToken(config: BrowserLoginConfig): string | undefined {
  const storage = config.tokenStorage === 'session' ? usableStorage('session') : undefined;
  if (!storage) return undefined;
  const { key, idleKey } = userKeys(config);
  const idleEnd = Number(storage.getItem(idleKey));
  if (Number.isFinite(idleEnd) && idleEnd > 0 && Date.now() >= idleEnd) return undefined;
  const user = JSON.parse(storage.getItem(key) ?? 'null') as {
    access_token?: unknown;
    expires_at?: unknown;
    profile?: { sub?: unknown };
    signed_in_at?: unknown;
  } | null;
  if (typeof user?.access_token !== 'string' || typeof user.profile?.sub !== 'string') return undefined;
  if (signedOutSince(config, user.signed_in_at)) return undefined;
  const left = typeof user.expires_at === 'number' ? user.expires_at * 1000 - Date.now() : Infinity;
  return left > RENEW_AHEAD_MS ? user.access_token : undefined;
}

/** Managers that take the page's one login with plain settings; a `login` must find that login as the manager does. */
function managersOf(login: Element): Element[] {
  return [...elementsByTag(document, 'kassenzeichen-manager')].filter((manager) => {
    const settings = manager.getAttributeNames();
    if (!settings.every((name) => PLAIN_SETTINGS.includes(name))) return false;
    if (manager.hasAttribute('heading-level') && !HEADING_LEVELS.includes(manager.getAttribute('heading-level')!.trim())) return false;
    const loginId = manager.getAttribute('login')?.trim();
    return !loginId || elementById(document, loginId) === login;
  });
}

/** The manager's backend as its configuration reads it (manager-config.ts), when it may receive the token. */
function backendOf(manager: Element): string | undefined {
  const declared = declaredBackends(document);
  const own = manager.getAttribute('backend-url')?.trim() || (declared.length === 1 ? declared[0].href : undefined);
  if (!own) return undefined;
  const problems: ConfigProblem[] = [];
  const backend = readUrlAttribute('backend-url', new URL(own, location.href).href, problems, true, location.hostname);
  if (!backend || problems.length > 0 || !isAllowedBackend(backend, location.origin, declared)) return undefined;
  return backend.href.replace(/\/+$/, '');
}
