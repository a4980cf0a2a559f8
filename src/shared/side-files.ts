import { onWindow } from './on-window.js';

declare const __BUERGERPORTAL_VERSION__: string;

/*
 * The files the script for CMS pages loads from beside itself (the session's
 * file, the manager's file). Each is versioned, so that a cache never pairs two
 * versions, and imports nothing: what it shares with this file it finds under
 * a key made of its own address, so that a `?ver=` on this file or a second
 * copy of the script never loads code twice.
 */

/** The login's element with Lit, loaded by the first file (first-view/entry.ts). */
export const LOGIN_FILE = 'buergerportal-widgets.login.js';
/** Both kinds of session, the API client and the manager's set-up. */
export const SESSION_FILE = 'buergerportal-widgets.session.js';
/** The manager's element. */
export const MANAGER_FILE = 'buergerportal-widgets.manager.js';
/** The protocol module, a chunk the session's file imports by this name without a version (vite.config.ts names chunks). */
export const OIDC_FILE = 'buergerportal-widgets.oidc.js';

/** A file beside this script, for this version; `attempt` > 1 asks again after a failed load (a failed import is kept by the browser). */
export function besideScript(name: string, attempt = 1, scriptUrl: string = import.meta.url): string {
  const again = attempt > 1 ? `&attempt=${attempt}` : '';
  return new URL(`./${name}?v=${__BUERGERPORTAL_VERSION__}${again}`, scriptUrl).href;
}

/** A file beside this script under its bare name, as a chunk imports it (no version). */
export function unversionedBesideScript(name: string, scriptUrl: string = import.meta.url): string {
  return new URL(name, scriptUrl).href;
}

/** Where a file beside this script finds what it takes from this one: a key made of its own address. */
export function fromMainKey(fileUrl: string): symbol {
  return Symbol.for(`buergerportal-widgets.from-main ${fileUrl}`);
}

/** Offers promised by {@link offerLater}, each with what fulfils it. */
const promised = () => onWindow('promised-offers', () => new Map<symbol, (values: unknown) => void>());

/** Puts `values` where the file at `fileUrl` looks for them (fulfilling an offer promised before). */
export function offerTo(fileUrl: string, values: unknown): void {
  const key = fromMainKey(fileUrl);
  const fulfil = promised().get(key);
  promised().delete(key);
  if (fulfil) fulfil(values);
  else (globalThis as Record<symbol, unknown>)[key] = values;
}

/** Whether something is offered (or promised) to the file at `fileUrl`. */
export function isOffered(fileUrl: string): boolean {
  return fromMainKey(fileUrl) in globalThis;
}

/**
 * Promises the file at `fileUrl` what a later {@link offerTo} gives it: the
 * file may come (and wait for it) before the file that offers is there.
 */
export function offerLater(fileUrl: string): void {
  if (isOffered(fileUrl)) return;
  const key = fromMainKey(fileUrl);
  (globalThis as Record<symbol, unknown>)[key] = new Promise((resolve) => promised().set(key, resolve));
}

/** The server answers, but not with the file: it is missing (the editor's to fix), not just unreachable. */
export async function isMissing(url: string): Promise<boolean> {
  try {
    return !(await fetch(url, { method: 'HEAD', cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

/** For the editor's developer tools: a lost connection, a missing file, or a file that failed to run. */
export function warnNotLoaded(name: string, error: unknown): void {
  console.warn(`buergerportal-widgets: ${name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
}
