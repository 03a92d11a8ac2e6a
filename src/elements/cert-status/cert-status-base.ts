import { html, type PropertyDeclarations } from 'lit';
import type { CertClient } from '../../client/cert-client.js';
import type { CertificateSummary, CertStatus, StatusList, StatusVerdict } from '../../client/contract.js';
import { isAbort, type CertApiError } from '../../client/errors.js';
import { backoff, sleep } from '../../client/http.js';
import { timings } from '../../client/timings.js';
import { CertElementBase, type CommonState } from '../shared/cert-element-base.js';
import { emit } from '../shared/events.js';
import type { Strings } from '../shared/i18n.js';
import { endText, fill, intl } from '../shared/parts.js';

/** Every state `<cert-status>` shows (reflected as its `state` attribute). */
export type CertStatusState = 'loading' | CertStatus | CommonState;

/** Page events after which the status may have changed (see `#onDocument`). */
const DOCUMENT_EVENTS = ['visibilitychange', 'cert-uploaded', 'certexpress-invite-created', 'certexpress-link-ready', 'certexpress-link-open'];

/** Best first: the list-mode summary is the first of these found on file. */
const RANK: CertStatus[] = ['exempt', 'expiring', 'pending', 'expired', 'invalid'];

/**
 * `<cert-status>` as the storefront bundle registers it: the buyer's status (region mode) or
 * certificates on file (list mode), with refresh, retry and the `missing` slot. Staff features
 * (certificate documents, `customer-source`) come with `CertStatusElement`.
 */
export class CertStatusBase extends CertElementBase {
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

  constructor() {
    super();
    this.state = 'loading';
    // Booleans start false (Vue sets a bare attribute as `true` only on a boolean property).
    this.compact = this.hideZone = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of DOCUMENT_EVENTS) document.addEventListener(type, this.#onDocument);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of DOCUMENT_EVENTS) document.removeEventListener(type, this.#onDocument);
  }

  /**
   * Something happened on the page that may have changed this status: a return to the tab, an
   * upload, a request or a form link (see `status-events.ts`, loaded on the first such event).
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
    // Another customer or zone: the last answer is not theirs, so it goes.
    const shown = `${this.customerCode}|${this.country}|${this.region}`;
    if (shown !== this.#shown) this.verdict = this.list = undefined;
    this.#shown = shown;
    void this.#load(client, signal);
  }

  /** Runs when an answer arrived, before it is shown: subclasses fetch what they show with it. */
  protected prepare(_answer: StatusVerdict | StatusList, _client: CertClient, _signal: AbortSignal): unknown {
    return undefined;
  }

  async #load(client: CertClient, signal: AbortSignal): Promise<void> {
    // A refresh keeps the last answer on screen instead of flashing the loading state.
    if (!this.verdict && !this.list) this.state = 'loading';
    try {
      const region = this.region?.toUpperCase();
      const country = region ? this.zoneCountry : this.country?.toUpperCase();
      const answer = await client.status({ country, region, requests: !!region }, { signal, fresh: this.#fresh });
      this.#fresh = undefined;
      this.#autoRetries = 0;
      await this.prepare(answer, client, signal);
      const list = 'certificates' in answer ? answer : undefined;
      const verdict = list ? undefined : (answer as StatusVerdict);
      this.list = list;
      this.verdict = verdict;
      const status = verdict?.status ?? RANK.find((s) => list!.certificates.some((c) => c.status === s)) ?? 'missing';
      this.state = status;
      this.requestUpdate();
      emit(this, 'cert-status-change', { status, certificate: verdict?.certificate ?? null, request: verdict?.request ?? null, ...(list && { certificates: list.certificates }) });
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
    return count ? fill(t.list, { count: intl(this, (lang) => count.toLocaleString(lang)) }) : super.label(t);
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
    const details = list
      ? html`<ul part="details">${list.certificates.map((c) => html`<li>${this.describe(t, c.certificate, fill(t.zoneStatus, { zone: c.zone.name, status: t[c.status] }), c.zone.name)}</li>`)}</ul>`
      : line && html`<p part="details">${line}</p>`;
    return [details, asked, missing];
  }

  /**
   * One certificate's line: `first` (the zone, in list mode with its status), the reason's name,
   * and when it ends, in words that fit the date (expired on, expires in 12 days, expires on).
   * Subclasses add a button for the certificate of `zone`.
   */
  protected describe(t: Strings, cert: CertificateSummary | null, first: string, _zone: string): unknown {
    const reason = cert?.exemptionReason;
    return [first, ...(cert ? [fill(t.reason, { reason: t[`reason:${reason}`] || reason! }), endText(t, cert.expirationDate, this)] : [])]
      .filter(Boolean)
      .join(' · ');
  }
}
