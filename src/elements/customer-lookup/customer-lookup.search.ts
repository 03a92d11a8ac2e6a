import { isAbort } from '../../client/errors.js';

/** What a {@link LatestSearch} does at each step. */
export interface SearchSteps<T> {
  /** The network call; must stop when `signal` aborts. */
  fetch(query: string, signal: AbortSignal): Promise<T>;
  /** A search is going out. */
  start(query: string): void;
  /** The answer of the newest search. */
  answer(result: T, query: string): void;
  /** The newest search failed (never called for cancelled or superseded searches). */
  fail(error: unknown): void;
}

/**
 * Search-as-you-type plumbing: waits for a pause in typing, runs one search at a time, cancels
 * the older search when a newer one starts, and lets only the newest answer through — an
 * answer arriving late for an older query is dropped even if its request could not be aborted.
 */
export class LatestSearch<T> {
  readonly #steps: SearchSteps<T>;
  #timer?: ReturnType<typeof setTimeout>;
  #current?: AbortController;

  constructor(steps: SearchSteps<T>) {
    this.#steps = steps;
  }

  /** Runs `query` after `delayMs` without a newer call; cancels anything pending or running. */
  schedule(query: string, delayMs: number): void {
    this.cancel();
    this.#timer = setTimeout(() => void this.run(query), delayMs);
  }

  /** Runs `query` now; resolves with its answer, or undefined when it failed or was superseded. */
  async run(query: string): Promise<T | undefined> {
    this.cancel();
    const mine = (this.#current = new AbortController());
    this.#steps.start(query);
    try {
      const result = await this.#steps.fetch(query, mine.signal);
      if (mine !== this.#current) return undefined;
      this.#current = undefined;
      this.#steps.answer(result, query);
      return result;
    } catch (e) {
      if (isAbort(e) || mine !== this.#current) return undefined;
      this.#current = undefined;
      this.#steps.fail(e);
      return undefined;
    }
  }

  /** Drops the pending search and aborts the running one. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#current?.abort();
    this.#current = undefined;
  }
}
