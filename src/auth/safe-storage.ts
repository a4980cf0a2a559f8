const PROBE = '__buergerportal_probe__';

const storageOf = (kind: 'local' | 'session'): Storage => (kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage);

/** Writes and removes a probe: what went wrong, or `undefined` when the storage works. */
function probe(kind: 'local' | 'session'): { error: unknown } | undefined {
  try {
    const storage = storageOf(kind);
    storage.setItem(PROBE, PROBE);
    storage.removeItem(PROBE);
    return undefined;
  } catch (error) {
    return { error };
  }
}

/**
 * Web storage that may be blocked (site data off, Safari's "operation is
 * insecure") or full. Returns `undefined` where the storage cannot be used.
 */
export function usableStorage(kind: 'local' | 'session'): Storage | undefined {
  return probe(kind) ? undefined : storageOf(kind);
}

/** Whether web storage fails because it is full (QuotaExceededError), not blocked: the citizen can free it. */
export function storageIsFull(): boolean {
  return (['local', 'session'] as const).every((kind) => {
    const failed = probe(kind);
    return failed?.error instanceof DOMException && failed.error.name === 'QuotaExceededError';
  });
}

/** A Storage that lives only as long as the page: the fallback when web storage is blocked. */
export class MemoryStorage implements Storage {
  private readonly data = new Map<string, string>();
  get length(): number {
    return this.data.size;
  }
  clear(): void {
    this.data.clear();
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  setItem(key: string, value: string): void {
    this.data.set(key, String(value));
  }
}

/**
 * A short list of recent strings in web storage, newest first (used sign-in
 * states). A blocked, full or unreadable storage makes it an empty list that
 * forgets.
 */
export class RecentList {
  constructor(
    private readonly key: string,
    private readonly max: number,
    private readonly storage: () => Storage | undefined,
  ) {}

  includes(item: string): boolean {
    return this.read().includes(item);
  }

  add(item: string): void {
    try {
      this.storage()?.setItem(this.key, JSON.stringify([item, ...this.read().filter((other) => other !== item)].slice(0, this.max)));
    } catch {
      // Storage full: the item is forgotten.
    }
  }

  private read(): string[] {
    try {
      const list: unknown = JSON.parse(this.storage()?.getItem(this.key) ?? '[]');
      return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
    } catch {
      return [];
    }
  }
}
