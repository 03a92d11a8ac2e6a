/**
 * A keyed TTL cache whose lookups share one in-flight promise per key (single flight), with
 * groups that can be cleared together (e.g. every entry of one customer). A clear also
 * discards answers still in flight, so a lookup that started before an upload cannot store
 * the stale verdict after it.
 */
export class SingleFlightCache<T> {
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, { group: string; value: T; expires: number }>();
  readonly #inFlight = new Map<string, Promise<T>>();
  readonly #generation = new Map<string, number>();
  readonly #maxEntries: number;

  constructor(options: { ttlMs: number; now?: () => number; maxEntries?: number }) {
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  /** The cached value for `key`, or the result of `load` (shared by concurrent callers). */
  get(group: string, key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && hit.expires > this.#now()) return Promise.resolve(hit.value);
    if (hit) this.#entries.delete(key);
    const pending = this.#inFlight.get(key);
    if (pending) return pending;

    const generation = this.#generation.get(group) ?? 0;
    const promise = load().then(
      (value) => {
        this.#inFlight.delete(key);
        if (this.#ttlMs > 0 && (this.#generation.get(group) ?? 0) === generation) this.#store(group, key, value);
        return value;
      },
      (error: unknown) => {
        this.#inFlight.delete(key);
        throw error;
      },
    );
    this.#inFlight.set(key, promise);
    return promise;
  }

  /** Forgets every entry of `group`, including answers still on their way. */
  clearGroup(group: string): void {
    this.#generation.set(group, (this.#generation.get(group) ?? 0) + 1);
    for (const [key, entry] of this.#entries) if (entry.group === group) this.#entries.delete(key);
    for (const key of this.#inFlight.keys()) if (key.startsWith(`${group}\u0000`)) this.#inFlight.delete(key);
  }

  #store(group: string, key: string, value: T): void {
    if (this.#entries.size >= this.#maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { group, value, expires: this.#now() + this.#ttlMs });
  }
}

/** A cache key inside a group; `clearGroup` relies on this separator. */
export const groupKey = (group: string, ...parts: string[]): string => [group, ...parts].join('\u0000');
