import { randomBytes } from 'node:crypto';
import { sha256 } from './digest.js';
import type { BffConfig } from './config.js';
import {
  GrantRejectedError,
  PROVIDER_TIMEOUT_SECONDS,
  type IdentityProvider,
  type SignedInCitizen,
  type TokenSet,
} from './identity-provider.js';
import { SessionIndex, type ProviderReference } from './session-index.js';
import { LockTimeoutError, StoreUnavailableError, type FieldsAndCount, type RateCount, type SessionStore } from './store.js';

/** One citizen's server-side session. Tokens never leave it. */
export interface SessionData extends TokenSet {
  subject: string;
  providerSession?: string;
  displayName: string;
  idToken: string;
  createdAt: number;
  lastActiveAt: number;
}

export type LoadedSession = { key: string; data: SessionData };

/** What a proxied request needs of its session: the access token and the times, nothing else opened. */
export type TokenTimes = Pick<SessionData, 'accessToken' | 'accessTokenExpiresAt' | 'createdAt' | 'lastActiveAt'>;
export type ProxySession = { key: string; data: TokenTimes };
const TOKEN_TIMES = ['accessToken', 'accessTokenExpiresAt', 'createdAt', 'lastActiveAt'] as const;

/** Renew this long before the access token ends, so that no request carries a token about to expire. */
const RENEW_BEFORE_MS = 30_000;
/** Entries outlive their limits a little, so that an ended session is recognised (and its grant revoked), not just gone. */
const GRACE_SECONDS = 300;
/**
 * A renewal's lock outlives the longest renewal (the provider's timeout, then
 * the store's write): a holder that is still working never loses it, and one
 * that died frees it a few seconds later for a waiter (who waits that long).
 */
const LOCK_TTL_MS = PROVIDER_TIMEOUT_SECONDS * 1000 + 5000;
/**
 * A renewal's answer that the store cannot take now (Redis restarting) is
 * written again every this many ms, until this long before the lock lapses:
 * then another process may renew, with the old refresh token.
 */
const KEEP_RETRY_MS = 250;
const KEEP_MARGIN_MS = 1000;
/** While the access token is still good, a request waits this long at most for another process's renewal, then uses the token it has. */
const STILL_VALID_WAIT_MS = 2000;
/** Every live session with the time it ends: counted against BFF_MAX_SESSIONS, swept by {@link Sessions.endLapsed}. */
const SESSIONS_LEDGER = 'bff:ledger:sessions';
/** A proxied request's touch is skipped while the idle end would move by less than this (and 1 % of the idle limit). */
const TOUCH_STEP_MAX_MS = 5000;

/** BFF_MAX_SESSIONS reached: the sign-in cannot become a session now. */
export class SessionsFullError extends Error {}

/**
 * Sessions in the store: created at sign-in under a fresh 256-bit id (the
 * store only sees its hash), checked against the idle and absolute limits,
 * tokens renewed under a lock shared by all processes.
 */
export class Sessions {
  private readonly index: SessionIndex;
  /** Renewals this process is running, by session key. */
  private readonly renewing = new Map<string, Promise<LoadedSession | 'ended' | 'unchanged'>>();

  constructor(
    private readonly store: SessionStore,
    private readonly provider: IdentityProvider,
    private readonly config: Pick<
      BffConfig,
      'idleSeconds' | 'maxSeconds' | 'issuer' | 'storeKey' | 'maxSessions' | 'maxSessionsPerCitizen'
    >,
    private readonly now: () => number = Date.now,
  ) {
    this.index = new SessionIndex(store, config.issuer.href, config.storeKey);
  }

  /**
   * Stores a new session; its id is the cookie's value, its key what the store
   * and the log know it by. Beyond BFF_MAX_SESSIONS_PER_CITIZEN the citizen's
   * oldest sessions end first (`displaced`: how many).
   */
  async create(citizen: SignedInCitizen): Promise<{ id: string; key: string; displaced: number }> {
    const id = randomBytes(32).toString('base64url');
    const key = storeKey(id);
    const displaced = await this.makeRoomFor(citizen.subject);
    const now = this.now();
    const data: SessionData = { ...citizen, createdAt: now, lastActiveAt: now };
    if (!(await this.store.enter(SESSIONS_LEDGER, key, this.endsAt(data), this.config.maxSessions, now))) throw new SessionsFullError();
    await this.store.write(key, serialise(data), this.ttl(data));
    await this.index.add(key, data, this.config.maxSeconds + GRACE_SECONDS);
    return { id, key, displaced };
  }

