import { pollWhileVisible } from '../client/invitation-poller.js';
import { timings } from '../client/timings.js';

// Loaded when a CertExpress form link was opened on the page: most pages never need it.

/** What the watch reads and does on `<cert-status>`. */
export interface WatchedStatus {
  /** What the element shows now, as a comparable string. */
  shown(): string;
  /** A person's re-check (skipped while one is already on its way). */
  recheck(): void;
}

/**
 * Re-checks the status with backoff while the page is visible (first after
 * `timings.watchFirstMs`, then ×1.5 up to `pollMaxMs`), until what it shows changes or
 * `timings.watchForMs` of visible time passed; `signal` stops it at once. Resolves when it ends.
 */
export async function watchStatus(status: WatchedStatus, signal: AbortSignal): Promise<void> {
  const from = status.shown();
  await pollWhileVisible(async (visibleMs) => {
    if (status.shown() !== from || visibleMs > timings.watchForMs) return true;
    status.recheck();
    return false;
  }, timings.watchFirstMs, signal).catch(() => undefined);
}
