import { RecentList, usableStorage } from './safe-storage.js';
import { parseStoredUser, serialiseUser, type StoredUser } from './stored-user.js';

/*
 * Tabs that share one sign-in – a duplicated tab, or one opened by
 * window.open, both start with a copy of sessionStorage – must never present
 * the same rotating refresh token twice: the provider would revoke the grant
 * and end both. The tab that renews notes a fingerprint of the token it used
 * (a hash, never the token) and sends the rotated tokens to the other tabs;
 * a tab that finds its token used waits for them instead of presenting it.
 */

/** Fingerprints of refresh tokens presented by any tab (the lock keeps renewals one at a time even when storage is full). */
const usedTokens = new RecentList('buergerportal-widgets.used-refresh-tokens', 20, () => usableStorage('local'));
const WAIT_FOR_ROTATED_MS = 3_000;

export interface RenewedMessage {
  type: 'renewed';
  key: string;
  /** Fingerprint of the refresh token that was used. */
  from: string;
  user: string;
}

/** SHA-256 of a refresh token, hex: safe to store and to compare across tabs. */
export async function fingerprint(token: string): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export class SharedRenewal {
  private readonly rotated = new Map<string, StoredUser>();
  private readonly waiting = new Map<string, (user: StoredUser) => void>();

  constructor(
    private readonly key: string,
    private readonly send: (message: RenewedMessage) => void,
  ) {}

  isUsed(from: string): boolean {
    return usedTokens.includes(from);
  }

  markUsed(from: string): void {
    usedTokens.add(from);
  }

  announce(from: string, user: StoredUser): void {
    this.send({ type: 'renewed', key: this.key, from, user: serialiseUser(user) });
  }

  /** A message from another tab; returns the rotated user when it is for this session. */
  receive(message: Partial<RenewedMessage> | undefined): { from: string; user: StoredUser } | undefined {
    if (message?.type !== 'renewed' || message.key !== this.key || !message.from || !message.user) return undefined;
    const user = parseStoredUser(message.user);
    if (!user) return undefined;
    this.rotated.set(message.from, user);
    this.waiting.get(message.from)?.(user);
    this.waiting.delete(message.from);
    return { from: message.from, user };
  }

  /** The tokens another tab got for the used token `from`: at once when they came, else when they come (or `null`). */
  rotatedFrom(from: string): Promise<StoredUser | null> {
    const known = this.rotated.get(from);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(from);
        resolve(null);
      }, WAIT_FOR_ROTATED_MS);
      this.waiting.set(from, (user) => {
        clearTimeout(timer);
        resolve(user);
      });
    });
  }
}
