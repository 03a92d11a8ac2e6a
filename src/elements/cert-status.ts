import { html, type PropertyDeclarations } from 'lit';
import type { CertClient } from '../client/cert-client.js';
import type { CertificateSummary, CertStatus, StatusList, StatusVerdict } from '../client/contract.js';
import { isAbort } from '../client/errors.js';
import { backoff, sleep } from '../client/http.js';
import { timings } from '../client/timings.js';
import { CertElement, type CommonState } from './cert-element.js';
import { emit } from './events.js';
import { langOf, type Strings } from './i18n.js';
import { formatDate } from './parts.js';

/** Every state `<cert-status>` shows (reflected as its `state` attribute). */
export type CertStatusState = 'loading' | CertStatus | CommonState;

/** Best first: the list-mode summary is the first of these found on file. */
const RANK: CertStatus[] = ['exempt', 'expiring', 'pending', 'expired', 'invalid'];

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
 * Refreshes by itself when a `cert-uploaded` event for its customer (any customer when it has no
 * `customer-code`) reaches the document. With the `certificate:read` scope every certificate
 * with a stored document gets a "View certificate" button that opens it in a new tab.
 *
 * @slot missing - Shown only when the status is missing, expired or invalid (e.g. a `<certexpress-link>`).
 *
 * @csspart base - The outer box.
 * @csspart badge - Icon and label of the status.
 * @csspart icon - The status symbol (its shape differs per tone: never colour alone).
 * @csspart label - The status text; the element's one polite live region.
 * @csspart details - Zone, reason and expiration, or the list of certificates.
 * @csspart message - Error text.
 * @csspart button - The retry and "View certificate" buttons.
 * @csspart document - The "View certificate" buttons.
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
  };

  /** One-line badge for grid cells. */
  declare compact: boolean;

  /** Current state (read-only): loading, a status, error, signed-out or not-allowed. */
  declare state: CertStatusState;

  /** The last verdict (region mode). */
  verdict?: StatusVerdict;

  /** The last list of certificates on file (list mode). */
  list?: StatusList;

  /** The token allows opening certificate documents (`certificate:read`). */
  documents = false;

  /** Short note about the last document request (a refusal), spoken with the status. */
  notice?: string;

  #autoRetries = 0;
  #signal?: AbortSignal;
  #shown?: string;

  constructor() {
    super();
    this.state = 'loading';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('cert-uploaded', this.#uploaded);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('cert-uploaded', this.#uploaded);
  }

  #uploaded = (e: Event): void => {
    const code = (e as CustomEvent<{ customerCode?: string }>).detail?.customerCode;
    if (this.client && (!this.customerCode || code === this.customerCode)) this.refresh();
  };

  /** Loads the status again, bypassing the page's short-lived cache. */
  refresh(): void {
    this.client?.invalidateStatus();
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

  async #load(client: CertClient, signal: AbortSignal): Promise<void> {
    // A refresh keeps the last answer on screen instead of flashing the loading state.
    if (!this.verdict && !this.list) this.state = 'loading';
    try {
      const answer = await client.status({ country: this.country.toUpperCase(), region: this.region?.toUpperCase() }, { signal });
      this.#autoRetries = 0;
      const list = 'certificates' in answer ? answer : undefined;
      const verdict = list ? undefined : (answer as StatusVerdict);
      const stored = list ? list.certificates.some((c) => c.certificate.documentAvailable) : verdict?.certificate?.documentAvailable;
      this.documents = !this.compact && !!stored && (await client.can('certificate:read', { signal }));
      this.list = list;
      this.verdict = verdict;
      const status = verdict?.status ?? RANK.find((s) => list!.certificates.some((c) => c.status === s)) ?? 'missing';
      this.state = status;
      this.requestUpdate();
      emit(this, 'cert-status-change', { status, certificate: verdict?.certificate ?? null, ...(list && { certificates: list.certificates }) });
    } catch (e) {
      if (isAbort(e)) return;
      this.verdict = this.list = undefined;
      this.fail(e);
      // Retryable trouble (busy, offline, slow) heals by itself a few times, then waits for the button.
      if (this.error?.retryable && this.#autoRetries < timings.autoRetries) {
        await sleep(backoff(this.#autoRetries++, timings.autoRetryMs, 60_000), signal).then(() => this.#load(client, signal), () => {});
      }
    }
  }

  #retry(): void {
    this.#autoRetries = 0;
    this.restart();
  }

  /** Opens the certificate's stored document in a new tab (loaded on first use: staff and audit only). */
  openDocument(id: number): Promise<void> {
    return import('./document-open.js').then((m) => m.openDocument(this, this.client!, id, langOf(this), this.#signal));
  }

  protected override label(t: Strings): string {
    const count = this.list?.certificates.length;
    const text = count ? `${t.list} (${count})` : super.label(t);
    return this.notice ? `${text}. ${this.notice}` : text;
  }

  protected override body(t: Strings): unknown {
    const { state, list, verdict } = this;
    const missing = state === 'missing' || state === 'expired' || state === 'invalid' ? html`<slot name="missing"></slot>` : '';
    if (state === 'error') return this.errorBody(t, this.error!.retryable ? this.#retry : undefined);
    if (this.compact) return missing;
    const details = list
      ? html`<ul part="details">${list.certificates.map((c) => html`<li>${this.#describe(t, c.zone.name, c.certificate, c.status)}${this.#view(t, c.zone.name, c.certificate)}</li>`)}</ul>`
      : verdict
        ? html`<p part="details">${this.#describe(t, verdict.zone.name, verdict.certificate)}${this.#view(t, verdict.zone.name, verdict.certificate)}</p>`
        : '';
    return [details, missing];
  }

  #view(t: Strings, zone: string, cert: CertificateSummary | null): unknown {
    // The zone in the accessible name tells the buttons of a list apart.
    return this.documents && cert?.documentAvailable
      ? html` <button part="button document" type="button" @click=${() => this.openDocument(cert.id)}>${t.view}<span class="sr"> (${zone})</span></button>`
      : '';
  }

  #describe(t: Strings, zone: string, cert: CertificateSummary | null, status?: CertStatus): string {
    const parts = [status ? `${zone}: ${t[status]}` : zone];
    if (cert) {
      parts.push(`${t.reason}: ${cert.exemptionReason}`, cert.expirationDate ? `${t.expires}: ${formatDate(cert.expirationDate, this)}` : t.noEnd);
    }
    return parts.join(' · ');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cert-status': CertStatusElement;
  }
}
