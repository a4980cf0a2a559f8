import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { BffConfig } from './config.js';
import { storeName } from './digest.js';
import { rateLimitedClient } from './client-address.js';
import { BoundedMemo } from './bounded-memo.js';
import type { Counted, RateCount } from './store.js';

/** Routes that share a budget per client address. */
export type RateGroup = 'sign-in' | 'back-channel' | 'api';
/**
 * `health`: the balancer's checks, counted in each process alone – the count
 * must never wait on the store that `/health` checks.
 */
type CountedGroup = RateGroup | 'health';

/**
 * Makes the shared count with a command the request sends anyway (a proxied
 * GET's session read): one round trip instead of two. Resolves with an Error
 * when Redis refused the count.
 */
export type CountAlong = (count: RateCount) => Promise<Counted | Error>;

/** A balancer checks every few seconds; beyond this many a minute from one client a check is 429. */
const HEALTH_CHECKS_PER_MINUTE = 600;

const WINDOW_SECONDS = 60;
/** Client addresses whose hashed names the process remembers (an HMAC per request was a few per cent of its CPU). */
const NAMED_CLIENTS = 4096;
const SHARED_COUNT_TIMEOUT_MS = 200;
/** After the shared count did not answer in time, this long the process counts on its own before it asks Redis again. */
const LOCAL_AFTER_TIMEOUT_MS = 5000;

/**
 * Requests per client address and minute (rate-limiter-flexible). With Redis
 * all processes count together; while Redis cannot be reached each process
 * counts on its own (the library's insurance limiter). IPv4 clients count per
 * address, IPv6 clients per /64 ({@link rateLimitedClient}), under a hash (keyed
 * with BFF_STORE_KEY when set: IPv4 has too few addresses for a plain one): the
 * store keeps no address.
 */
export class RateLimits {
  private readonly limiters: Record<CountedGroup, RateLimiterAbstract>;
  /** Each process's own counters: the insurance while Redis is away, and what counts when Redis does not answer in time. */
  private readonly local: Partial<Record<CountedGroup, RateLimiterAbstract>> = {};
  private readonly timeoutMs: number;
  /** Until then (ms since epoch) the count is the process's own: the shared one has just not answered in time. */
  private localUntil = 0;
  private readonly secret: Buffer | undefined;
  private readonly budgets: Record<RateGroup, number>;
  private readonly names = new BoundedMemo<string>(NAMED_CLIENTS);
  /** The shared count's last word per group and client: while the process counts alone, a client over its budget stays over it. */
  private readonly lastShared = new BoundedMemo<{ consumed: number; until: number }>(NAMED_CLIENTS);

  constructor(
    config: Pick<BffConfig, 'rateLimits'> & Partial<Pick<BffConfig, 'storeTimeoutMs' | 'storeKey'>>,
    redisClient?: unknown,
    /** Redis refused a shared count (full, no permission, read-only): the process counted it alone. For the operator. */
    private readonly onCountRefused: (refusal: Error) => void = () => undefined,
  ) {
    // The shared count answers within milliseconds or not at all: it must not take the request's time (the
    // request's own store calls have BFF_STORE_TIMEOUT_MS).
    this.timeoutMs = Math.min(SHARED_COUNT_TIMEOUT_MS, config.storeTimeoutMs ?? SHARED_COUNT_TIMEOUT_MS);
    this.secret = config.storeKey;
    this.budgets = config.rateLimits;
    const make = (group: RateGroup): RateLimiterAbstract => {
      const options = { keyPrefix: keyPrefix(group), points: config.rateLimits[group], duration: WINDOW_SECONDS };
      const memory = new RateLimiterMemory(options);
      if (!redisClient) return memory;
      this.local[group] = memory;
      return new RateLimiterRedis({
        ...options,
        storeClient: redisClient,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      });
    };
    this.limiters = {
      'sign-in': make('sign-in'),
      'back-channel': make('back-channel'),
      api: make('api'),
      health: new RateLimiterMemory({ keyPrefix: 'bff:rate:health', points: HEALTH_CHECKS_PER_MINUTE, duration: WINDOW_SECONDS }),
    };
  }

