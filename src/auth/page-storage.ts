/* Storage kinds of the session's own (the first file needs neither). */

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
