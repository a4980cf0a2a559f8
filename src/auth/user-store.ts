import { MemoryStorage, usableStorage } from './safe-storage.js';

/**
 * Where the signed-in user is kept: sessionStorage (`token-storage="session"`)
 * or memory. Falls back to memory when web storage is blocked or full, so the
 * session still works in this page.
 */
export class UserStore {
  private storage?: Storage;
  private readonly memory = new MemoryStorage();

  constructor(
    /** The key oidc-client-ts's UserManager would use, so stored sign-ins stay readable. */
    private readonly key: string,
    private readonly persist: boolean,
  ) {}

  read(): string | null {
    return this.place().getItem(this.key);
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
