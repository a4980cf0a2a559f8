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

/** What the first file does when the login's file does not come: missing beside it (the editor's), or lost on the way. */
export interface LoginFileFailure {
  missing(): void;
  lost(): void;
}

let attempts = 0;
/** The attempt on its way (it stays once the file has come: it is not asked for again). */
let loading: Promise<unknown> | undefined;

/**
 * Asks for the login's file (and, the first time, the session's and the
 * manager's beside it). `signInShown`: a sign-in button is painted, so the
 * protocol file comes at once too – a click moments later then waits only for
 * the provider's discovery, as with the floor. Each call after a loss is a new
 * attempt at a fresh address (the browser keeps a failed import).
 */
export function loadLoginFile(failure: LoginFileFailure, signInShown = false): void {
  // Two retries pressed at once (two logins) share one attempt: the file runs once.
  if (loading) return;
  attempts += 1;
  const url = besideScript(LOGIN_FILE, attempts);
  // The first copy of this file offers; a second one (another `?ver=`) finds the login's file served.
  if (!isOffered(url)) offerTo(url, forLoginFile);
  loading = import(/* @vite-ignore */ url).catch(async (error: unknown) => {
    warnNotLoaded(LOGIN_FILE, error);
    const missing = await isMissing(url);
    loading = undefined;
    if (missing) failure.missing();
    else failure.lost();
  });
  if (attempts === 1) loadBeside(signInShown);
}

/** The session's and the manager's files, asked for now; the login's file offers them their part when it runs. */
function loadBeside(signInShown: boolean): void {
  // The chunk imports nothing; its address is the one the session's file imports (no version in it).
  if (signInShown) import(/* @vite-ignore */ unversionedBesideScript(OIDC_FILE)).catch(() => undefined);
  const withManager = elementsByTag(document, 'kassenzeichen-manager').length > 0;
  const withLogin = elementsByTag(document, 'servicekonto-login').length > 0;
  const files = [...(withLogin || withManager ? [SESSION_FILE] : []), ...(withManager ? [MANAGER_FILE] : [])];
  for (const file of files) {
    const url = besideScript(file);
    offerLater(url);
    // Its failure is the login file's to tell, when it asks for the same address.
    import(/* @vite-ignore */ url).catch(() => undefined);
  }
}
