import type { Invitation } from './contract.js';
import type { CertClient } from './cert-client.js';
import { apiError } from './errors.js';
import { sleep } from './http.js';
import { jitter, timings } from './timings.js';

/** Options of {@link pollInvitation}. */
export interface PollOptions {
  /** Stops polling at once; no request is made after it aborts. */
  signal?: AbortSignal;
}

const hidden = (): boolean => globalThis.document?.hidden === true;

/** Resolves when the page is visible (at once if it is) or `signal` has aborted. */
const whenVisible = (signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const check = (): void => {
      if (hidden() && !signal?.aborted) return;
      document.removeEventListener('visibilitychange', check);
      signal?.removeEventListener('abort', check);
      resolve();
    };
    if (!hidden()) return resolve();
    document.addEventListener('visibilitychange', check);
    signal?.addEventListener('abort', check);
  });

/**
 * Polls `GET /v1/invitations/{id}` until it is `Ready`: first after `pollFirstMs`, then ×1.5
 * up to `pollMaxMs`, with jitter. Paused while the page is hidden (time hidden does not count,
 * and it polls at once on return); rejects with a `timeout` {@link CertApiError} after `pollSlowMs`.
 */
export async function pollInvitation(client: CertClient, id: number, { signal }: PollOptions = {}): Promise<Invitation> {
  let deadline = Date.now() + timings.pollSlowMs;
  let delay = timings.pollFirstMs;
  for (;;) {
    await sleep(jitter(delay), signal);
    const away = Date.now();
    await whenVisible(signal);
    deadline += Date.now() - away;
    // An abort while hidden ends here: the request below rejects at once without being sent.
    const invitation = await client.invitation(id, { signal });
    if (invitation.status === 'Ready') return invitation;
    if (Date.now() >= deadline) throw apiError('timeout', 'The service took too long to answer.', true);
    delay = Math.min(delay * 1.5, timings.pollMaxMs);
  }
}
