import type { CertStore } from './store.js';

/** The lease could not be had in time, or the store could not be asked. */
export class LeaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('Another request for the same customer is still running.', { cause });
    this.name = 'LeaseUnavailableError';
  }
}

/**
 * Runs `task` while holding the store's lease on `key`, so that one instance at a time does it.
 * Waits for the lease with capped backoff (50 ms, doubling, at most 500 ms between tries) for at
 * most `waitMs`; rejects with {@link LeaseUnavailableError} when it does not come or the store
 * cannot be reached. `leaseMs` must outlast the task: a lease whose holder died ends by itself.
 */
export async function withLease<T>(store: CertStore, key: string, options: { leaseMs: number; waitMs: number }, task: () => Promise<T>): Promise<T> {
  const giveUp = Date.now() + options.waitMs;
  let owner: string | null = null;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    try {
      owner = await store.lock(key, options.leaseMs);
    } catch (error) {
      throw new LeaseUnavailableError(error);
    }
    if (owner) break;
    if (Date.now() + delay > giveUp) throw new LeaseUnavailableError();
    await new Promise((resolve) => setTimeout(resolve, delay * (0.75 + Math.random() * 0.5)));
  }
  try {
    return await task();
  } finally {
    await store.unlock(key, owner).catch(() => undefined);
  }
}
