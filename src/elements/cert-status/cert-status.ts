import { html, type PropertyDeclarations } from 'lit';
import { CertClient } from '../../client/cert-client.js';
import type { CertificateSummary, CertStatus, StatusList, StatusVerdict } from '../../client/contract.js';
import { isAbort, type CertApiError } from '../../client/errors.js';
import { backoff, sleep } from '../../client/http.js';
import { timings } from '../../client/timings.js';
import { CertElement, type CommonState } from '../shared/cert-element.js';
import { emit } from '../shared/events.js';
import './cert-status.events.js';
import type { CertStatusChangeDetail } from './cert-status.events.js';
import type { Strings } from '../shared/strings.js';
import { endText, fill } from '../shared/parts.js';

/** Every state `<cert-status>` shows (reflected as its `state` attribute). */
export type CertStatusState = 'loading' | CertStatus | CommonState;

/** Page events after which the status may have changed (see `#onDocument`). */
const DOCUMENT_EVENTS = ['visibilitychange', 'cert-uploaded', 'certexpress-invite-created', 'certexpress-link-ready', 'certexpress-link-open'];

/**
 * Shows whether the customer has a valid sales-tax exemption certificate on file for a ship-to
 * zone (`region` set: zone, reason, expiration) or lists every certificate on file (no `region`).
 *
 * @tagname cert-status
 * @summary Exemption certificate status for one customer and zone.
 *
 * @fires {CustomEvent<CertStatusChangeDetail>} cert-status-change - A status arrived: `{status, certificate}` (list mode adds `certificates`).
 * @fires {CustomEvent<ErrorDetail>} cert-error - Loading failed or an attribute is wrong: `{code, message, retryable}`.
 *
 * Re-checks by itself, reading AvaTax afresh, when a person may just have changed the answer: on
 * return to the tab (status not yet valid), on a `cert-uploaded` event for its customer (any
 * customer when it has no `customer-code`), and when a `<certexpress-link>` for its customer
 * and zone has its link ready; after that link was opened it keeps re-checking with backoff
 * while the page is visible, until the status changes. With the `certificate:read` scope every certificate
 * with a stored document gets a "View certificate" button that opens it in a new tab. The
 * same class in every bundle: document viewing loads when a certificate with a stored document
 * is first shown, `customer-source` when it is set.
 *
 * @slot missing - Shown only when the status is missing, expired or invalid (e.g. a `<certexpress-link>`).
 *
 * @csspart base - The outer box.
 * @csspart badge - Icon and label of the status.
 * @csspart icon - The status symbol (its shape differs per tone: never colour alone).
 * @csspart label - The status text; the element's one polite live region.
 * @csspart details - Zone, reason and when the certificate ends, or the list of certificates.
 * @csspart message - Error text.
 * @csspart request - An open certificate request: who was asked, when and how.
 * @csspart link - The link that continues an open request's ready form.
 * @csspart button - The retry and "View certificate" buttons.
 * @csspart document - The "View certificate" buttons (secondary: outlined, on a line of their own).
 *
 * @cssprop [--cert-color=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--cert-background=light-dark(#fff, #0d1117)] - Background.
 * @cssprop [--cert-border-color=light-dark(#d1d9e0, #3d444d)] - Border colour.
 * @cssprop [--cert-radius=6px] - Corner radius.
 * @cssprop [--cert-padding=.75em 1em] - Inner spacing.
 * @cssprop [--cert-min-height=4.5em] - Height reserved from first paint (no layout shift when the status arrives).
 * @cssprop [--cert-success-color=light-dark(#1a7f37, #3fb950)] - Exempt.
 * @cssprop [--cert-warning-color=light-dark(#8a5c00, #d29922)] - Expiring, pending.
 * @cssprop [--cert-danger-color=light-dark(#cf222e, #f85149)] - Expired, invalid, errors.
 * @cssprop [--cert-muted-color=light-dark(#59636e, #9198a1)] - Loading, missing, signed out.
 * @cssprop [--cert-accent-color=light-dark(#0969da, #4493f8)] - Buttons and links.
 * @cssprop [--cert-accent-contrast=light-dark(#fff, #0d1117)] - Text on buttons.
 */
