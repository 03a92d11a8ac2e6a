import { apiError, errorFromResponse, timedOut, unreachable } from './errors.js';
import { jitter, timings } from './timings.js';

const aborted = (): DOMException => new DOMException('Aborted', 'AbortError');

/**
 * `fetch` that returns parsed JSON or throws a {@link CertApiError}; bounded by
 * `timings.requestTimeoutMs` (→ `timeout`, retryable). An aborted `signal` rejects with an AbortError.
 * With `blob`, a 2xx body is returned as a Blob (documents); errors are still read as JSON.
 */
export async function fetchJson<T>(url: string, init: RequestInit, signal?: AbortSignal, blob?: boolean): Promise<T> {
  const ctl = new AbortController();
  const stop = (): void => ctl.abort();
  signal?.addEventListener('abort', stop);
  const timer = setTimeout(stop, timings.requestTimeoutMs);
  try {
    if (signal?.aborted) throw aborted();
    const res = await fetch(url, { ...init, signal: ctl.signal });
    if (blob && res.ok) return (await res.blob()) as T;
    // Reading the body stays under the timeout too: a server may stall mid-answer.
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // handled below
    }
    if (!res.ok) throw errorFromResponse(res.status, body, res.headers.get('retry-after'));
    if (body === undefined) throw apiError('upstream_error', 'The service sent an unreadable answer.');
    return body as T;
  } catch (e) {
    if (signal?.aborted) throw aborted();
    if (ctl.signal.aborted) throw timedOut();
    throw (e as Error).name === 'CertApiError' ? e : unreachable();
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts (the timer goes then too). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout>;
  return abortable(new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), signal).finally(() => clearTimeout(timer));
}

/** Exponential backoff from `baseMs` (×2 per attempt) capped at `maxMs`, with jitter. */
export const backoff = (attempt: number, baseMs = timings.retryBaseMs, maxMs = timings.retryMaxMs): number =>
  jitter(Math.min(maxMs, baseMs * 2 ** attempt));

/**
 * Runs `attempt` and retries retryable {@link CertApiError}s up to `timings.retries` times,
 * waiting the longer of the backoff and the server's `Retry-After`. Other errors surface at once.
 */
export async function withRetry<T>(attempt: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      const { retryable, retryAfterMs = 0 } = e as { retryable?: boolean; retryAfterMs?: number };
      // A Retry-After beyond 30 s is not waited for: the error surfaces (elements retry later).
      if (!retryable || n >= timings.retries || retryAfterMs > 30_000) throw e;
      await sleep(Math.max(retryAfterMs, backoff(n)), signal);
    }
  }
}

/** Lets one caller stop waiting for a shared promise without cancelling it for the others. */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = (): void => reject(aborted());
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop);
    promise.then(resolve, reject).finally(() => signal?.removeEventListener('abort', stop));
  });
}

/** Resolves `path` under `base`; a relative base is taken relative to the page. */
export const apiUrl = (base: string, path: string): string =>
  new URL(base.replace(/\/+$/, '') + path, globalThis.document?.baseURI).href;
