import { createHash, randomBytes } from 'node:crypto';
import { ClientClosedError, ClientOfflineError, createClient, ErrorReply, MultiErrorReply, TimeoutError } from '@redis/client';
import {
  LEDGER_KEEP_LAPSED_MS,
  LockTimeoutError,
  LOCK_FIRST_PAUSE_MS,
  LOCK_MAX_PAUSE_MS,
  LOCK_WAIT_BEYOND_TTL_MS,
  StoreUnavailableError,
  type Counted,
  type FieldsAndCount,
  type RateCount,
  type SessionStore,
} from './store.js';

/** HSET and EXPIRE, only when the hash exists. */
const UPDATE = `if redis.call('exists', KEYS[1]) == 1 then redis.call('hset', KEYS[1], unpack(ARGV, 2)); return redis.call('expire', KEYS[1], ARGV[1]) else return 0 end`;

/** Drops long-lapsed members; adds the member unless `cap` members are live. ARGV: member, lapsesAt, cap, now, keep. */
const ENTER = `redis.call('zremrangebyscore', KEYS[1], '-inf', tonumber(ARGV[4]) - tonumber(ARGV[5]))
if redis.call('zcount', KEYS[1], '(' .. ARGV[4], '+inf') >= tonumber(ARGV[3]) then return 0 end
redis.call('zadd', KEYS[1], ARGV[2], ARGV[1])
return 1`;

/** Like ENTER, but the oldest live members make room; returns them. ARGV as ENTER. */
const ENTER_EVICTING = `redis.call('zremrangebyscore', KEYS[1], '-inf', tonumber(ARGV[4]) - tonumber(ARGV[5]))
local over = redis.call('zcount', KEYS[1], '(' .. ARGV[4], '+inf') - tonumber(ARGV[3]) + 1
local evicted = {}
if over > 0 then
  evicted = redis.call('zrangebyscore', KEYS[1], '(' .. ARGV[4], '+inf', 'LIMIT', 0, over)
  for _, name in ipairs(evicted) do redis.call('zrem', KEYS[1], name) end
end
redis.call('zadd', KEYS[1], ARGV[2], ARGV[1])
return evicted`;

/** Deletes the lock only when it still holds this holder's token, and tells the waiters of all processes (ARGV[2]: the channel). */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then
  redis.call('del', KEYS[1])
  redis.call('publish', ARGV[2], KEYS[1])
  return 1
else return 0 end`;

/**
 * A proxied request's one command: the rate limit's count as
 * rate-limiter-flexible makes it (SET NX EX, INCR, PTTL), then the session's
 * fields. The count by `pcall`: a full Redis refuses it (OOM), yet the
 * session is still read, and the process counts on its own. KEYS: the
 * counter, the session; ARGV: the window in seconds, the field names. Returns
 * the count (-1 when refused), its ms left (or the refusal), the fields.
 */
const COUNT_AND_READ = `local function count()
  local started = redis.pcall('set', KEYS[1], 0, 'EX', ARGV[1], 'NX')
  if type(started) == 'table' and started.err then return started end
  local consumed = redis.pcall('incr', KEYS[1])
  if type(consumed) == 'table' then return consumed end
  local ms = redis.call('pttl', KEYS[1])
  if ms == -1 then
    redis.call('expire', KEYS[1], ARGV[1])
    ms = 1000 * ARGV[1]
  end
  return {consumed, ms}
end
local counted = count()
local fields = redis.call('hmget', KEYS[2], unpack(ARGV, 2))
if counted.err then return {-1, counted.err, unpack(fields)} end
return {counted[1], counted[2], unpack(fields)}`;
const COUNT_AND_READ_SHA1 = createHash('sha1').update(COUNT_AND_READ).digest('hex');

/** Where a released lock's name is published: waiters are woken, not polling. */
const LOCK_RELEASED_CHANNEL = 'bff:lock-released';

type Client = ReturnType<typeof createClient>;

/** The settings {@link RedisStore.settings} reads, as `CONFIG GET` answers them. */
export interface RedisSettings {
  'maxmemory-policy': string;
  appendonly: string;
  save: string;
}

/** Commands waiting for Redis at most; beyond, a command fails at once („The queue is full“) instead of queueing. */
const QUEUE_MAX_LENGTH = 1000;

export interface RedisStoreOptions {
  /** A command not answered within this fails with {@link StoreUnavailableError}. */
  commandTimeoutMs: number;
  onError: (error: Error) => void;
}

/** Why Redis could not be used at start; {@link RedisStore.connect} rejects with it. */
export class StoreStartError extends Error {
  constructor(
    /** `unreachable`: nothing answered within the wait; `refused`: Redis answered but refused (database index, password). */
    readonly kind: 'unreachable' | 'refused',
    /** The last thing Redis or the network said (for the operator's sentence; never a password). */
    readonly detail: string,
  ) {
    super(`session store ${kind}: ${detail}`);
    this.name = 'StoreStartError';
  }
}

/**
 * The store several BFF processes share (`BFF_SESSION_STORE=redis://…`).
 * Fails fast: no offline queue (a command while disconnected fails at once),
 * a bounded queue, and every command bounded in time — node-redis's own
 * `timeout` only covers commands not yet written, so a paused or frozen
 * Redis would hold a written command for ever; {@link bounded} does not.
 */
