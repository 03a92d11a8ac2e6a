import { ApiError } from '../errors.js';

/**
 * At most `limit` events per key in any rolling window of `windowMs`. In memory, per process:
 * several companion instances each enforce their own limit.
 */
export class RollingRateLimit {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #events = new Map<string, number[]>();

  constructor(options: { limit: number; windowMs: number; now: () => number }) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#now = options.now;
  }

  /** Throws 429 `rate_limited` with `Retry-After` when `key` used up its events. */
  check(key: string, message: string): void {
    const recent = this.#recent(key);
    if (recent.length < this.#limit) return;
    const oldest = recent[0] as number;
    const retryAfter = Math.max(1, Math.ceil((oldest + this.#windowMs - this.#now()) / 1000));
    throw new ApiError('rate_limited', message, { retryable: true, retryAfter });
  }

  /** Counts one event for `key`. */
  record(key: string): void {
    const recent = this.#recent(key);
    recent.push(this.#now());
    this.#events.set(key, recent);
  }

  #recent(key: string): number[] {
    const since = this.#now() - this.#windowMs;
    const recent = (this.#events.get(key) ?? []).filter((at) => at > since);
    if (recent.length) this.#events.set(key, recent);
    else this.#events.delete(key);
    return recent;
  }
}
