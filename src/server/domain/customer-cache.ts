import { LRUCache } from 'lru-cache';
import type { CertStore } from '../store/store.js';

/** An answer read from AvaTax, stamped with when AvaTax was asked (epoch ms). */
export interface Fetched {
  fetchedAt: number;
}

/** What a read will accept. */
export interface Acceptable {
  /**
   * Only an answer AvaTax gave after this moment will do (epoch ms; -Infinity: any cached one).
   * A person's re-check sets it to when they acted.
   */
  after: number;
  /**
   * Asked before a new read is made for a person's re-check: false (the customer's budget of
   * fresh reads is used up) lets the cache answer after all. Absent: always read.
   */
  mayRead?: () => Promise<boolean>;
}

/** Parsed entries kept in this process per cache. */
const MAX_PARSED = 5_000;

/**
 * One kind of per-customer AvaTax answer (their certificates, their invitations), cached in the
 * shared store under the customer's group, whose generation a write bumps.
 *
 * - Identical loads in this process share one AvaTax call, but only with a load started in the
 *   same generation and after the moment the read accepts: nothing that began before a change is
 *   handed out after it.
 * - A store that cannot be reached is skipped: AvaTax answers every read until it is back.
 * - A hit parses nothing when the cached text is the one parsed last time.
 */
export class CustomerCache<T extends Fetched> {
  readonly #kind: string;
  readonly #store: CertStore;
  readonly #now: () => number;
  readonly #ttlMs: number;
  readonly #inFlight = new Map<string, { promise: Promise<T>; generation: string | undefined; startedAt: number }>();
  readonly #parsed = new LRUCache<string, { text: string; value: T }>({ max: MAX_PARSED });

  constructor(kind: string, deps: { store: CertStore; now: () => number; ttlMs: number }) {
    this.#kind = kind;
    this.#store = deps.store;
    this.#now = deps.now;
    this.#ttlMs = deps.ttlMs;
  }

  /** The customer's answer of this kind, cached or read with `load`, as `accept` allows. */
  async get(group: string, accept: Acceptable, load: () => Promise<Omit<T, 'fetchedAt'>>): Promise<T> {
    const cached = this.#ttlMs > 0 ? await this.#store.read(group, this.#kind).catch(() => undefined) : undefined;
    const parsed = cached?.value ? this.#parse(group, cached.value) : undefined;
    if (parsed && parsed.fetchedAt > accept.after) return parsed;
    const joinable = (): Promise<T> | undefined => {
      const running = this.#inFlight.get(group);
      return running && running.generation === cached?.generation && running.startedAt > accept.after ? running.promise : undefined;
    };
    let shared = joinable();
    if (shared) return shared;
    if (parsed && accept.mayRead && !(await accept.mayRead())) return parsed;
    // Asked again after the wait for the budget: a load another request began meanwhile serves this one.
    shared = joinable();
    return shared ?? this.#load(group, cached?.generation, load);
  }

  /** Stops sharing the loads in flight of `group` (its data changed). */
  forget(group: string): void {
    this.#inFlight.delete(group);
  }

  #load(group: string, generation: string | undefined, load: () => Promise<Omit<T, 'fetchedAt'>>): Promise<T> {
    const startedAt = this.#now();
    const promise = load().then((answer) => {
      const value = { ...answer, fetchedAt: startedAt } as T;
      if (generation !== undefined) this.#store.write(group, generation, this.#kind, JSON.stringify(value), this.#ttlMs).catch(() => undefined);
      return value;
    });
    const entry = { promise, generation, startedAt };
    this.#inFlight.set(group, entry);
    const done = (): void => void (this.#inFlight.get(group) === entry && this.#inFlight.delete(group));
    promise.then(done, done);
    return promise;
  }

  #parse(group: string, text: string): T | undefined {
    const known = this.#parsed.get(group);
    if (known?.text === text) return known.value;
    let value: T;
    try {
      value = JSON.parse(text) as T;
    } catch {
      return undefined;
    }
    if (typeof value?.fetchedAt !== 'number') return undefined;
    this.#parsed.set(group, { text, value });
    return value;
  }
}