  /**
   * The newest sign-in wins: the citizen's oldest sessions end (grants revoked)
   * until the new one fits under BFF_MAX_SESSIONS_PER_CITIZEN. Refusing the
   * new one instead would lock the citizen out for hours behind sessions left
   * on other devices, and anyone with the password could keep them out.
   */
  private async makeRoomFor(subject: string): Promise<number> {
    const keys = await this.index.sessionsOfSubject(subject);
    if (keys.length < this.config.maxSessionsPerCitizen) return 0;
    const live: LoadedSession[] = [];
    for (const key of keys) {
      const data = parse(await this.store.read(key));
      if (data) live.push({ key, data });
      else await this.index.remove(key, { subject });
    }
    live.sort((a, b) => a.data.createdAt - b.data.createdAt);
    const oldest = live.slice(0, Math.max(0, live.length - this.config.maxSessionsPerCitizen + 1));
    for (const session of oldest) await this.end(session);
    return oldest.length;
  }

  /** The session behind a cookie; `ended` when it is gone or past a limit (then it is ended now). */
  async load(id: string | undefined): Promise<LoadedSession | 'none' | 'ended'> {
    if (!id) return 'none';
    const key = storeKey(id);
    const data = parse(await this.store.read(key));
    if (!data) return 'ended';
    if (this.secondsLeft(data) <= 0) {
      await this.end({ key, data });
      return 'ended';
    }
    return { key, data };
  }

  /** The fields {@link loadTokenTimes} needs, as the store has them: read only, nothing decided. */
  readTokenTimes(id: string | undefined): Promise<Record<string, string> | undefined> | undefined {
    return id ? this.store.readFields(storeKey(id), TOKEN_TIMES) : undefined;
  }

  /** {@link readTokenTimes} with a rate limit's count, in one round trip. */
  readTokenTimesCounting(id: string, count: RateCount): Promise<FieldsAndCount> {
    return this.store.readFieldsCounting(storeKey(id), TOKEN_TIMES, count);
  }

  /**
   * Like {@link load}, but reads and opens only the access token and the
   * times (one HMGET; with BFF_STORE_KEY four fields unsealed, not nine): what
   * a proxied request needs. A session past a limit is read whole and ended.
   */
  async loadTokenTimes(id: string | undefined, read = this.readTokenTimes(id)): Promise<ProxySession | 'none' | 'ended'> {
    if (!id) return 'none';
    const key = storeKey(id);
    const fields = await read;
    if (!fields?.accessToken || !fields.createdAt || !fields.lastActiveAt) return 'ended';
    const data: TokenTimes = {
      accessToken: fields.accessToken,
      accessTokenExpiresAt: Number(fields.accessTokenExpiresAt),
      createdAt: Number(fields.createdAt),
      lastActiveAt: Number(fields.lastActiveAt),
    };
    if (this.secondsLeft(data) <= 0) {
      const whole = await this.load(id);
      return whole === 'none' ? 'ended' : whole;
    }
    return { key, data };
  }

  /** Seconds until the session ends unless the citizen acts: the idle limit, capped by the absolute one. */
  secondsLeft(data: TokenTimes): number {
    return Math.max(0, Math.floor((this.endsAt(data) - this.now()) / 1000));
  }

  /** Whether a new session would still fit under BFF_MAX_SESSIONS. */
  async haveRoom(): Promise<boolean> {
    return (await this.liveCount()) < this.config.maxSessions;
  }

  /** Live sessions of all processes. */
  liveCount(): Promise<number> {
    return this.store.liveCount(SESSIONS_LEDGER, this.now());
  }

  /**
   * Ends the sessions whose time ran out while nobody asked for them (the
   * citizen closed the tab): their refresh tokens are revoked, as at a
   * sign-out. Run now and then by every process; each session is ended by one.
   * A session is found while its entry lasts, up to five minutes past its end.
   */
  async endLapsed(limit = 1000): Promise<number> {
    let ended = 0;
    for (const key of await this.store.lapsed(SESSIONS_LEDGER, this.now(), limit)) {
      if (!(await this.store.leave(SESSIONS_LEDGER, key))) continue;
      const data = parse(await this.store.read(key));
      if (!data) continue;
      if (this.secondsLeft(data) > 0) {
        await this.store.enter(SESSIONS_LEDGER, key, this.endsAt(data), Number.MAX_SAFE_INTEGER, this.now());
        continue;
      }
      await this.end({ key, data });
      ended += 1;
    }
    return ended;
  }