  /**
   * Counts one request; the seconds to wait when the client (address or /64)
   * is over its budget, else `undefined`. With `countAlong` the shared count
   * rides on the request's own command – unless the process counts alone.
   */
  async wait(group: CountedGroup, address: string, countAlong?: CountAlong): Promise<number | undefined> {
    const key = this.names.get(address, () => storeName(rateLimitedClient(address), this.secret));
    try {
      // Counted along with the session read, the request waits for that command anyway (bounded by the store's time limit).
      await this.withinTime(() => this.countShared(group, key, countAlong), group, key, !!countAlong);
      return undefined;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }

  /** Resolves within the budget, rejects with a {@link RateLimiterRes} beyond it – as rate-limiter-flexible's `consume`. */
  private async countShared(group: CountedGroup, key: string, countAlong: CountAlong | undefined): Promise<unknown> {
    const local = this.local[group];
    if (!countAlong || !local || group === 'health') return this.limiters[group].consume(key);
    const counted = await countAlong({ key: `${keyPrefix(group)}:${key}`, windowSeconds: WINDOW_SECONDS }).catch((error: Error) => error);
    // As the library's insurance limiter: a count Redis did not make is made in the process – and the operator hears of it.
    if (counted instanceof Error) {
      this.onCountRefused(counted);
      return local.consume(key);
    }
    if (counted.consumed > this.budgets[group]) throw new RateLimiterRes(0, counted.msLeft, counted.consumed, false);
    return counted;
  }

  /**
   * A paused Redis holds the shared count: after the store's time limit the
   * process counts on its own. The limit is judged after the event loop has
   * read what arrived meanwhile (`setImmediate`): a process that was busy
   * itself for longer – a long task, a flood – finds Redis's answer waiting and
   * takes it, instead of starting every client's budget anew.
   */
  private withinTime<T>(shared: () => Promise<T>, group: CountedGroup, key: string, waitForShared = false): Promise<unknown> {
    const local = this.local[group];
    if (!local) return shared();
    if (Date.now() < this.localUntil) return this.countAlone(local, group, key);
    let answered = false;
    const asked = shared().then(
      (value) => {
        answered = true;
        return this.remember(group, key, value);
      },
      (error: unknown) => {
        answered = true;
        if (error instanceof RateLimiterRes) this.remember(group, key, error);
        throw error;
      },
    );
    asked.catch(() => undefined);
    if (waitForShared) return asked;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<unknown>((resolve, reject) => {
      timer = setTimeout(
        () =>
          setImmediate(() => {
            if (answered) return;
            this.localUntil = Date.now() + LOCAL_AFTER_TIMEOUT_MS;
            this.countAlone(local, group, key).then(resolve, reject);
          }),
        this.timeoutMs,
      );
    });
    return Promise.race([asked, late]).finally(() => clearTimeout(timer));
  }

  /**
   * The process's own count, on top of what the shared count last said of the
   * client in its window: counting alone never starts a client's budget anew.
   */
  private async countAlone(local: RateLimiterAbstract, group: CountedGroup, key: string): Promise<unknown> {
    const known = this.lastShared.peek(`${group} ${key}`);
    const left = known ? known.until - Date.now() : 0;
    const before = known && left > 0 ? known.consumed : 0;
    const counted = await local.consume(key);
    const consumed = before + counted.consumedPoints;
    if (consumed > this.budgetOf(group)) throw new RateLimiterRes(0, Math.max(left, counted.msBeforeNext), consumed, false);
    return counted;
  }

  /** Keeps the shared count's word on `key` (a count or a refusal); returns `value`. */
  private remember<T>(group: CountedGroup, key: string, value: T): T {
    const count = value as Partial<Counted> & Partial<RateLimiterRes>;
    const consumed = count.consumed ?? count.consumedPoints;
    const msLeft = count.msLeft ?? count.msBeforeNext;
    if (typeof consumed === 'number' && typeof msLeft === 'number')
      this.lastShared.set(`${group} ${key}`, { consumed, until: Date.now() + msLeft });
    return value;
  }

  private budgetOf(group: CountedGroup): number {
    return group === 'health' ? HEALTH_CHECKS_PER_MINUTE : this.budgets[group];
  }
}

/** rate-limiter-flexible's key is `<prefix>:<client>`: counts made along with a session read use the same. */
function keyPrefix(group: RateGroup): string {
  return `bff:rate:${group}`;
}

/** What the widget and the citizen's browser call besides the API: they share its budget (a flood of them wrote the log full). */
const SESSION_PATHS = ['/session', '/session/extend', '/logout', '/logout/continue', '/signed-out'];

/** The budget a BFF path draws on; every route has one. */
export function rateGroup(path: string): RateGroup | undefined {
  if (path === '/login' || path === '/callback') return 'sign-in';
  if (path === '/backchannel-logout') return 'back-channel';
  return path.startsWith('/api/') || SESSION_PATHS.includes(path) ? 'api' : undefined;
}
