/** Up to `limit` values remembered by key; beyond it the oldest go first. */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** The value remembered for `key`, else what `compute` makes of it (remembered unless `undefined`). */
  get(key: string, compute: () => V): V;
  get(key: string, compute: () => V | undefined): V | undefined;
  get(key: string, compute: () => V | undefined): V | undefined {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (value !== undefined) this.set(key, value);
    return value;
  }

  /** Remembers `value` for `key`, in place of what was there. */
  set(key: string, value: V): void {
    this.values.delete(key);
    if (this.values.size >= this.limit) this.values.delete(this.values.keys().next().value as string);
    this.values.set(key, value);
  }

  /** The value remembered for `key`, if any. */
  peek(key: string): V | undefined {
    return this.values.get(key);
  }
}