  /**
   * The citizen acted: the idle limit starts anew. Touches only that field,
   * never the tokens. With `step`, only when the idle end moves by more than
   * that (the proxy: one write per session every few seconds, not one per
   * request; the idle end is then at most `step` early).
   */
  async touch(session: ProxySession, step?: 'proxy'): Promise<void> {
    const now = this.now();
    if (step === 'proxy' && now - session.data.lastActiveAt < this.touchStepMs()) return;
    session.data.lastActiveAt = now;
    await this.store.update(session.key, { lastActiveAt: String(session.data.lastActiveAt) }, this.ttl(session.data));
    await this.store.prolong(SESSIONS_LEDGER, session.key, this.endsAt(session.data));
  }

  /**
   * A session whose access token is good for a while: renewed first when needed,
   * by one process at a time; the others wait and read the result, so that a
   * rotating refresh token is presented once. `ended` when the grant is gone.
   * A renewal that cannot happen now – the provider unreachable or failing,
   * another process busy with it (or died during it) – never ends the session:
   * while the access token is still valid it is used as it is; after that the
   * request fails (503) and the next one tries again.
   */
  async withFreshToken<S extends ProxySession>(session: S): Promise<S | LoadedSession | 'ended'> {
    if (!this.needsRenewal(session.data)) return session;
    const stillValid = () => session.data.accessTokenExpiresAt > this.now();
    // This process renews that session already: its requests share the result (the others wait at the lock).
    const running = this.renewing.get(session.key);
    if (running) {
      const shared = running.then((result) => (result === 'unchanged' ? session : result));
      if (!stillValid()) return shared;
      const waited = new Promise<S>((resolve) => setTimeout(resolve, STILL_VALID_WAIT_MS, session).unref());
      return Promise.race([shared.catch(() => session), waited]);
    }
    const renewal = this.renewUnderLock(session, stillValid);
    const shared = renewal.then((result) => (result === session ? 'unchanged' : (result as LoadedSession | 'ended')));
    shared.catch(() => undefined); // its failure is this request's; waiters, if any, see it too
    this.renewing.set(session.key, shared);
    try {
      return await renewal;
    } finally {
      this.renewing.delete(session.key);
    }
  }

  private async renewUnderLock<S extends ProxySession>(session: S, stillValid: () => boolean): Promise<S | LoadedSession | 'ended'> {
    try {
      return await this.store.withLock(
        `bff:lock:${session.key}`,
        LOCK_TTL_MS,
        // The lock is ours from now on, for LOCK_TTL_MS of the store's (real) time.
        () => this.renew(session, Date.now() + LOCK_TTL_MS - KEEP_MARGIN_MS),
        stillValid() ? STILL_VALID_WAIT_MS : undefined,
      );
    } catch (error) {
      if (error instanceof LockTimeoutError && stillValid()) return session;
      throw error;
    }
  }

  private async renew(session: ProxySession, keepUntil: number): Promise<LoadedSession | 'ended'> {
    const current = parse(await this.store.read(session.key));
    if (!current) return 'ended';
    const latest = { key: session.key, data: current };
    if (!this.needsRenewal(current)) return latest;
    if (!current.refreshToken) {
      await this.end(latest, { revoke: false });
      return 'ended';
    }
    let renewed: TokenSet;
    try {
      renewed = await this.provider.refresh(current.refreshToken);
    } catch (error) {
      if (error instanceof GrantRejectedError) {
        await this.end(latest, { revoke: false });
        return 'ended';
      }
      // The provider cannot be asked now: the token that is still valid goes on being used.
      if (current.accessTokenExpiresAt > this.now()) return latest;
      throw error;
    }
    const fields: TokenSet = { ...renewed, refreshToken: renewed.refreshToken ?? current.refreshToken };
    if (!fields.idToken) delete fields.idToken;
    const renewedSession = { key: session.key, data: { ...current, ...fields } };
    if (await this.keepRenewed(session.key, fields, this.ttl(current), keepUntil)) return renewedSession;
    // The entry went while the provider answered (a sign-out, a Redis restarted without persistence): so does the new grant.
    await this.end(renewedSession);
    return 'ended';
  }