export class RedisStore implements SessionStore {
  /** This process's own health entry: a probe write never collides with another process. */
  private readonly healthKey = `bff:health:${randomBytes(8).toString('hex')}`;

  /** Lock waiters of this process, by lock name: woken when the lock is released. */
  private readonly waiters = new Map<string, Set<() => void>>();
  /** The connection that hears released locks (a subscribed connection takes no other commands). */
  private subscriber?: Client;

  private constructor(
    private readonly client: Client,
    private readonly timeoutMs: number,
    /** A failure no request hears of (the lock's release): told to the operator's log. */
    private readonly onError: (error: Error) => void,
  ) {}

  /**
   * Subscribes to released locks on a connection of its own, in the
   * background: while it is not (yet) there, waiters ask again with growing
   * pauses. node-redis subscribes again after a reconnect.
   */
  private listenForReleases(onError: (error: Error) => void): void {
    const subscriber = this.client.duplicate();
    this.subscriber = subscriber;
    subscriber.on('error', (error: Error) => onError(error));
    subscriber
      .connect()
      .then(() => subscriber.subscribe(LOCK_RELEASED_CHANNEL, (name) => this.wake(name)))
      .catch((error: unknown) => onError(error as Error));
  }

  private wake(name: string): void {
    for (const wake of this.waiters.get(name) ?? []) wake();
  }

