import { readLoginConfig } from '../auth/login-config.js';
import { germanServes } from '../i18n/language-of.js';
import { configReader } from '../shared/config-reader.js';
import { elementsByTag } from '../shared/page-dom.js';
import { LOGIN_FILE } from '../shared/side-files.js';
import { headStartFor } from './head-start.js';
import { loadLoginFile, retryLoginFileIfLost } from './login-file.js';
import { canPaint, paintFileMissing, paintSignedOut } from './paint.js';

const LOGIN = 'servicekonto-login';

/**
 * For each login on the page: its head start, and the signed-out view painted
 * when the page says nobody is signed in, German serves and the element is
 * not there yet. Then the files.
 */
export function startFirstView(): void {
  // The login's file is missing beside this one: no button that cannot work, and the editor's box says why.
  const missing = () => {
    for (const host of [...elementsByTag(document, LOGIN), ...elementsByTag(document, 'kassenzeichen-manager')])
      if (canPaint()) paintFileMissing(host as HTMLElement, LOGIN_FILE);
  };
  let signInShown = false;
  for (const host of elementsByTag(document, LOGIN)) {
    const config = readLoginConfig(configReader(host), location);
    if (!config.ok) continue;
    const { signedOut } = headStartFor(config.config);
    if (!signedOut || config.config.mode !== 'browser' || !mayPaint(host as HTMLElement)) continue;
    paintSignedOut(host as HTMLElement, config.config, () => retryLoginFileIfLost(missing));
    signInShown = true;
  }
  loadLoginFile(missing, signInShown);
}

function mayPaint(host: HTMLElement): boolean {
  return !customElements.get(LOGIN) && !host.shadowRoot && germanServes(host) && canPaint();
}
