/**
 * What the companion keeps between requests (status cache and its invalidation, invitation
 * single flight, rate limits, health, half-written certificates) lives behind this interface, so
 * that several instances can share it. `memoryStore()` is the default for one process;
 * `redisStore()` (`cert-elements/server/redis`) serves any number of instances.
 *
 * Every method may reject with {@link StoreUnavailableError}; each caller decides what that means
 * (the cache is skipped, a rate limit refuses).
 */
export interface CertStore {
  /**
   * The current generation of `group` (a new one is started when the group has none) and the
   * value stored under `key` in that generation, or null.
   */
  read(group: string, key: string): Promise<{ generation: string; value: string | null }>;

  /**
   * Stores `value` under `key` in `generation` of `group` for `ttlMs`. When the group has moved
   * on to a newer generation meanwhile, nobody will read it: an answer that was on its way while
   * the data changed cannot be served after the change.
   */
  write(group: string, generation: string, key: string, value: string, ttlMs: number): Promise<void>;

  /** Starts a new generation of `group`: whatever was stored before is never read again. */
  invalidate(group: string): Promise<void>;

  /**
   * Takes one of `limit` slots of the rolling window `windowMs` ending at `nowMs` for `key`.
   * Refused, it says when the oldest slot frees up.
   */
  take(key: string, limit: number, windowMs: number, nowMs: number): Promise<Taken>;

  /** An exclusive lease on `key` for `leaseMs`; the owner id to release it, or null when held. */
  lock(key: string, leaseMs: number): Promise<string | null>;

  /** Releases the lease if `owner` still holds it. */
  unlock(key: string, owner: string): Promise<void>;

  /** Adds `member` to the set `key`, which lives `ttlMs` from its last change. */
  addMember(key: string, member: string, ttlMs: number): Promise<void>;

  /** Members of the set `key`. */
  members(key: string): Promise<string[]>;

  /** Ends connections, if any. */
  close(): Promise<void>;
}

export type Taken = { ok: true } | { ok: false; retryAfterMs: number };

/** The store could not be reached or did not answer in time. */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The shared store is unavailable.', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** A generation id no other instance will pick. */
export const newGeneration = (): string => crypto.randomUUID();