  /** Resolves when `name` is released, or after `ms`; listening from now on. */
  private released(name: string, ms: number): { promise: Promise<void>; cancel: () => void } {
    let done: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => (done = resolve));
    let waiters = this.waiters.get(name);
    if (!waiters) this.waiters.set(name, (waiters = new Set()));
    const cancel = () => {
      clearTimeout(timer);
      waiters.delete(wake);
      if (waiters.size === 0 && this.waiters.get(name) === waiters) this.waiters.delete(name);
    };
    const wake = () => {
      cancel();
      done();
    };
    const timer = setTimeout(wake, ms);
    waiters.add(wake);
    return { promise, cancel };
  }

  /** The connection, for rate-limiter-flexible's counters (the same Redis, its own keys `bff:rate:*`). */
  get connection(): unknown {
    return this.client;
  }

  /**
   * Connects within `waitMs`, or rejects with a {@link StoreStartError} and
   * leaves nothing running: a Redis that is down, a database index it does
   * not have or a wrong password stop the start instead of retrying for ever.
   */
  static async connect(url: URL, options: RedisStoreOptions & { waitMs: number }): Promise<RedisStore> {
    let last = 'no answer';
    let started = false;
    const client: Client = createClient({
      url: url.href,
      disableOfflineQueue: true,
      commandsQueueMaxLength: QUEUE_MAX_LENGTH,
      commandOptions: { timeout: options.commandTimeoutMs },
      socket: {
        connectTimeout: Math.min(options.waitMs, 5000),
        reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 3000),
      },
    });
    let giveUp: (error: StoreStartError) => void = () => undefined;
    client.on('error', (error: Error) => {
      if (started) return options.onError(error);
      last = startDetail(error);
      // Redis answered and said no: retrying cannot help, the start stops now.
      if (isRefusal(error)) giveUp(new StoreStartError('refused', last));
    });
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      giveUp = reject;
      timer = setTimeout(() => reject(new StoreStartError('unreachable', last)), options.waitMs);
    });
    try {
      await Promise.race([client.connect(), gaveUp]);
    } catch (error) {
      client.destroy();
      if (error instanceof StoreStartError) throw error;
      const detail = startDetail(error as Error);
      throw new StoreStartError(isRefusal(error as Error) ? 'refused' : 'unreachable', detail);
    } finally {
      clearTimeout(timer);
    }
    started = true;
    const store = new RedisStore(client, options.commandTimeoutMs, options.onError);
    store.listenForReleases(options.onError);
    return store;
  }

  /** Runs one Redis call, bounded by the command timeout; any failure is a {@link StoreUnavailableError}. */
  private bounded<T>(call: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new StoreUnavailableError('timeout')), this.timeoutMs);
      call().then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof StoreUnavailableError ? error : new StoreUnavailableError(failureReason(error), replyCode(error)));
        },
      );
    });
  }

  async read(key: string): Promise<Record<string, string> | undefined> {
    const fields = (await this.bounded(() => this.client.hGetAll(key))) as Record<string, string>;
    return Object.keys(fields).length > 0 ? fields : undefined;
  }

  async readFields(key: string, fields: readonly string[]): Promise<Record<string, string> | undefined> {
    return picked(fields, (await this.bounded(() => this.client.hmGet(key, [...fields]))) as (string | null)[]);
  }

  async readFieldsCounting(key: string, fields: readonly string[], count: RateCount): Promise<FieldsAndCount> {
    const keysAndArgs = ['2', count.key, key, String(count.windowSeconds), ...fields];
    const [consumed, msLeft, ...values] = (await this.bounded(() => this.script(COUNT_AND_READ_SHA1, COUNT_AND_READ, keysAndArgs))) as [
      number,
      number | string,
      ...(string | null)[],
    ];
    return { fields: picked(fields, values), counted: counted(consumed, msLeft) };
  }

  /**
   * EVALSHA, and EVAL when Redis does not know the script (yet, or after a
   * restart). Without node-redis's own command timeout: {@link bounded}
   * bounds it already, and the library's costs an AbortSignal per command.
   */
  private async script(sha1: string, text: string, keysAndArgs: string[]): Promise<unknown> {
    try {
      return await this.client.sendCommand(['EVALSHA', sha1, ...keysAndArgs], { timeout: 0 });
    } catch (error) {
      if (!(error instanceof ErrorReply && error.message.startsWith('NOSCRIPT'))) throw error;
      return this.client.sendCommand(['EVAL', text, ...keysAndArgs], { timeout: 0 });
    }
  }

  async write(key: string, fields: Record<string, string>, ttlSeconds: number): Promise<void> {
    await this.bounded(() => this.client.multi().hSet(key, fields).expire(key, ttlSeconds).exec());
  }

  async update(key: string, fields: Record<string, string>, ttlSeconds: number): Promise<boolean> {
    const args = [String(ttlSeconds), ...Object.entries(fields).flat()];
    return (await this.bounded(() => this.client.eval(UPDATE, { keys: [key], arguments: args }))) === 1;
  }

  async remove(key: string): Promise<void> {
    await this.bounded(() => this.client.del(key));
  }

  async put(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.bounded(() => this.client.set(key, value, { expiration: { type: 'EX', value: ttlSeconds } }));
  }

  async take(key: string): Promise<string | undefined> {
    const value = await this.bounded(() => this.client.getDel(key));
    return typeof value === 'string' ? value : undefined;
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    return (
      (await this.bounded(() => this.client.set(key, '1', { condition: 'NX', expiration: { type: 'EX', value: ttlSeconds } }))) === 'OK'
    );
  }

  async addToSet(key: string, member: string, ttlSeconds: number): Promise<void> {
    await this.bounded(() => this.client.multi().sAdd(key, member).expire(key, ttlSeconds).exec());
  }

  async removeFromSet(key: string, member: string): Promise<void> {
    await this.bounded(() => this.client.sRem(key, member));
  }

  async members(key: string): Promise<string[]> {
    return (await this.bounded(() => this.client.sMembers(key))) as string[];
  }

  async withLock<T>(name: string, ttlMs: number, work: () => Promise<T>, waitMs = ttlMs + LOCK_WAIT_BEYOND_TTL_MS): Promise<T> {
    const token = randomBytes(16).toString('hex');
    const giveUpAt = Date.now() + waitMs;
    for (let pause = LOCK_FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LOCK_MAX_PAUSE_MS)) {
      // Listening before asking: a release between the refusal and the wait is not missed.
      const release = this.released(name, Math.max(1, Math.min(pause, giveUpAt - Date.now() + 1)));
      let taken: unknown;
      try {
        taken = await this.bounded(() => this.client.set(name, token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } }));
      } catch (error) {
        release.cancel();
        throw error;
      }
      if (taken === 'OK') {
        release.cancel();
        break;
      }
      if (Date.now() > giveUpAt) {
        release.cancel();
        throw new LockTimeoutError(name);
      }
      await release.promise;
    }
    try {
      return await work();
    } finally {
      // Not released (Redis gone, or a user without +publish): the lock lapses in its own time, and the log says why.
      await this.bounded(() => this.client.eval(RELEASE, { keys: [name], arguments: [token, LOCK_RELEASED_CHANNEL] })).catch(
        (error: unknown) => this.onError(error as Error),
      );
      // This process's own waiters, whether or not the message comes.
      this.wake(name);
    }
  }

  async enter(ledger: string, member: string, lapsesAt: number, cap: number, now: number): Promise<boolean> {
    const args = [member, String(lapsesAt), String(cap), String(now), String(LEDGER_KEEP_LAPSED_MS)];
    return (await this.bounded(() => this.client.eval(ENTER, { keys: [ledger], arguments: args }))) === 1;
  }

  async enterEvicting(ledger: string, member: string, lapsesAt: number, cap: number, now: number): Promise<string[]> {
    const args = [member, String(lapsesAt), String(cap), String(now), String(LEDGER_KEEP_LAPSED_MS)];
    return (await this.bounded(() => this.client.eval(ENTER_EVICTING, { keys: [ledger], arguments: args }))) as string[];
  }

  async prolong(ledger: string, member: string, lapsesAt: number): Promise<void> {
    await this.bounded(() => this.client.zAdd(ledger, { score: lapsesAt, value: member }, { condition: 'XX' }));
  }

  async leave(ledger: string, member: string): Promise<boolean> {
    return (await this.bounded(() => this.client.zRem(ledger, member))) === 1;
  }

  async liveCount(ledger: string, now: number): Promise<number> {
    return this.bounded(() => this.client.zCount(ledger, `(${now}`, '+inf'));
  }

  async lapsed(ledger: string, now: number, limit: number): Promise<string[]> {
    return (await this.bounded(() => this.client.zRangeByScore(ledger, '-inf', now, { LIMIT: { offset: 0, count: limit } }))) as string[];
  }

  async writeFailure(): Promise<string | undefined> {
    try {
      await this.bounded(() => this.client.set(this.healthKey, '1', { expiration: { type: 'EX', value: 10 } }));
      return undefined;
    } catch (error) {
      return (error as StoreUnavailableError).reason;
    }
  }

  /** Redis's own settings that decide whether sessions survive a restart or a full memory (README, „Redis“). */
  async settings(): Promise<RedisSettings> {
    const read = async (name: keyof RedisSettings) => {
      const values = (await this.bounded(() => this.client.configGet(name))) as Record<string, string>;
      return values[name] ?? '';
    };
    const [policy, appendonly, save] = await Promise.all([read('maxmemory-policy'), read('appendonly'), read('save')]);
    return { 'maxmemory-policy': policy, appendonly, save };
  }

  async close(): Promise<void> {
    const subscriber = this.subscriber;
    if (subscriber?.isOpen) await subscriber.close().catch(() => subscriber.destroy());
    else subscriber?.destroy();
    await this.client.close();
  }
}

