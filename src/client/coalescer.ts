import { abortable } from './http.js';

/**
 * Shares one in-flight request among identical asks and keeps the answer for `maxAgeMs()`, then
 * forgets it. Each asker may stop waiting through its own signal; the shared request itself is
 * bounded by the request timeout and the capped retries. Times are `performance.now()` times.
 */
export class Coalescer<T> {
  #entries = new Map<string, { promise: Promise<T>; at: number; from: number }>();

  constructor(private readonly maxAgeMs: () => number) {}

  /** Entries held (in flight or answered and not yet expired). */
  get size(): number {
    return this.#entries.size;
  }

  run(key: string, start: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let entry = this.#entries.get(key);
    const now = performance.now();
    if (!entry || now - entry.at > this.maxAgeMs()) {
      const created = (entry = { promise: start(), at: Infinity, from: now });
      const drop = (): unknown => this.#entries.get(key) === created && this.#entries.delete(key);
      this.#entries.set(key, created);
      // Answers are kept from the moment they arrive; failures are forgotten at once.
      created.promise.then(() => {
        created.at = performance.now();
        setTimeout(drop, this.maxAgeMs());
      }, drop);
    }
    return abortable(entry.promise, signal);
  }

  /** Forgets every entry whose key starts with `prefix` and that was asked before `since` (default now). */
  clear(prefix: string, since = performance.now()): void {
    for (const [key, { from }] of this.#entries) if (key.startsWith(prefix) && from < since) this.#entries.delete(key);
  }
}
