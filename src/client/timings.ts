/**
 * Tunable waits of the client. Defaults suit production; tests and unusual hosts may
 * change the fields (e.g. `timings.requestTimeoutMs = 300`) before elements load data.
 * Every network wait is bounded by these numbers.
 */
export const timings = {
  /** Timeout of each HTTP request (token endpoint and cert API). */
  requestTimeoutMs: 10_000,
  /** Retries after the first attempt for retryable errors. */
  retries: 3,
  /** First retry delay; doubles per attempt, with jitter, up to `retryMaxMs`. */
  retryBaseMs: 400,
  retryMaxMs: 8_000,
  /** How long a status answer is reused on the page. */
  statusCacheMs: 5_000,
  /** Invitation polling: first delay (then ×1.5), cap, and when to report "taking longer". */
  pollFirstMs: 2_000,
  pollMaxMs: 15_000,
  pollSlowMs: 180_000,
  /**
   * After a CertExpress link was opened: the zone's status is re-checked while the page is
   * visible, first after `watchFirstMs` (then ×1.5 up to `pollMaxMs`), for `watchForMs` of visible time.
   */
  watchFirstMs: 3_000,
  watchForMs: 300_000,
  /** Elements retry a retryable error by themselves: first delay (doubling) and how often. */
  autoRetryMs: 5_000,
  autoRetries: 3,
  /** Longest wait for a language table before the element shows English. */
  localeWaitMs: 3_000,
};

/** Spreads a delay over ±20 % so many clients do not retry in step. */
export const jitter = (ms: number): number => ms * (0.8 + Math.random() * 0.4);