  /**
   * Writes a renewal's answer; while the store is away (Redis restarting)
   * again and again until `keepUntil` (ms, real time), since the provider may
   * have rotated the refresh token and the new one exists only here. `false`
   * when the session's entry is gone.
   */
  private async keepRenewed(key: string, fields: TokenSet, ttlSeconds: number, keepUntil: number): Promise<boolean> {
    for (;;) {
      try {
        return await this.store.update(key, serialise(fields), ttlSeconds);
      } catch (error) {
        if (!(error instanceof StoreUnavailableError) || Date.now() + KEEP_RETRY_MS > keepUntil) throw error;
        await new Promise((resolve) => setTimeout(resolve, KEEP_RETRY_MS));
      }
    }
  }

  /** Deletes the session and, unless told otherwise, revokes its refresh token (shared computers: the grant must not outlive it). */
  async end(session: LoadedSession, options: { revoke?: boolean } = {}): Promise<void> {
    await this.store.remove(session.key);
    await this.store.leave(SESSIONS_LEDGER, session.key);
    await this.index.remove(session.key, session.data);
    if (options.revoke === false || !session.data.refreshToken) return;
    await this.provider.revoke(session.data.refreshToken).catch(() => false);
  }

  /**
   * Back-channel logout: every session of that provider session (`sid`), else
   * of that subject. Each leaves a marker for as long as it would have lasted,
   * so that the page is told it was signed out elsewhere, not that it expired.
   */
  async endByProvider(by: ProviderReference): Promise<number> {
    const keys = await this.index.sessionsOf(by);
    for (const key of keys) {
      const data = parse(await this.store.read(key));
      // The provider ended the grant itself: nothing to revoke.
      if (data) {
        await this.end({ key, data }, { revoke: false });
        await this.store.write(endedMarkerKey(key), { by: 'provider' }, this.ttl(data));
      } else await this.index.remove(key, by);
    }
    return keys.length;
  }

  /** Why the session behind a cookie is gone: `provider` after a back-channel logout, else unknown (a limit, or never there). */
  async endedBy(id: string | undefined): Promise<'provider' | undefined> {
    if (!id) return undefined;
    return (await this.store.read(endedMarkerKey(storeKey(id))))?.by === 'provider' ? 'provider' : undefined;
  }

  /** A proxied request moves the idle end when it moves by more than this: 1 % of the idle limit, at most 5 s. */
  private touchStepMs(): number {
    return Math.min(TOUCH_STEP_MAX_MS, this.config.idleSeconds * 10);
  }

  /** ms since epoch: the idle limit, capped by the absolute one. */
  private endsAt(data: TokenTimes): number {
    return Math.min(data.lastActiveAt + this.config.idleSeconds * 1000, data.createdAt + this.config.maxSeconds * 1000);
  }

  private needsRenewal(data: TokenTimes): boolean {
    return data.accessTokenExpiresAt - this.now() < RENEW_BEFORE_MS;
  }

  private ttl(data: TokenTimes): number {
    const absoluteLeft = Math.ceil((data.createdAt + this.config.maxSeconds * 1000 - this.now()) / 1000);
    return Math.max(1, Math.min(this.config.idleSeconds, absoluteLeft) + GRACE_SECONDS);
  }
}

/** How the log names a session: its lines can be followed, yet neither the cookie nor the store's entry is found from it. */
export function sessionPseudonym(sessionKey: string): string {
  return sha256(`log ${sessionKey}`).slice(0, 16);
}

/** The marker a back-channel logout leaves in place of a session (no data of it). */
function endedMarkerKey(sessionKey: string): string {
  return `bff:ended:${sessionKey.slice('bff:session:'.length)}`;
}

/** The store sees only a hash of the session id: a copy of the store opens no session. */
function storeKey(id: string): string {
  return `bff:session:${sha256(id)}`;
}

function serialise(data: Partial<SessionData>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(data)) if (value !== undefined) fields[name] = String(value);
  return fields;
}

function parse(fields: Record<string, string> | undefined): SessionData | undefined {
  if (!fields?.accessToken || !fields.subject || !fields.idToken) return undefined;
  return {
    subject: fields.subject,
    providerSession: fields.providerSession,
    displayName: fields.displayName ?? '',
    idToken: fields.idToken,
    accessToken: fields.accessToken,
    accessTokenExpiresAt: Number(fields.accessTokenExpiresAt),
    refreshToken: fields.refreshToken,
    createdAt: Number(fields.createdAt),
    lastActiveAt: Number(fields.lastActiveAt),
  };
}
