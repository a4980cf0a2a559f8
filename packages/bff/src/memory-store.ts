import {
  LEDGER_KEEP_LAPSED_MS,
  LockTimeoutError,
  LOCK_WAIT_BEYOND_TTL_MS,
  type Counted,
  type FieldsAndCount,
  type RateCount,
  type SessionStore,
} from './store.js';

interface Entry {
  value: Record<string, string> | string | Set<string>;
  expiresAt: number;
}

/** Expired entries are removed at the first write after this long: memory follows the live entries, not the requests ever made. */
const SWEEP_INTERVAL_MS = 60_000;

/** One process's store (`BFF_SESSION_STORE=memory`): sessions end when the process does. */
export class MemoryStore implements SessionStore {
  private readonly entries = new Map<string, Entry>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly ledgers = new Map<string, Map<string, number>>();
  private sweptAt: number;

  constructor(private readonly now: () => number = Date.now) {
    this.sweptAt = now();
  }

  /** Entries held, expired ones not yet swept included. */
  get size(): number {
    return this.entries.size;
  }

  async read(key: string): Promise<Record<string, string> | undefined> {
    const value = this.live(key)?.value;
    return isFields(value) ? { ...value } : undefined;
  }

  async readFields(key: string, fields: readonly string[]): Promise<Record<string, string> | undefined> {
    const value = this.live(key)?.value;
    if (!isFields(value)) return undefined;
    const picked: Record<string, string> = {};
    for (const field of fields) if (value[field] !== undefined) picked[field] = value[field];
    return picked;
  }

  async readFieldsCounting(key: string, fields: readonly string[], count: RateCount): Promise<FieldsAndCount> {
    return { fields: await this.readFields(key, fields), counted: this.count(count) };
  }

  async write(key: string, fields: Record<string, string>, ttlSeconds: number): Promise<void> {
    const current = this.live(key)?.value;
    this.entries.set(key, { value: { ...(isFields(current) ? current : {}), ...fields }, expiresAt: this.expiry(ttlSeconds) });
  }

  async update(key: string, fields: Record<string, string>, ttlSeconds: number): Promise<boolean> {
    if (!isFields(this.live(key)?.value)) return false;
    await this.write(key, fields, ttlSeconds);
    return true;
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

  async withLock<T>(name: string, ttlMs: number, work: () => Promise<T>, waitMs = ttlMs + LOCK_WAIT_BEYOND_TTL_MS): Promise<T> {
    const before = this.locks.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const chain = before.then(() => mine);
    this.locks.set(name, chain);
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      before.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitMs))),
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

  async enter(ledger: string, member: string, lapsesAt: number, cap: number, now: number): Promise<boolean> {
    const members = this.ledger(ledger);
    for (const [name, lapses] of members) if (lapses <= now - LEDGER_KEEP_LAPSED_MS) members.delete(name);
    if ((await this.liveCount(ledger, now)) >= cap) return false;
    members.set(member, lapsesAt);
    return true;
  }

  async enterEvicting(ledger: string, member: string, lapsesAt: number, cap: number, now: number): Promise<string[]> {
    const members = this.ledger(ledger);
    for (const [name, lapses] of members) if (lapses <= now - LEDGER_KEEP_LAPSED_MS) members.delete(name);
    const live = [...members].filter(([, lapses]) => lapses > now).sort(([, a], [, b]) => a - b);
    const evicted = live.slice(0, Math.max(0, live.length - cap + 1)).map(([name]) => name);
    for (const name of evicted) members.delete(name);
    members.set(member, lapsesAt);
    return evicted;
  }

  async prolong(ledger: string, member: string, lapsesAt: number): Promise<void> {
    const members = this.ledger(ledger);
    if (members.has(member)) members.set(member, lapsesAt);
  }

  async leave(ledger: string, member: string): Promise<boolean> {
    return this.ledger(ledger).delete(member);
  }

  async liveCount(ledger: string, now: number): Promise<number> {
    let live = 0;
    for (const lapses of this.ledger(ledger).values()) if (lapses > now) live += 1;
    return live;
  }

  async lapsed(ledger: string, now: number, limit: number): Promise<string[]> {
    return [...this.ledger(ledger)]
      .filter(([, lapses]) => lapses <= now)
      .slice(0, limit)
      .map(([member]) => member);
  }

  async writeFailure(): Promise<string | undefined> {
    return undefined;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  private count({ key, windowSeconds }: RateCount): Counted {
    const entry = this.live(key);
    const consumed = (typeof entry?.value === 'string' ? Number(entry.value) : 0) + 1;
    const expiresAt = entry?.expiresAt ?? this.expiry(windowSeconds);
    this.entries.set(key, { value: String(consumed), expiresAt });
    return { consumed, msLeft: expiresAt - this.now() };
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Every write passes here: the place to sweep now and then. */
  private expiry(ttlSeconds: number): number {
    const now = this.now();
    if (now - this.sweptAt >= SWEEP_INTERVAL_MS) this.sweep(now);
    return now + ttlSeconds * 1000;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  private ledger(name: string): Map<string, number> {
    let members = this.ledgers.get(name);
    if (!members) this.ledgers.set(name, (members = new Map()));
    return members;
  }
}

function isFields(value: Entry['value'] | undefined): value is Record<string, string> {
  return typeof value === 'object' && !(value instanceof Set);
}
