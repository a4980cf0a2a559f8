import { isSigninCallback } from './callback-url.js';
import type { BrowserLoginConfig } from './login-config.js';
import { usableStorage } from './safe-storage.js';

/** A token with less than this left is renewed before it is used. */
export const RENEW_AHEAD_MS = 60_000;

/**
 * Where browser mode keeps the signed-in user: under the widgets' own prefix,
 * where versions on oidc-client-ts kept it, and the idle limit's deadline.
 */
export function userKeys(config: BrowserLoginConfig): { key: string; legacyKey: string; idleKey: string; signedOutKey: string } {
  const where = `${config.authority}:${config.clientId}`;
  return {
    key: `buergerportal-widgets.user:${where}`,
    legacyKey: `oidc.user:${where}`,
    idleKey: `buergerportal-widgets.idle:${where}`,
    signedOutKey: `buergerportal-widgets.signed-out:${where}`,
  };
}

/*
 * A sign-out reaches the other tabs on the channel – but a tab between its
 * navigation and the session's file is not listening, and a copied tab
 * (window.open, "duplicate") has its own copy of the sign-in. So a sign-out
 * also leaves its time in localStorage, without content: a stored sign-in
 * that began before it has ended, wherever it is found.
 */

/** Notes in localStorage that the citizen signed out of this login now. */
export function markSignedOut(config: BrowserLoginConfig, now: number): void {
  try {
    usableStorage('local')?.setItem(userKeys(config).signedOutKey, String(now));
  } catch {
    // Storage full: the channel alone tells the open tabs.
  }
}

/** Whether a sign-in that began at `signedInAt` (unknown for one stored by an earlier version) has been ended by a sign-out since. */
export function signedOutSince(config: BrowserLoginConfig, signedInAt: unknown): boolean {
  const marked = Number(usableStorage('local')?.getItem(userKeys(config).signedOutKey) ?? NaN);
  // Not a time of the past (junk, or a clock put back): no sign-out is known.
  if (!Number.isFinite(marked) || marked > Date.now()) return false;
  return typeof signedInAt !== 'number' || signedInAt <= marked;
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
