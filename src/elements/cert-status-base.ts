import { html, type PropertyDeclarations } from 'lit';
import type { CertClient } from '../client/cert-client.js';
import type { CertificateSummary, CertStatus, StatusList, StatusVerdict } from '../client/contract.js';
import { isAbort, type CertApiError } from '../client/errors.js';
import { backoff, sleep } from '../client/http.js';
import { timings } from '../client/timings.js';
import { CertElementBase, type CommonState } from './cert-element-base.js';
import { emit } from './events.js';
import { langOf, type Strings } from './i18n.js';
import { formatDate } from './parts.js';

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
  };

  /** One-line badge for grid cells. */
  declare compact: boolean;

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
  #watching?: AbortController;
  /** The view of open requests, once loaded. */
  #requests?: typeof import('./request-view.js');
  /** A form link for this status was opened and nothing changed yet: a return to the tab re-checks. */
  #opened?: boolean;

  constructor() {
    super();
    this.state = 'loading';
    // Booleans start false (Vue sets a bare attribute as `true` only on a boolean property).
    this.compact = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of DOCUMENT_EVENTS) document.addEventListener(type, this.#onDocument);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of DOCUMENT_EVENTS) document.removeEventListener(type, this.#onDocument);
    this.#watching?.abort();
  }

  /**
   * What a person did elsewhere on the page that may have changed this status:
   * - came back to the tab (from the CertExpress form in another one): checked again, once per
   *   return, when the status is not yet a valid certificate or a form link was opened here;
   * - uploaded a certificate for this customer (`cert-uploaded`);
   * - a `<certexpress-link>` for this customer and zone (any zone, in list mode) sent a request,
   *   got its link ready, or its link was opened: then, while the page is visible, the status is
   *   watched until it changes.
   */
  #onDocument = (e: Event): void => {
    if (!this.client) return;
    if (e.type === 'visibilitychange') {
      if (!document.hidden && (this.#opened || /^(missing|expired|invalid|pending)$/.test(this.state))) this.refresh(e);
      return;
    }
    const from = e.composedPath()[0] as { customerCode?: string; country?: string; region?: string };
    const code = e.type === 'cert-uploaded' ? (e as CustomEvent<{ customerCode?: string }>).detail?.customerCode : from.customerCode;
    if (this.customerCode && code !== this.customerCode) return;
    const zone = (x: typeof from): string => `${x.country || 'US'}-${x.region}`.toUpperCase();
    if (e.type !== 'cert-uploaded' && this.region && zone(this) !== zone(from)) return;
    this.refresh(e);
    if (e.type === 'certexpress-link-open') this.#watch();
  };

  /**
   * After a form link was opened: watches the status while the page is visible until it
   * changes (see `status-watch.ts`, loaded now), or the element goes.
   */
  #watch(): void {
    this.#opened = true;
    this.#watching?.abort();
    const { signal } = (this.#watching = new AbortController());
    void import('./status-watch.js').then((m) =>
      m.watchStatus({ shown: () => this.state + this.list?.certificates.length, recheck: () => this.#fresh ?? this.refresh() }, signal),
    ).then(() => signal.aborted || (this.#opened = false));
  }

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
    return count ? `${t.list} (${count})` : super.label(t);
  }

  protected override body(t: Strings): unknown {
    const { state, list, verdict } = this;
    const missing = state === 'missing' || state === 'expired' || state === 'invalid' ? html`<slot name="missing"></slot>` : '';
    // Any error but a bad attribute may be tried again (by the button, after the automatic retries).
    if (state === 'error') return this.errorBody(t, this.error!.code === 'configuration_error' ? undefined : this.refresh);
    // An open request (who was asked, when): its view loads the first time one is shown.
    const request = verdict?.request;
    if (request && !this.#requests) void import('./request-view.js').then((m) => ((this.#requests = m), this.requestUpdate()));
    const asked = request && this.#requests?.requestView(this, request, langOf(this), this.compact, !this.querySelector('[slot=missing]'));
    if (this.compact) return [asked, missing];
    const details = list
      ? html`<ul part="details">${list.certificates.map((c) => html`<li>${this.describe(t, c.zone.name, c.certificate, c.status)}</li>`)}</ul>`
      : verdict
        ? html`<p part="details">${this.describe(t, verdict.zone.name, verdict.certificate)}</p>`
        : '';
    return [details, asked, missing];
  }

  /** One certificate's line: zone (with its status in list mode), reason, expiration. Subclasses add buttons. */
  protected describe(t: Strings, zone: string, cert: CertificateSummary | null, status?: CertStatus): unknown {
    const parts = [status ? `${zone}: ${t[status]}` : zone];
    if (cert) {
      parts.push(`${t.reason}: ${cert.exemptionReason}`, cert.expirationDate ? `${t.expires}: ${formatDate(cert.expirationDate, this)}` : t.noEnd);
    }
    return parts.join(' · ');
  }
}
