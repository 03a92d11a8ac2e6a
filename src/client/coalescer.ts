import { abortable } from './http.js';

/**
 * Shares one in-flight request among identical asks and keeps the answer for `maxAgeMs()`.
 * Each asker may stop waiting through its own signal; the shared request itself is bounded by
 * the request timeout and the capped retries.
 */
export class Coalescer<T> {
  #entries = new Map<string, { promise: Promise<T>; at: number }>();

  constructor(private readonly maxAgeMs: () => number) {}

  run(key: string, start: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let entry = this.#entries.get(key);
    if (!entry || Date.now() - entry.at > this.maxAgeMs()) {
      const created = (entry = { promise: start(), at: Infinity });
      this.#entries.set(key, created);
      // Answers are kept from the moment they arrive; failures are forgotten at once.
      created.promise.then(
        () => (created.at = Date.now()),
        () => this.#entries.get(key) === created && this.#entries.delete(key),
      );
    }
    return abortable(entry.promise, signal);
  }

  /** Forgets every answer whose key starts with `prefix`. */
  clear(prefix: string): void {
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
  }
}
