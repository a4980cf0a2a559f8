import { SessionFileFailed } from '../auth/deferred-session.js';
import type { SessionFactory } from '../auth/session-factory.js';
import { besideScript, isMissing, offerTo, SESSION_FILE, warnNotLoaded } from '../shared/side-files.js';
import * as forSessionFile from './from-main.js';

/** What the session's file exports (entry.ts). */
export type SessionFile = typeof import('./entry.js');

let loading: Promise<SessionFile> | undefined;
let attempts = 0;
let announceLoaded: (file: SessionFile) => void;

/** Resolves when the session's file has come, at whichever attempt (a login's „Erneut versuchen“ asks again). */
export const sessionFileLoaded = new Promise<SessionFile>((resolve) => (announceLoaded = resolve));

/**
 * The session's file beside this script (buergerportal-widgets.session.js):
 * asked for once, as soon as a login or a manager is on the page; after a
 * failure the next call asks again.
 */
export function loadSessionFile(): Promise<SessionFile> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The real sessions' factory, from the session's file (for deferred-session.ts). */
export const loadSessionFactory = async (): Promise<SessionFactory> => (await loadSessionFile()).createSession;

async function load(): Promise<SessionFile> {
  attempts += 1;
  const url = besideScript(SESSION_FILE, attempts);
  offerTo(url, forSessionFile);
  try {
    const file = (await import(/* @vite-ignore */ url)) as SessionFile;
    announceLoaded(file);
    return file;
  } catch (error) {
    warnNotLoaded(SESSION_FILE, error);
    throw new SessionFileFailed((await isMissing(url)) ? 'module-missing' : 'provider-unreachable');
  }
}
