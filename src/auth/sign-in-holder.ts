/*
 * A duplicated tab, or one opened by window.open, starts with a copy of
 * sessionStorage – refresh token included. A rotating refresh token may be
 * presented once; presented twice, the provider ends the grant for both tabs.
 * The tabs never hand tokens to each other (any page of the origin could take
 * them): each stored sign-in carries a random holder id (not derived from any
 * token), and the page that holds the Web Lock named after it is the only one
 * that renews. A copy finds the lock taken by the tab it was copied from.
 */

/** How long a page waits for the lock: the page of this tab that it replaced lets go as it unloads. */
const WAIT_FOR_PREVIOUS_PAGE_MS = 3_000;
const TRY_AGAIN_AFTER_MS = 250;

/** A new holder id for a sign-in this page obtained itself. */
export function newHolderId(): string {
  return crypto.randomUUID();
}

export class SignInHolder {
  private id?: string;
  private holding?: Promise<boolean>;
  private letGo?: () => void;

  constructor(private readonly key: string) {}

  /**
   * Whether this page holds the sign-in `id` – claimed on the first call, kept
   * until {@link release}. `false` when another page kept the lock past the wait:
   * this page holds a copy. Without Web Locks the page is taken for the holder.
   */
  holds(id: string): Promise<boolean> {
    if (this.id === id && this.holding) return this.holding;
    this.release();
    this.id = id;
    this.holding = this.claim(id);
    return this.holding;
  }

  /** Lets go of the lock (sign-out, the page going away), so that the next page of this tab can claim it. */
  release(): void {
    this.letGo?.();
    this.letGo = undefined;
    this.holding = undefined;
    this.id = undefined;
  }

  /**
   * Tries for the lock now and again for a moment: the previous page of this
   * tab lets go as it is unloaded, and a browser evicts a page from its
   * back/forward cache that holds a lock another page asks for. No `pagehide`
   * handler lets go earlier: with one, Chromium at times never finished
   * closing the tab (seen in the end-to-end tests).
   */
  private async claim(id: string): Promise<boolean> {
    if (!navigator.locks) return true;
    const kept = new Promise<void>((done) => (this.letGo = done));
    for (let waited = 0; waited <= WAIT_FOR_PREVIOUS_PAGE_MS; waited += TRY_AGAIN_AFTER_MS) {
      if (this.id !== id) return false; // let go meanwhile
      if (await this.tryLock(id, kept)) return true;
      await new Promise((resolve) => setTimeout(resolve, TRY_AGAIN_AFTER_MS));
    }
    return false;
  }

  /** The lock if it is free now, kept until `kept` settles – or until another page steals it. */
  private tryLock(id: string, kept: Promise<void>): Promise<boolean> {
    return new Promise((resolve) => {
      navigator.locks
        .request(`buergerportal-sign-in ${this.key} ${id}`, { ifAvailable: true }, (lock) => {
          resolve(!!lock);
          return lock ? kept : undefined;
        })
        .catch(() => this.lost(id));
    });
  }

  /** Another page took the lock (`steal`): this page no longer holds the sign-in, and never presents its refresh token again. */
  private lost(id: string): void {
    if (this.id === id) this.holding = Promise.resolve(false);
  }
}
