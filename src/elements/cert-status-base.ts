import { html, type PropertyDeclarations } from 'lit';
import type { CertClient } from '../client/cert-client.js';
import type { CertificateSummary, CertStatus, StatusList, StatusVerdict } from '../client/contract.js';
import { isAbort, type CertApiError } from '../client/errors.js';
import { backoff, sleep } from '../client/http.js';
import { timings } from '../client/timings.js';
import { CertElementBase, type CommonState } from './cert-element-base.js';
import { emit } from './events.js';
import type { Strings } from './i18n.js';
import { formatDate } from './parts.js';

/** Every state `<cert-status>` shows (reflected as its `state` attribute). */
export type CertStatusState = 'loading' | CertStatus | CommonState;

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

  constructor() {
    super();
    this.state = 'loading';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('cert-uploaded', this.#uploaded);
    document.addEventListener('visibilitychange', this.#returned);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('cert-uploaded', this.#uploaded);
    document.removeEventListener('visibilitychange', this.#returned);
  }

  // A buyer who left for the CertExpress form in another tab comes back to this one: a status
  // that is not yet a valid certificate is checked again, once per return, never on a timer.
  #returned = (e: Event): void => {
    if (!document.hidden && this.client && /^(missing|expired|invalid|pending)$/.test(this.state)) this.refresh(e);
  };

  #uploaded = (e: Event): void => {
    const code = (e as CustomEvent<{ customerCode?: string }>).detail?.customerCode;
    if (this.client && (!this.customerCode || code === this.customerCode)) this.refresh(e);
  };

  /**
   * Loads the status again, bypassing the page's short-lived cache (also what the retry button
   * does). With `cause`, only answers asked before that event are bypassed: elements refreshing
   * for the same event share one request.
   */
  refresh(cause?: Event): void {
    this.client?.invalidateStatus(cause?.timeStamp);
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
      const answer = await client.status({ country: this.country.toUpperCase(), region: this.region?.toUpperCase() }, { signal });
      this.#autoRetries = 0;
      await this.prepare(answer, client, signal);
      const list = 'certificates' in answer ? answer : undefined;
      const verdict = list ? undefined : (answer as StatusVerdict);
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
    if (this.compact) return missing;
    const details = list
      ? html`<ul part="details">${list.certificates.map((c) => html`<li>${this.describe(t, c.zone.name, c.certificate, c.status)}</li>`)}</ul>`
      : verdict
        ? html`<p part="details">${this.describe(t, verdict.zone.name, verdict.certificate)}</p>`
        : '';
    return [details, missing];
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