export class CertStatusElement extends CertElement {
  static override properties: PropertyDeclarations = {
    compact: { type: Boolean, reflect: true },
    hideZone: { type: Boolean, attribute: 'hide-zone' },
  };

  /** One-line badge for grid cells. */
  declare compact: boolean;

  /** Region mode: leaves the zone's name out of the details, for a page whose heading names it already. */
  declare hideZone: boolean;

  /** Current state (read-only): loading, a status, error, signed-out or not-allowed. */
  declare state: CertStatusState;

  /** The last verdict (region mode). */
  verdict?: StatusVerdict;

  /** The last list of certificates on file (list mode). */
  list?: StatusList;

  #autoRetries = 0;
  #shown?: string;
  /** Set by a person's re-check: the next load reads AvaTax now (the value is when they acted). */
  #fresh?: number;
  /** The view of open requests, once loaded. */
  #requests?: typeof import('../shared/request-view.js');
  /** List mode's view, once a list arrived. */
  #lists?: typeof import('./cert-status.list.js');
  /** Document viewing, once an answer named a stored document. */
  #documents?: typeof import('./cert-status.documents.js');
  /** Document viewing, fetched beside the first status (see `connectedCallback`). */
  #documentsLoad?: Promise<typeof import('./cert-status.documents.js')>;
  #signal?: AbortSignal;

  /** The token allows opening certificate documents (`certificate:read`). */
  documents = false;

  /** Short note about the last document request (a refusal), spoken with the status. */
  notice?: string;

  constructor() {
    super();
    this.state = 'loading';
    // Booleans start false (Vue sets a bare attribute as `true` only on a boolean property).
    this.compact = this.hideZone = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of DOCUMENT_EVENTS) document.addEventListener(type, this.#onDocument);
    if (this.hasUpdated) return;
    // The first render waits for the language table; the first status need not. Asked now, the
    // same question asked in begin() joins it (the client shares asks in flight): on a cold page
    // the token (with the zone's verdict) travels beside the table, not after it.
    if (this.region && !this.customerSource) {
      try {
        this.zoneStatus(new CertClient(this)).catch(() => {});
      } catch {
        // A bad token source: restart() reports it.
      }
    }
    // Document viewing (and the styles it shares, beside it rather than after it) travels beside
    // them too: an answer naming a stored document then shows with its button at once.
    if (!this.compact) {
      this.#documentsLoad ??= import('./cert-status.documents.js');
      void import('../shared/adopt-style.js');
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of DOCUMENT_EVENTS) document.removeEventListener(type, this.#onDocument);
  }

  /**
   * Something happened on the page that may have changed this status: a return to the tab, an
   * upload, a request or a form link (see `cert-status.page-events.ts`, loaded on the first such event).
   * Where the event came from can only be read while it is dispatched.
   */
  #onDocument = (e: Event): void => {
    const from = e.composedPath()[0];
    if (this.client) void import('./cert-status.page-events.js').then((m) => m.onPageEvent(this, e, from));
  };

  /**
   * Loads the status again, bypassing the page's short-lived cache and the companion's (a
   * person's re-check; also what the retry button does). With `cause`, only answers asked before
   * that event are bypassed: elements refreshing for the same event share one request.
   */
  refresh(cause?: Event): void {
    this.#fresh = cause?.timeStamp ?? performance.now();
    this.#autoRetries = 0;
    this.restart();
  }

