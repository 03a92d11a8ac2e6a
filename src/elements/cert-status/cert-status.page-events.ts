import type { StatusList } from '../../client/contract.js';
import { pollWhileVisible } from '../../client/invitation-poller.js';
import { timings } from '../../client/timings.js';

// What `<cert-status>` does when the page says its status may have changed. Loaded on the first
// such event (a return to the tab, an upload, a request or form link on the page): a page where
// nothing happens never loads it.

/** What the events read and do on `<cert-status>`. */
export interface WatchedStatus extends HTMLElement {
  state: string;
  customerCode?: string;
  country?: string;
  region?: string;
  list?: StatusList;
  /** A person's re-check: reads AvaTax now. */
  refresh(cause?: Event): void;
}

/** Elements whose form link was opened and whose status did not change since: a return to the tab re-checks them. */
const opened = new WeakSet<Element>();
/** The watch of each element after its link was opened. */
const watches = new WeakMap<Element, AbortController>();
/** Elements with a watch's re-check on its way (the next one waits for its answer). */
const asking = new WeakSet<Element>();

const zoneOf = (x: { country?: string; region?: string }): string => `${x.country || 'US'}-${x.region}`.toUpperCase();

/**
 * A page event seen by `host`, and `from`, where it came from (read while it was dispatched):
 * - a return to the tab re-checks, once per return, when the status is not yet a valid
 *   certificate or a form link was opened here (the buyer is back from the CertExpress tab);
 * - `cert-uploaded` for this customer re-checks;
 * - a `<certexpress-link>` for this customer and zone (any zone, in list mode) that sent a
 *   request or has its link ready re-checks; its link opened starts a watch (`watch`).
 */
export function onPageEvent(host: WatchedStatus, e: Event, from: EventTarget | undefined): void {
  if (e.type === 'visibilitychange') {
    if (!document.hidden && (opened.has(host) || /^(missing|expired|invalid|pending)$/.test(host.state))) host.refresh(e);
    return;
  }
  const source = from as { customerCode?: string; country?: string; region?: string };
  const code = e.type === 'cert-uploaded' ? (e as CustomEvent<{ customerCode?: string }>).detail?.customerCode : source.customerCode;
  if (host.customerCode && code !== host.customerCode) return;
  if (e.type !== 'cert-uploaded' && host.region && zoneOf(host) !== zoneOf(source)) return;
  host.refresh(e);
  if (e.type === 'certexpress-link-open') void watch(host);
}

/** A re-check by the watch, unless its last one is still on its way. */
function recheck(host: WatchedStatus): void {
  if (asking.has(host)) return;
  asking.add(host);
  const answered = (): boolean => asking.delete(host);
  host.addEventListener('cert-status-change', answered, { once: true });
  host.addEventListener('cert-error', answered, { once: true });
  host.refresh();
}

/**
 * After a form link was opened: re-checks the status with backoff while the page is visible
 * (first after `timings.watchFirstMs`, then ×1.5 up to `pollMaxMs`), until what it shows
 * changes, `timings.watchForMs` of visible time passed, or the element left the page.
 */
async function watch(host: WatchedStatus): Promise<void> {
  opened.add(host);
  watches.get(host)?.abort();
  const work = new AbortController();
  watches.set(host, work);
  const shown = (): string => host.state + host.list?.certificates.length;
  const from = shown();
  await pollWhileVisible(async (visibleMs) => {
    if (shown() !== from || visibleMs > timings.watchForMs || !host.isConnected) return true;
    recheck(host);
    return false;
  }, timings.watchFirstMs, work.signal).catch(() => undefined);
  // A newer watch (another link opened) keeps the mark; the last one to end clears it.
  if (watches.get(host) === work) opened.delete(host);
}
