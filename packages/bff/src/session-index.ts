import { createHmac } from 'node:crypto';
import { sha256 } from './digest.js';
import type { SessionStore } from './store.js';

/** Who a back-channel logout names: the provider's session (`sid`), else the citizen (`sub`). */
export interface ProviderReference {
  providerSession?: string;
  subject?: string;
}

/**
 * Which of our sessions belong to a provider session or a subject, for
 * back-channel logout. The index keys hold no personal data: `sub` and `sid`
 * are hashed with the issuer (keyed with BFF_STORE_KEY when there is one, so
 * that a known name cannot be hashed and looked up), and a session leaves its
 * index entries when it ends.
 */
export class SessionIndex {
  constructor(
    private readonly store: SessionStore,
    private readonly issuer: string,
    private readonly secret?: Buffer,
  ) {}

  async add(sessionKey: string, of: ProviderReference, ttlSeconds: number): Promise<void> {
    for (const index of this.keys(of)) await this.store.addToSet(index, sessionKey, ttlSeconds);
  }

  async remove(sessionKey: string, of: ProviderReference): Promise<void> {
    for (const index of this.keys(of)) await this.store.removeFromSet(index, sessionKey);
  }

  /** The sessions a back-channel logout ends: those of its `sid`, else of its `sub`. */
  sessionsOf(by: ProviderReference): Promise<string[]> {
    const [first] = this.keys(by.providerSession ? { providerSession: by.providerSession } : { subject: by.subject });
    return first ? this.store.members(first) : Promise.resolve([]);
  }

  /** Every session of one citizen (the per-citizen cap). */
  sessionsOfSubject(subject: string): Promise<string[]> {
    const [key] = this.keys({ subject });
    return key ? this.store.members(key) : Promise.resolve([]);
  }

  private keys(of: ProviderReference): string[] {
    const keys: string[] = [];
    if (of.providerSession) keys.push(`bff:sid:${this.hash(`sid ${of.providerSession}`)}`);
    if (of.subject) keys.push(`bff:sub:${this.hash(`sub ${of.subject}`)}`);
    return keys;
  }

  private hash(value: string): string {
    const text = `${this.issuer} ${value}`;
    return this.secret ? createHmac('sha256', this.secret).update(text).digest('base64url') : sha256(text);
  }
}