  protected override begin(client: CertClient, signal: AbortSignal): void {
    this.#signal = signal;
    this.notice = undefined;
    // Another customer or zone: the last answer is not theirs, so it goes.
    const shown = `${this.customerCode}|${this.country}|${this.region}`;
    if (shown !== this.#shown) this.verdict = this.list = undefined;
    this.#shown = shown;
    void this.#load(client, signal);
  }

  /**
   * Runs when an answer arrived, before it is shown: with a stored document (and not `compact`),
   * loads document viewing and asks whether the token may open documents (`certificate:read`).
   */
  async #prepare(answer: StatusVerdict | StatusList, client: CertClient, signal: AbortSignal): Promise<void> {
    const stored = 'certificates' in answer ? answer.certificates.some((c) => c.certificate.documentAvailable) : answer.certificate?.documentAvailable;
    const documents = !this.compact && stored && (this.#documents ??= await (this.#documentsLoad ??= import('./cert-status.documents.js')));
    this.documents = !!documents && (await documents.mayOpenDocuments(this, client, signal));
  }

  /**
   * Opens the certificate's stored document in a new tab titled after it, or saves it under a
   * name that says what it is (loaded on first use: staff and audit only).
   */
  openDocument(id: number): Promise<void> {
    return import('./cert-status.documents.js').then((m) => m.openDocument(this, this.client!, id, this.#signal));
  }

  async #load(client: CertClient, signal: AbortSignal): Promise<void> {
    // A refresh keeps the last answer on screen instead of flashing the loading state.
    if (!this.verdict && !this.list) this.state = 'loading';
    try {
      const options = { signal, fresh: this.#fresh };
      const answer = await (this.region ? this.zoneStatus(client, options) : client.status({ country: this.country?.toUpperCase() }, options));
      this.#fresh = undefined;
      this.#autoRetries = 0;
      const list = 'certificates' in answer ? answer : undefined;
      if (list) this.#lists ??= await import('./cert-status.list.js');
      await this.#prepare(answer, client, signal);
      const verdict = list ? undefined : (answer as StatusVerdict);
      this.list = list;
      this.verdict = verdict;
      const status = verdict?.status ?? this.#lists!.summary(list!);
      this.state = status;
      this.requestUpdate();
      emit<CertStatusChangeDetail>(this, 'cert-status-change', { status, certificate: verdict?.certificate ?? null, request: verdict?.request ?? null, ...(list && { certificates: list.certificates }) });
    } catch (e) {
      if (isAbort(e)) return;
      this.verdict = this.list = undefined;
      this.fail(e);
      // Retryable trouble (busy, offline, slow) heals by itself a few times, then waits for the button.
      // The server's Retry-After is a floor, as in the client's own retries.
      if (this.error?.retryable && this.#autoRetries < timings.autoRetries) {
        const wait = Math.max((e as CertApiError).retryAfterMs ?? 0, backoff(this.#autoRetries++, timings.autoRetryMs, 60_000));
        await sleep(wait, signal).then(() => this.#load(client, signal), () => {});
      }
    }
  }

  protected override label(t: Strings): string {
    const count = this.list?.certificates.length;
    const text = count ? this.#lists!.countLabel(this, t, count) : super.label(t);
    return this.notice ? `${text}. ${this.notice}` : text;
  }

  protected override body(t: Strings): unknown {
    const { state, list, verdict } = this;
    const missing = state === 'missing' || state === 'expired' || state === 'invalid' ? html`<slot name="missing"></slot>` : '';
    // A retryable error may be tried again (by the button, after the automatic retries).
    if (state === 'error') return this.errorBody(t, this.refresh);
    // An open request (who was asked, when): its view loads the first time one is shown.
    const request = verdict?.request;
    if (request && !this.#requests) void import('../shared/request-view.js').then((m) => ((this.#requests = m), this.requestUpdate()));
    const asked = request && this.#requests?.requestView(this, request, this.compact, this.querySelector('[slot=missing]'));
    if (this.compact) return [asked, missing];
    const line = verdict && this.describe(t, verdict.certificate, this.hideZone ? '' : verdict.zone.name, verdict.zone.name);
    const details = list ? this.#lists!.details(t, list, (cert, first, zone) => this.describe(t, cert, first, zone)) : line && html`<p part="details">${line}</p>`;
    return [details, asked, missing];
  }

  /**
   * One certificate's line: `first` (the zone, in list mode with its status), the reason's name,
   * and when it ends, in words that fit the date (expired on, expires in 12 days, expires on).
   * With a stored document the token may open, its "View certificate" button (for `zone`) follows.
   */
  protected describe(t: Strings, cert: CertificateSummary | null, first: string, zone: string): unknown {
    const reason = cert?.exemptionReason;
    const text = [first, ...(cert ? [fill(t.reason, { reason: t[`reason:${reason}`] || reason! }), endText(t, cert.expirationDate, this)] : [])]
      .filter(Boolean)
      .join(' · ');
    return (this.documents && this.#documents?.documentButton(this, t, cert, zone, text)) || text;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cert-status': CertStatusElement;
  }
}
