import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { BoundedMemo } from './bounded-memo.js';
import type { FieldsAndCount, RateCount, SessionStore } from './store.js';

/*
 * Encryption at rest for the session store (BFF_STORE_KEY): every value the
 * BFF writes – tokens, the sign-in's PKCE verifier and nonce, sign-out tickets –
 * is sealed with AES-256-GCM before it reaches Redis, bound to its entry and
 * field, so that whoever reads Redis (a dump, a backup, a shared instance)
 * holds no usable token, and a value copied to another entry does not open.
 * Key names and index sets stay as they are: they hold only hashes.
 */

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** `value`, encrypted and authenticated for `context` (the entry's key, and the field's name). */
export function seal(key: Buffer, value: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${FORMAT}.${iv.toString('base64url')}.${data.toString('base64url')}`;
}

/** The value sealed for `context` with `key`; `undefined` for anything else (another key, another place, altered, not sealed). */
export function unseal(key: Buffer, sealed: string, context: string): string | undefined {
  const [format, iv, data] = sealed.split('.');
  if (format !== FORMAT || !iv || !data) return undefined;
  try {
    const bytes = Buffer.from(data, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

const fieldContext = (key: string, field: string) => `${key}#${field}`;

/**
 * Values a proxied request opened lately, by place and sealed text: the next
 * request of that session finds the same sealed text in Redis and skips
 * AES-GCM. A sealed text names one value in one place under this key, so the
 * memo never opens what {@link unseal} would not. Bounded: the oldest go first.
 */
const OPENED_MEMO_ENTRIES = 2048;

/**
 * A store that seals what it keeps in `inner`. An entry that does not open
 * (written before the key was set, or with another key) counts as absent: that
 * session has ended, and the citizen signs in again.
 */
export class SealedStore implements SessionStore {
  private readonly opened = new BoundedMemo<string>(OPENED_MEMO_ENTRIES);

  constructor(
    private readonly inner: SessionStore,
    private readonly key: Buffer,
  ) {}

  /** {@link unseal}, remembered for {@link OPENED_MEMO_ENTRIES} values. */
  private unsealRemembered(sealed: string, context: string): string | undefined {
    return this.opened.get(`${context}\n${sealed}`, () => unseal(this.key, sealed, context));
  }

  async read(key: string): Promise<Record<string, string> | undefined> {
    const sealed = await this.inner.read(key);
    if (!sealed) return undefined;
    const fields: Record<string, string> = {};
    for (const [field, value] of Object.entries(sealed)) {
      const opened = unseal(this.key, value, fieldContext(key, field));
      if (opened === undefined) return undefined;
      fields[field] = opened;
    }
    return fields;
  }

  async readFields(key: string, names: readonly string[]): Promise<Record<string, string> | undefined> {
    return this.openRemembered(key, await this.inner.readFields(key, names));
  }

  async readFieldsCounting(key: string, names: readonly string[], count: RateCount): Promise<FieldsAndCount> {
    const { fields, counted } = await this.inner.readFieldsCounting(key, names, count);
    return { fields: this.openRemembered(key, fields), counted };
  }

  /** A proxied request's fields, opened (remembered); `undefined` when one does not open. */
  private openRemembered(key: string, sealed: Record<string, string> | undefined): Record<string, string> | undefined {
    if (!sealed) return undefined;
    const fields: Record<string, string> = {};
    for (const [field, value] of Object.entries(sealed)) {
      const opened = this.unsealRemembered(value, fieldContext(key, field));
      if (opened === undefined) return undefined;
      fields[field] = opened;
    }
    return fields;
  }

  write(key: string, fields: Record<string, string>, ttlSeconds: number): Promise<void> {
    return this.inner.write(key, this.sealFields(key, fields), ttlSeconds);
  }

  update(key: string, fields: Record<string, string>, ttlSeconds: number): Promise<boolean> {
    return this.inner.update(key, this.sealFields(key, fields), ttlSeconds);
  }

  remove(key: string): Promise<void> {
    return this.inner.remove(key);
  }

  put(key: string, value: string, ttlSeconds: number): Promise<void> {
    return this.inner.put(key, seal(this.key, value, key), ttlSeconds);
  }

  async take(key: string): Promise<string | undefined> {
    const sealed = await this.inner.take(key);
    return sealed === undefined ? undefined : unseal(this.key, sealed, key);
  }

  claim(key: string, ttlSeconds: number): Promise<boolean> {
    return this.inner.claim(key, ttlSeconds);
  }

  addToSet(key: string, member: string, ttlSeconds: number): Promise<void> {
    return this.inner.addToSet(key, member, ttlSeconds);
  }

  removeFromSet(key: string, member: string): Promise<void> {
    return this.inner.removeFromSet(key, member);
  }

  members(key: string): Promise<string[]> {
    return this.inner.members(key);
  }

  withLock<T>(name: string, ttlMs: number, work: () => Promise<T>, waitMs?: number): Promise<T> {
    return this.inner.withLock(name, ttlMs, work, waitMs);
  }

  // Ledgers hold only hashed keys and lapse times: nothing to seal.
  enter(ledger: string, member: string, lapsesAt: number, cap: number, now: number): Promise<boolean> {
    return this.inner.enter(ledger, member, lapsesAt, cap, now);
  }

  enterEvicting(ledger: string, member: string, lapsesAt: number, cap: number, now: number): Promise<string[]> {
    return this.inner.enterEvicting(ledger, member, lapsesAt, cap, now);
  }

  prolong(ledger: string, member: string, lapsesAt: number): Promise<void> {
    return this.inner.prolong(ledger, member, lapsesAt);
  }

  leave(ledger: string, member: string): Promise<boolean> {
    return this.inner.leave(ledger, member);
  }

  liveCount(ledger: string, now: number): Promise<number> {
    return this.inner.liveCount(ledger, now);
  }

  lapsed(ledger: string, now: number, limit: number): Promise<string[]> {
    return this.inner.lapsed(ledger, now, limit);
  }

  writeFailure(): Promise<string | undefined> {
    return this.inner.writeFailure();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private sealFields(key: string, fields: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, seal(this.key, value, fieldContext(key, field))]));
  }
}
