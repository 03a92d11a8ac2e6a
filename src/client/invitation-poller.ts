import type { Invitation } from './contract.js';
import type { CertClient } from './cert-client.js';
import { timedOut } from './errors.js';
import { sleep } from './http.js';
import { jitter, timings } from './timings.js';
import { whenVisible } from './visibility.js';

/** Options of {@link pollInvitation}. */
export interface PollOptions {
  /** Stops polling at once; no request is made after it aborts. */
  signal?: AbortSignal;
}

/**
 * Calls `check` after each delay (from `firstMs`, then ×1.5 up to `timings.pollMaxMs`, with
 * jitter), only while the page is visible, until it returns true. `check` gets the time spent
 * waiting while visible so far (hidden time does not count: it checks at once on return).
 * Rejects with an AbortError as soon as `signal` aborts; nothing is called after that.
 */
export async function pollWhileVisible(check: (visibleMs: number) => Promise<boolean>, firstMs: number, signal?: AbortSignal): Promise<void> {
  for (let delay = firstMs, visibleMs = 0; ; delay = Math.min(delay * 1.5, timings.pollMaxMs)) {
    const wait = jitter(delay);
    await sleep(wait, signal);
    await whenVisible(signal);
    signal?.throwIfAborted();
    if (await check((visibleMs += wait))) return;
  }
}

/**
 * Polls `GET /v1/invitations/{id}` until it is `Ready` (see {@link pollWhileVisible}, first after
 * `pollFirstMs`); rejects with a `timeout` {@link CertApiError} after `pollSlowMs` of visible time.
 */
export async function pollInvitation(client: CertClient, id: number, { signal }: PollOptions = {}): Promise<Invitation> {
  let invitation!: Invitation;
  await pollWhileVisible(async (visibleMs) => {
    invitation = await client.invitation(id, { signal });
    if (invitation.status === 'Ready') return true;
    if (visibleMs >= timings.pollSlowMs) throw timedOut();
    return false;
  }, timings.pollFirstMs, signal);
  return invitation;
}
