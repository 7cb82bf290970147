interface Entry<T> {
  key: string;
  value?: T;
  loadedAt: number;
  loading?: Promise<T>;
}

export interface TtlCacheOptions {
  ttlMs: number;
  /** Entries kept at most; the least recently used leave first. */
  maxEntries: number;
  now: () => number;
}

/**
 * A small in-memory cache with single-flight loading and stale-while-revalidate: concurrent
 * callers share one load, and an expired value is still served while a fresh one loads in the
 * background, so no user waits on devpi's second-long project list after the first load.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly options: TtlCacheOptions) {}

  /**
   * `version` (devpi's serial for stage lists) replaces a cached value of an older version;
   * `ttlMs` overrides the cache's default for this entry.
   */
  async get(name: string, version: string, load: () => Promise<T>, ttlMs = this.options.ttlMs): Promise<T> {
    const key = `${name}\u0000${version}`;
    const entry = this.entries.get(name);
    if (entry && entry.key === key) {
      this.entries.delete(name);
      this.entries.set(name, entry);
      if (entry.value !== undefined) {
        if (this.options.now() - entry.loadedAt >= ttlMs && !entry.loading) this.start(name, entry, load).catch(() => undefined);
        return entry.value;
      }
      if (entry.loading) return entry.loading;
    }
    const fresh: Entry<T> = { key, loadedAt: 0 };
    this.entries.set(name, fresh);
    this.evict();
    return this.start(name, fresh, load);
  }

  /** Forgets one entry (after a write the dashboard made itself). */
  invalidate(name: string): void {
    this.entries.delete(name);
  }

  /** Forgets every entry whose name matches (an index's lists for every principal set). */
  invalidateWhere(matches: (name: string) => boolean): void {
    for (const name of [...this.entries.keys()]) if (matches(name)) this.entries.delete(name);
  }

  /** Re-loads a held entry in the background, serving the old value meanwhile; false when none is held. */
  refresh(name: string, load: () => Promise<T>): boolean {
    const entry = this.entries.get(name);
    if (entry?.value === undefined || entry.loading) return false;
    this.start(name, entry, load).catch(() => undefined);
    return true;
  }

  /** How long ago the named entry's value was loaded, or undefined when there is none yet. */
  ageOf(name: string): number | undefined {
    const entry = this.entries.get(name);
    return entry?.value === undefined ? undefined : this.options.now() - entry.loadedAt;
  }

  private start(name: string, entry: Entry<T>, load: () => Promise<T>): Promise<T> {
    const loading = load().then(
      (value) => {
        entry.value = value;
        entry.loadedAt = this.options.now();
        entry.loading = undefined;
        return value;
      },
      (error: unknown) => {
        entry.loading = undefined;
        // A failed first load must not stick; a failed refresh keeps serving the old value.
        if (entry.value === undefined && this.entries.get(name) === entry) this.entries.delete(name);
        throw error;
      },
    );
    entry.loading = loading;
    return loading;
  }

  private evict(): void {
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) return;
      this.entries.delete(oldest.value);
    }
  }
}
