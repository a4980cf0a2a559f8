import { LockTimeoutError, LOCK_WAIT_MS, type SessionStore } from './store.js';

interface Entry {
  value: Record<string, string> | string | Set<string>;
  expiresAt: number;
}

/** One process's store (`BFF_SESSION_STORE=memory`): sessions end when the process does. */
export class MemoryStore implements SessionStore {
  private readonly entries = new Map<string, Entry>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly now: () => number = Date.now) {}

  async read(key: string): Promise<Record<string, string> | undefined> {
    const value = this.live(key)?.value;
    return isFields(value) ? { ...value } : undefined;
  }

  async write(key: string, fields: Record<string, string>, ttlSeconds: number): Promise<void> {
    const current = this.live(key)?.value;
    this.entries.set(key, { value: { ...(isFields(current) ? current : {}), ...fields }, expiresAt: this.expiry(ttlSeconds) });
  }

  async update(key: string, fields: Record<string, string>, ttlSeconds: number): Promise<void> {
    if (isFields(this.live(key)?.value)) await this.write(key, fields, ttlSeconds);
  }

  async remove(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async put(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: this.expiry(ttlSeconds) });
  }

  async take(key: string): Promise<string | undefined> {
    const value = this.live(key)?.value;
    this.entries.delete(key);
    return typeof value === 'string' ? value : undefined;
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.entries.set(key, { value: '', expiresAt: this.expiry(ttlSeconds) });
    return true;
  }

  async addToSet(key: string, member: string, ttlSeconds: number): Promise<void> {
    const current = this.live(key)?.value;
    const set = current instanceof Set ? current : new Set<string>();
    set.add(member);
    this.entries.set(key, { value: set, expiresAt: this.expiry(ttlSeconds) });
  }

  async removeFromSet(key: string, member: string): Promise<void> {
    const current = this.live(key)?.value;
    if (!(current instanceof Set)) return;
    current.delete(member);
    if (current.size === 0) this.entries.delete(key);
  }

  async members(key: string): Promise<string[]> {
    const value = this.live(key)?.value;
    return value instanceof Set ? [...value] : [];
  }

  async withLock<T>(name: string, ttlMs: number, work: () => Promise<T>): Promise<T> {
    const before = this.locks.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const chain = before.then(() => mine);
    this.locks.set(name, chain);
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      before.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.min(ttlMs, LOCK_WAIT_MS)))),
    ]);
    clearTimeout(timer);
    try {
      if (!waited) throw new LockTimeoutError(name);
      return await work();
    } finally {
      release();
      if (this.locks.get(name) === chain) this.locks.delete(name);
    }
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private expiry(ttlSeconds: number): number {
    return this.now() + ttlSeconds * 1000;
  }
}

function isFields(value: Entry['value'] | undefined): value is Record<string, string> {
  return typeof value === 'object' && !(value instanceof Set);
}
