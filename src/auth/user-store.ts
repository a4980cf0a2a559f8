import { MemoryStorage } from './page-storage.js';
import { usableStorage } from './safe-storage.js';

/**
 * Where the signed-in user is kept: sessionStorage (`token-storage="session"`)
 * or memory. Falls back to memory when web storage is blocked or full, so the
 * session still works in this page.
 */
export class UserStore {
  private storage?: Storage;
  private readonly memory = new MemoryStorage();

  constructor(
    private readonly key: string,
    private readonly persist: boolean,
    /** Where an earlier version kept the value: read once, moved to `key`. */
    private readonly legacyKey?: string,
  ) {}

  read(): string | null {
    const value = this.place().getItem(this.key);
    if (value !== null || !this.legacyKey) return value;
    const legacy = this.place().getItem(this.legacyKey);
    if (legacy === null) return null;
    this.place().removeItem(this.legacyKey);
    this.write(legacy);
    return legacy;
  }

  write(value: string): void {
    try {
      this.place().setItem(this.key, value);
    } catch {
      // Quota exceeded: the session lives on in this page only.
      this.memory.setItem(this.key, value);
      this.storage = this.memory;
    }
  }

  remove(): void {
    this.place().removeItem(this.key);
  }

  private place(): Storage {
    this.storage ??= (this.persist && usableStorage('session')) || this.memory;
    return this.storage;
  }
}
