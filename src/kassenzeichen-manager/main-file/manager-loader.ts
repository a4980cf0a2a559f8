import * as fromMain from '../from-main.js';
import { startEarlyOverview } from './early-overview.js';
import { defineManagerFileFailed, MANAGER_FILE } from './manager-file-failed.js';

declare const __BUERGERPORTAL_VERSION__: string;

const TAG = 'kassenzeichen-manager';

/**
 * The script for CMS pages shows the sign-in button without waiting for the
 * manager's code: that comes as a file of its own, loaded beside this one as
 * soon as a `<kassenzeichen-manager>` is on the page (also one added later).
 * It takes Lit, the session and the texts from this file (see from-main.ts),
 * found under its own address, so two copies or versions of the script on a
 * page each pair with their own. Meanwhile the overview is asked for here.
 */
export function loadManagerWhenNeeded(): void {
  if (customElements.get(TAG)) return;
  const managers = document.getElementsByTagName(TAG); // live: kept up to date by the browser
  if (managers.length > 0) return void loadManager();
  const observer = new MutationObserver(() => {
    if (managers.length === 0) return;
    observer.disconnect();
    void loadManager();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

/** The manager's file for this version, beside this script (versioned, so that a cache never pairs two versions). */
export function managerFileUrl(scriptUrl: string = import.meta.url): string {
  return new URL(`./${MANAGER_FILE}?v=${__BUERGERPORTAL_VERSION__}`, scriptUrl).href;
}

/** Where the manager's file finds what it takes from this one: a key made of its own address. */
export function fromMainKey(managerUrl: string): symbol {
  return Symbol.for(`buergerportal-widgets.from-main ${managerUrl}`);
}

async function loadManager(): Promise<void> {
  const url = managerFileUrl();
  (globalThis as Record<symbol, unknown>)[fromMainKey(url)] = fromMain;
  const loading = import(/* @vite-ignore */ url);
  // After the sign-in button's first frame: setting the manager up costs the phone some 30 ms.
  afterNextFrame(() => {
    for (const manager of document.getElementsByTagName(TAG)) startEarly(manager as HTMLElement);
  });
  try {
    await loading;
  } catch (error) {
    // For the editor's developer tools: a lost connection, a missing file, or a file that failed to run.
    console.warn(`buergerportal-widgets: ${MANAGER_FILE}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    defineManagerFileFailed(await isMissing(url));
  }
}

/** After the next frame; in a hidden tab (no frames) after a moment. */
function afterNextFrame(work: () => void): void {
  let done = false;
  const once = () => {
    if (!done) work();
    done = true;
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

/** Asks for the overview as soon as the manager's session is signed in, unless the manager is there by then. */
function startEarly(manager: HTMLElement): void {
  const { session, api } = fromMain.setUpManager(manager);
  if (!session || !api) return;
  let decided = false;
  const stop = session.subscribe(check);
  void session.start();
  check();
  function check(): void {
    const { status } = session!.snapshot;
    if (decided || status === 'starting') return;
    decided = true;
    stop();
    if (status === 'signed-in' && !customElements.get(TAG)) startEarlyOverview(manager, session!, api!);
  }
}

/** The server answers, but not with the file: it is missing (the editor's to fix), not just unreachable. */
async function isMissing(url: string): Promise<boolean> {
  try {
    return !(await fetch(url, { method: 'HEAD', cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}
