import { SessionFileFailed } from '../../auth/deferred-session.js';
import { loadSessionFile, sessionFileLoaded } from '../../session-file/loader.js';
import { elementsByTag } from '../../shared/page-dom.js';
import { besideScript, isMissing, MANAGER_FILE, offerTo, SESSION_FILE, warnNotLoaded } from '../../shared/side-files.js';
import * as fromFirstFile from '../from-first-file.js';
import { defineManagerFileFailed } from './manager-file-failed.js';

const TAG = 'kassenzeichen-manager';

/**
 * The script for CMS pages shows the sign-in button without waiting for the
 * manager's code: that comes as a file of its own, loaded beside this one as
 * soon as a `<kassenzeichen-manager>` is on the page (also one added later),
 * together with the session's file. It takes Lit and the texts from this file
 * and the session and its set-up from the session's file (see from-main.ts),
 * found under its own address, so two copies or versions of the script on a
 * page each pair with their own. Meanwhile the overview is asked for.
 */
export function loadManagerWhenNeeded(): void {
  if (customElements.get(TAG)) return;
  const managers = elementsByTag(document, TAG); // live: kept up to date by the browser
  if (managers.length > 0) return void loadManager();
  const observer = new MutationObserver(() => {
    if (managers.length === 0) return;
    observer.disconnect();
    void loadManager();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

async function loadManager(attempt = 1): Promise<void> {
  const url = besideScript(MANAGER_FILE, attempt);
  const sessionFile = loadSessionFile();
  // The manager's file waits (top-level await) for both halves of what it takes.
  offerTo(
    url,
    sessionFile.then((fromSessionFile) => ({ ...fromFirstFile, ...fromSessionFile })),
  );
  const loading = import(/* @vite-ignore */ url);
  // After the sign-in button's first frame: setting the manager up costs the phone some 30 ms.
  afterNextFrame(() => {
    void sessionFile.then(
      ({ startEarly }) => {
        for (const manager of elementsByTag(document, TAG)) startEarly(manager as HTMLElement);
      },
      () => undefined,
    );
  });
  try {
    await loading;
  } catch (error) {
    const sessionFailure = await sessionFile.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    if (!sessionFailure) warnNotLoaded(MANAGER_FILE, error);
    if (!(sessionFailure instanceof SessionFileFailed)) return defineManagerFileFailed((await isMissing(url)) ? MANAGER_FILE : undefined);
    if (sessionFailure.failure === 'module-missing') return defineManagerFileFailed(SESSION_FILE);
    // Lost on the way: a login on the page says so once and offers „Erneut versuchen“; the manager follows when the file comes.
    if (elementsByTag(document, 'servicekonto-login').length > 0) return void sessionFileLoaded.then(() => loadManager(attempt + 1));
    defineManagerFileFailed();
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