/** HMGET's answer as fields; `undefined` when the entry has none of them (it is gone). */
function picked(fields: readonly string[], values: (string | null | undefined)[]): Record<string, string> | undefined {
  const found: Record<string, string> = {};
  let any = false;
  fields.forEach((field, i) => {
    const value = values[i];
    if (typeof value !== 'string') return;
    found[field] = value;
    any = true;
  });
  return any ? found : undefined;
}

/** {@link COUNT_AND_READ}'s count, or why Redis refused it. */
function counted(consumed: number, msLeft: number | string): Counted | StoreUnavailableError {
  if (consumed >= 0) return { consumed, msLeft: Number(msLeft) };
  const refusal = new ErrorReply(String(msLeft));
  return new StoreUnavailableError(failureReason(refusal), replyCode(refusal));
}

/**
 * What kind of failure a Redis error is, for the log and `/health` (never its
 * message: it may quote a key). node-redis's errors all have the name
 * `Error`: they are told apart by class, Redis's replies by their code.
 */
function failureReason(error: unknown): string {
  if (error instanceof ClientOfflineError || error instanceof ClientClosedError) return 'offline';
  if (error instanceof TimeoutError) return 'timeout';
  if (error instanceof MultiErrorReply) return failureReason([...error.errors()][0]);
  if (!(error instanceof Error)) return 'unknown';
  if (error.message === 'The queue is full') return 'queue-full';
  if (error.message.startsWith('OOM')) return 'full';
  if (/^EXECABORT/.test(error.message) && /OOM/.test(error.message)) return 'full';
  return error instanceof ErrorReply ? 'refused' : 'failed';
}

/** The code a Redis error reply begins with (`READONLY`, `NOPERM`, `OOM`, `ERR` …); nothing of the rest, which may quote a key. */
function replyCode(error: unknown): string | undefined {
  return error instanceof ErrorReply ? /^[A-Z]{2,20}(?= |$)/.exec(error.message)?.[0] : undefined;
}

/** Redis answered, but said no: the connection can never succeed as configured. */
function isRefusal(error: Error): boolean {
  return /DB index|WRONGPASS|NOAUTH|NOPERM|invalid password|invalid DB/i.test(error.message);
}

/** A short operator-readable cause: an error code such as ECONNREFUSED, or Redis's reply up to its first sentence. */
function startDetail(error: Error): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return error.message.replace(/\s+/g, ' ').slice(0, 80) || error.name;
}
