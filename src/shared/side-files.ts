declare const __BUERGERPORTAL_VERSION__: string;

/*
 * The files the script for CMS pages loads from beside itself (the session's
 * file, the manager's file). Each is versioned, so that a cache never pairs two
 * versions, and imports nothing: what it shares with this file it finds under
 * a key made of its own address, so that a `?ver=` on this file or a second
 * copy of the script never loads code twice.
 */

/** A file beside this script, for this version; `attempt` > 1 asks again after a failed load (a failed import is kept by the browser). */
export function besideScript(name: string, attempt = 1, scriptUrl: string = import.meta.url): string {
  const again = attempt > 1 ? `&attempt=${attempt}` : '';
  return new URL(`./${name}?v=${__BUERGERPORTAL_VERSION__}${again}`, scriptUrl).href;
}

/** Where a file beside this script finds what it takes from this one: a key made of its own address. */
export function fromMainKey(fileUrl: string): symbol {
  return Symbol.for(`buergerportal-widgets.from-main ${fileUrl}`);
}

/** Puts `values` where the file at `fileUrl` looks for them. */
export function offerTo(fileUrl: string, values: unknown): void {
  (globalThis as Record<symbol, unknown>)[fromMainKey(fileUrl)] = values;
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
