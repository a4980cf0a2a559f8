import type { DescribedError, LogFields } from './log.js';

/**
 * Where the BFF keeps server-side state: sessions (field maps, so that a
 * touch never overwrites tokens another process renewed), one-time values
 * (sign-in and sign-out transactions), index sets (provider session → our
 * sessions) and locks (one token renewal per session across processes).
 */
export interface SessionStore {
  read(key: string): Promise<Record<string, string> | undefined>;
  /**
   * Only the named fields of an entry (those it has): what a proxied request
   * needs, without opening the rest. `undefined` when the entry is gone (or,
   * sealed, one of them does not open).
   */
  readFields(key: string, fields: readonly string[]): Promise<Record<string, string> | undefined>;
  /**
   * {@link readFields} and one count of a rate limit in one round trip: a
   * proxied request's only wait for the store. A count the store refuses (a
   * full Redis) does not fail the read: `counted` then says why.
   */
  readFieldsCounting(key: string, fields: readonly string[], count: RateCount): Promise<FieldsAndCount>;
  /** Sets the given fields (others stay) and the time to live of the whole entry. */
  write(key: string, fields: Record<string, string>, ttlSeconds: number): Promise<void>;
  /**
   * Like {@link write}, but only while the entry exists: an ended session is
   * never brought back by a late touch. `false` when the entry was gone.
   */
  update(key: string, fields: Record<string, string>, ttlSeconds: number): Promise<boolean>;
  remove(key: string): Promise<void>;
  /** Keeps a value that {@link take} hands out once. */
  put(key: string, value: string, ttlSeconds: number): Promise<void>;
  take(key: string): Promise<string | undefined>;
  /** Marks `key` as used for `ttlSeconds`; `false` when it was already marked (a replay). Atomic across processes. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  addToSet(key: string, member: string, ttlSeconds: number): Promise<void>;
  /** Removes `member`; a set left empty is gone. */
  removeFromSet(key: string, member: string): Promise<void>;
  members(key: string): Promise<string[]>;
  /**
   * Runs `work` while no other process holds `name`; waits for the holder
   * otherwise, up to `waitMs` (by default as long as the lock lasts, and a
   * little more: a holder that dies releases the lock after `ttlMs`, and the
   * waiter then takes it), else {@link LockTimeoutError}.
   */
  withLock<T>(name: string, ttlMs: number, work: () => Promise<T>, waitMs?: number): Promise<T>;
  /**
   * Ledgers keep what must stay bounded (pending sign-ins, sessions) countable:
   * members with the time (ms) they lapse. Adds `member` unless `cap` members
   * are still live at `now`; `false` when full. Members lapsed long ago are dropped.
   */
  enter(ledger: string, member: string, lapsesAt: number, cap: number, now: number): Promise<boolean>;
  /**
   * Like {@link enter}, but never full: while `cap` members are live, the
   * oldest (the first to lapse) make room. Resolves with the members taken out.
   */
  enterEvicting(ledger: string, member: string, lapsesAt: number, cap: number, now: number): Promise<string[]>;
  /** Moves a member's lapse time, only while it is in the ledger. */
  prolong(ledger: string, member: string, lapsesAt: number): Promise<void>;
  /** Takes the member out; `true` only for the one caller that took it. */
  leave(ledger: string, member: string): Promise<boolean>;
  /** How many members are live at `now`. */
  liveCount(ledger: string, now: number): Promise<number>;
  /** Up to `limit` members lapsed by `now`. */
  lapsed(ledger: string, now: number, limit: number): Promise<string[]>;
  /**
   * Whether the store takes a write now (a short-lived entry), within the
   * store's time limit: `undefined` when it does, else why not (`full`,
   * `timeout`, `offline`, … as {@link StoreUnavailableError.reason}). For `/health`.
   */
  writeFailure(): Promise<string | undefined>;
  close(): Promise<void>;
}

/** One count of a rate limit (rate-limiter-flexible's counter: same key, same window). */
export interface RateCount {
  /** `bff:rate:<group>:<client>` */
  key: string;
  /** A new counter lapses this long after its first count. */
  windowSeconds: number;
}

/** A counter after its count: the requests in this window, and the ms until the window ends. */
export interface Counted {
  consumed: number;
  msLeft: number;
}

export interface FieldsAndCount {
  fields: Record<string, string> | undefined;
  counted: Counted | StoreUnavailableError;
}

/** A lock that could not be had in time: the request fails and may be retried. */
export class LockTimeoutError extends Error {
  constructor(name: string) {
    super(`lock ${name} busy`);
    this.name = 'LockTimeoutError';
  }
}

/**
 * The store did not answer in time, refused the command (full, offline, its
 * queue full) or cannot be reached: the request fails now with 503, it never
 * waits for the store. What the log says of it: `reason`, Redis's `reply` code
 * when it refused (`READONLY`, `NOPERM`, `OOM` …), and – set where the BFF
 * called the store ({@link nameFailures}) – the `operation` and the kind of
 * `entry` (`session`, `signin`, `lock` …; never a key's hash).
 */
export class StoreUnavailableError extends Error implements DescribedError {
  operation?: string;
  entry?: string;

  constructor(
    readonly reason: string,
    readonly reply?: string,
  ) {
    super(`session store unavailable: ${reason}`);
    this.name = 'StoreUnavailableError';
  }

  logFields(): LogFields {
    return { reason: this.reason, reply: this.reply, operation: this.operation, entry: this.entry };
  }
}

/**
 * The store as the BFF uses it: a {@link StoreUnavailableError} learns which
 * operation failed on which kind of entry (the first to see it names it), and
 * is reported to `onFailure` once (for the metrics).
 */
export function nameFailures(store: SessionStore, onFailure: (error: StoreUnavailableError) => void): SessionStore {
  const name = (error: unknown, operation: string, key: unknown): never => {
    if (error instanceof StoreUnavailableError && !error.operation) {
      error.operation = operation;
      // `bff:session:<hash>` → `session`: the kind, never the hash.
      error.entry = typeof key === 'string' ? key.split(':')[1] : undefined;
      onFailure(error);
    }
    throw error;
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) =>
        (value as (...args: unknown[]) => Promise<unknown>).apply(target, args).catch((error: unknown) => name(error, property, args[0]));
    },
  });
}

/** A waiter waits this much longer than the lock lasts: a dead holder's lock has lapsed by then. */
export const LOCK_WAIT_BEYOND_TTL_MS = 1000;
/** Ledger members lapsed longer ago than this are dropped; until then {@link SessionStore.lapsed} still hands them out. */
export const LEDGER_KEEP_LAPSED_MS = 3_600_000;
/**
 * A waiter for a lock is woken when its holder releases it (Redis pub/sub, or
 * in the process itself); should that message not come (the subscription
 * reconnecting, a holder that died), it asks again after this pause, doubled
 * each time up to {@link LOCK_MAX_PAUSE_MS}.
 */
export const LOCK_FIRST_PAUSE_MS = 5;
export const LOCK_MAX_PAUSE_MS = 200;
