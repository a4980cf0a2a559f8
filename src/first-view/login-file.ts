import { elementsByTag } from '../shared/page-dom.js';
import {
  besideScript,
  isMissing,
  isOffered,
  LOGIN_FILE,
  MANAGER_FILE,
  OIDC_FILE,
  offerLater,
  offerTo,
  SESSION_FILE,
  unversionedBesideScript,
  warnNotLoaded,
} from '../shared/side-files.js';
import * as forLoginFile from './from-first-view.js';

/*
 * The first file loads the login's element (with Lit) from beside itself, and
 * at the same moment the files that file would ask for next – the session's,
 * and the manager's when one is on the page – so that none of them waits for
 * another: each finds what it takes under its own address, promised now and
 * given when the file that gives it has run (side-files.ts).
 */

let attempts = 0;
let failed = false;

/**
 * Asks for the login's file (and beside it the session's and the manager's);
 * `onMissing` when the server does not have it. `signInShown`: a sign-in button
 * is painted, so the protocol file comes at once too – a click moments later
 * then waits only for the provider's discovery, as with the floor.
 */
export function loadLoginFile(onMissing: () => void, signInShown = false): void {
  attempts += 1;
  failed = false;
  const url = besideScript(LOGIN_FILE, attempts);
  // The first copy of this file offers; a second one (another `?ver=`) finds the login's file served.
  if (!isOffered(url)) offerTo(url, forLoginFile);
  import(/* @vite-ignore */ url).catch(async (error: unknown) => {
    warnNotLoaded(LOGIN_FILE, error);
    if (await isMissing(url)) return onMissing();
    failed = true;
  });
  if (attempts === 1) loadBeside(signInShown);
}

/** After a lost login file: the citizen's press on the painted button asks for it again. */
export function retryLoginFileIfLost(onMissing: () => void): void {
  if (failed) loadLoginFile(onMissing);
}

/** The session's and the manager's files, asked for now; the login's file offers them their part when it runs. */
function loadBeside(signInShown: boolean): void {
  // The chunk imports nothing; its address is the one the session's file imports (no version in it).
  if (signInShown) import(/* @vite-ignore */ unversionedBesideScript(OIDC_FILE)).catch(() => undefined);
  const files = [];
  if (elementsByTag(document, 'servicekonto-login').length > 0 || elementsByTag(document, 'kassenzeichen-manager').length > 0)
    files.push(SESSION_FILE);
  if (elementsByTag(document, 'kassenzeichen-manager').length > 0) files.push(MANAGER_FILE);
  for (const file of files) {
    const url = besideScript(file);
    offerLater(url);
    // Its failure is the login file's to tell, when it asks for the same address.
    import(/* @vite-ignore */ url).catch(() => undefined);
  }
}
