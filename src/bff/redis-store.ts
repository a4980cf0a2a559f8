import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import { LEDGER_KEEP_LAPSED_MS, LockTimeoutError, LOCK_POLL_MS, LOCK_WAIT_MS, type SessionStore } from './store.js';

/** HSET and EXPIRE, only when the hash exists. */
const UPDATE = `if redis.call('exists', KEYS[1]) == 1 then redis.call('hset', KEYS[1], unpack(ARGV, 2)); return redis.call('expire', KEYS[1], ARGV[1]) else return 0 end`;

/** Drops long-lapsed members; adds the member unless `cap` members are live. ARGV: member, lapsesAt, cap, now, keep. */
const ENTER = `redis.call('zremrangebyscore', KEYS[1], '-inf', tonumber(ARGV[4]) - tonumber(ARGV[5]))
if redis.call('zcount', KEYS[1], '(' .. ARGV[4], '+inf') >= tonumber(ARGV[3]) then return 0 end
redis.call('zadd', KEYS[1], ARGV[2], ARGV[1])
return 1`;

/** Deletes the lock only when it still holds this holder's token. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

type Client = ReturnType<typeof createClient>;

/** The store several BFF processes share (`BFF_SESSION_STORE=redis://…`). */
export class RedisStore implements SessionStore {
  private constructor(private readonly client: Client) {}

  /** The connection, for rate-limiter-flexible's counters (the same Redis, its own keys `bff:rate:*`). */
  get connection(): unknown {
    return this.client;
  }

  static async connect(url: URL, onError: (error: Error) => void): Promise<RedisStore> {
    const client: Client = createClient({
      url: url.href,
      socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 3000) },
    });
    client.on('error', onError);
    await client.connect();
    return new RedisStore(client);
  }

  async read(key: string): Promise<Record<string, string> | undefined> {
    const fields = (await this.client.hGetAll(key)) as Record<string, string>;
    return Object.keys(fields).length > 0 ? fields : undefined;
  }

  async write(key: string, fields: Record<string, string>, ttlSeconds: number): Promise<void> {
    await this.client.multi().hSet(key, fields).expire(key, ttlSeconds).exec();
  }

  async update(key: string, fields: Record<string, string>, ttlSeconds: number): Promise<void> {
    await this.client.eval(UPDATE, { keys: [key], arguments: [String(ttlSeconds), ...Object.entries(fields).flat()] });
  }

  async remove(key: string): Promise<void> {
    await this.client.del(key);
  }

  async put(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.client.set(key, value, { expiration: { type: 'EX', value: ttlSeconds } });
  }

  async take(key: string): Promise<string | undefined> {
    const value = await this.client.getDel(key);
    return typeof value === 'string' ? value : undefined;
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.client.set(key, '1', { condition: 'NX', expiration: { type: 'EX', value: ttlSeconds } })) === 'OK';
  }

  async addToSet(key: string, member: string, ttlSeconds: number): Promise<void> {
    await this.client.multi().sAdd(key, member).expire(key, ttlSeconds).exec();
  }

  async removeFromSet(key: string, member: string): Promise<void> {
    await this.client.sRem(key, member);
  }

  async members(key: string): Promise<string[]> {
    return (await this.client.sMembers(key)) as string[];
  }

  async withLock<T>(name: string, ttlMs: number, work: () => Promise<T>): Promise<T> {
    const token = randomBytes(16).toString('hex');
    const giveUpAt = Date.now() + Math.min(ttlMs, LOCK_WAIT_MS);
    while ((await this.client.set(name, token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } })) !== 'OK') {
      if (Date.now() > giveUpAt) throw new LockTimeoutError(name);
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
    try {
      return await work();
    } finally {
      await this.client.eval(RELEASE, { keys: [name], arguments: [token] }).catch(() => undefined);
    }
  }

  async enter(ledger: string, member: string, lapsesAt: number, cap: number, now: number): Promise<boolean> {
    const args = [member, String(lapsesAt), String(cap), String(now), String(LEDGER_KEEP_LAPSED_MS)];
    return (await this.client.eval(ENTER, { keys: [ledger], arguments: args })) === 1;
  }

  async prolong(ledger: string, member: string, lapsesAt: number): Promise<void> {
    await this.client.zAdd(ledger, { score: lapsesAt, value: member }, { condition: 'XX' });
  }

  async leave(ledger: string, member: string): Promise<boolean> {
    return (await this.client.zRem(ledger, member)) === 1;
  }

  async liveCount(ledger: string, now: number): Promise<number> {
    return this.client.zCount(ledger, `(${now}`, '+inf');
  }

  async lapsed(ledger: string, now: number, limit: number): Promise<string[]> {
    return (await this.client.zRangeByScore(ledger, '-inf', now, { LIMIT: { offset: 0, count: limit } })) as string[];
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
