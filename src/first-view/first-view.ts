import { readLoginConfig } from '../auth/login-config.js';
import { deFileLost } from '../i18n/de-first-view.js';
import { germanServes } from '../i18n/language-of.js';
import { configReader } from '../shared/config-reader.js';
import { elementsByTag } from '../shared/page-dom.js';
import { LOGIN_FILE } from '../shared/side-files.js';
import { headStartFor } from './head-start.js';
import { loadLoginFile, type LoginFileFailure } from './login-file.js';
import { canPaint, paintFileMissing, paintSignedOut, paintUnavailable } from './paint.js';

const LOGIN = 'servicekonto-login';
const MANAGER = 'kassenzeichen-manager';

/**
 * For each login on the page: its head start, and the signed-out view painted
 * when the page says nobody is signed in, German serves and the element is
 * not there yet. Then the files.
 */
export function startFirstView(): void {
  let signInShown = false;
  for (const host of elementsByTag(document, LOGIN)) {
    const read = readLoginConfig(configReader(host), location);
    if (!read.ok) continue;
    const { config } = read;
    const { signedOut } = headStartFor(config);
    if (!signedOut || config.mode !== 'browser' || !mayPaint(host as HTMLElement)) continue;
    paintSignedOut(host as HTMLElement, config);
    signInShown = true;
  }
  loadLoginFile(failure, signInShown);
}

function mayPaint(host: HTMLElement): boolean {
  return !customElements.get(LOGIN) && !host.shadowRoot && germanServes(host) && canPaint();
}

const failure: LoginFileFailure = {
  // No button that cannot work: the editor's box, in every element – also one the CMS adds later.
  missing() {
    const told = new WeakSet<Element>();
    const paint = () => {
      for (const host of elements().filter((element) => !told.has(element) && canPaint())) {
        paintFileMissing(host, LOGIN_FILE);
        told.add(host);
      }
    };
    paint();
    new MutationObserver(paint).observe(document.documentElement, { childList: true, subtree: true });
  },
  // The citizen's sentence and „Erneut versuchen“ – once: in the logins, or where there are none in the managers
  // (the login's retry brings the managers too, as when the session's file is lost).
  lost() {
    if (!canPaint()) return;
    const logins = [...elementsByTag(document, LOGIN)] as HTMLElement[];
    const told = logins.length > 0 ? logins : ([...elementsByTag(document, MANAGER)] as HTMLElement[]);
    const sentence = logins.length > 0 ? deFileLost.unavailable : deFileLost.managerUnavailable;
    for (const host of told) paintUnavailable(host, sentence, () => loadLoginFile(failure));
  },
};

const elements = (): HTMLElement[] => [...elementsByTag(document, LOGIN), ...elementsByTag(document, MANAGER)] as HTMLElement[];
