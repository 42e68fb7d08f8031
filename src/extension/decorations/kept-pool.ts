/**
 * Disposable things made on first use by key and shared, kept for reuse when nothing uses them any more: the
 * least recently used of those go first once there are more than `keep`.
 */
export class KeptPool<T extends { dispose(): void }> {
  private readonly items = new Map<string, T>();
  /** Keys of the items nothing uses, in the order they fell out of use. */
  private readonly unused = new Set<string>();

  constructor(private readonly keep: number) {}

  /** The item of `key`, made now if there is none; it counts as used again. */
  get(key: string, make: () => T): T {
    let item = this.items.get(key);
    if (!item) this.items.set(key, (item = make()));
    this.unused.delete(key);
    return item;
  }

  lookup(key: string): T | undefined {
    return this.items.get(key);
  }

  /** Keys of the live items, in use or kept. */
  keys(): string[] {
    return [...this.items.keys()];
  }

  /** The items whose key is not in `used` are unused from now on; the oldest unused beyond `keep` are disposed. */
  retain(used: ReadonlySet<string>, keep = this.keep): void {
    for (const key of this.items.keys()) {
      if (used.has(key)) this.unused.delete(key);
      else this.unused.add(key);
    }
    for (const key of this.unused) {
      if (this.unused.size <= keep) break;
      this.items.get(key)?.dispose();
      this.items.delete(key);
      this.unused.delete(key);
    }
  }

  /** Disposes every item. */
  clear(): void {
    this.retain(new Set(), 0);
  }
}
