import { usableStorage } from './from-main.js';
import type { Draft } from './flow/draft.js';

/*
 * Keeps what the citizen typed across a failed request, a new sign-in and
 * the sign-in redirect: in sessionStorage, per citizen, removed on success
 * and on sign-out. Never in localStorage, never in the URL.
 */

const PREFIX = 'buergerportal-widgets.draft:';
/** A draft older than a day is not shown again, even in a tab that stayed open. */
export const DRAFT_MAX_AGE_MS = 24 * 3600 * 1000;

interface StoredDraft {
  savedAt: number;
  draft: Draft;
}

/** A short, stable, non-reversible-at-a-glance key for the citizen (FNV-1a of the subject). */
function keyFor(subject: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < subject.length; i++) hash = Math.imul(hash ^ subject.charCodeAt(i), 0x01000193) >>> 0;
  return PREFIX + hash.toString(36);
}

export class DraftStore {
  private readonly storage = usableStorage('session');

  /** `false` when the browser cannot keep it (storage blocked or full): the draft lives on in this page only. */
  save(subject: string, draft: Draft): boolean {
    try {
      this.storage?.setItem(keyFor(subject), JSON.stringify({ savedAt: Date.now(), draft } satisfies StoredDraft));
      return !!this.storage;
    } catch {
      return false;
    }
  }

  load(subject: string): Partial<Draft> | undefined {
    try {
      const raw = this.storage?.getItem(keyFor(subject));
      if (!raw) return undefined;
      const stored = JSON.parse(raw) as Partial<StoredDraft>;
      if (typeof stored.savedAt !== 'number' || Date.now() - stored.savedAt > DRAFT_MAX_AGE_MS) {
        this.clear(subject); // too old, or from a version that kept no date
        return undefined;
      }
      return stored.draft;
    } catch {
      return undefined;
    }
  }

  /** Removes the citizen's draft (done), or every draft (signed out). */
  clear(subject?: string): void {
    if (subject) this.storage?.removeItem(keyFor(subject));
    else this.removeAllBut(undefined);
  }

  /** A different person signed in: forget everyone else's drafts. */
  keepOnly(subject: string): void {
    this.removeAllBut(keyFor(subject));
  }

  private removeAllBut(kept: string | undefined): void {
    if (!this.storage) return;
    for (const key of Object.keys(this.storage)) if (key.startsWith(PREFIX) && key !== kept) this.storage.removeItem(key);
  }
}
