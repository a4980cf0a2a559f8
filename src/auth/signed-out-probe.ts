import { isSigninCallback } from './callback-url.js';
import type { BrowserLoginConfig } from './login-config.js';
import { usableStorage } from './safe-storage.js';

/** A token with less than this left is renewed before it is used. */
export const RENEW_AHEAD_MS = 60_000;

/**
 * Where browser mode keeps the signed-in user: under the widgets' own prefix,
 * where versions on oidc-client-ts kept it, and the idle limit's deadline.
 */
export function userKeys(config: BrowserLoginConfig): { key: string; legacyKey: string; idleKey: string } {
  const where = `${config.authority}:${config.clientId}`;
  return { key: `buergerportal-widgets.user:${where}`, legacyKey: `oidc.user:${where}`, idleKey: `buergerportal-widgets.idle:${where}` };
}

/**
 * Whether the first view is surely the sign-in button, known from the page
 * alone before the session's file is there: no answer from the provider in the
 * address, no stored sign-in, and nothing the session would add a sentence
 * for (blocked storage, a browser without Web Crypto). Otherwise the session
 * decides.
 */
export function surelySignedOut(config: BrowserLoginConfig, url: URL): boolean {
  if (isSigninCallback(url) || !globalThis.crypto?.subtle) return false;
  const storage = usableStorage('session');
  if (!storage) return false;
  if (config.tokenStorage === 'memory') return true;
  const { key, legacyKey } = userKeys(config);
  return storage.getItem(key) === null && storage.getItem(legacyKey) === null;
}
