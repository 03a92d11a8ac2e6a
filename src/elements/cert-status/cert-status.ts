import { html, unsafeCSS, type PropertyDeclarations } from 'lit';
import type { CertClient } from '../../client/cert-client.js';
import type { CertificateSummary, StatusList, StatusVerdict } from '../../client/contract.js';
import { enableStatusBatching } from '../../client/status-batcher.js';
import type { SelectedCustomer } from '../shared/cert-element.js';
import { SECONDARY } from '../shared/adopt-style.js';
import { CertStatusBase } from './cert-status-base.js';
import { CustomerSourceFollower } from '../shared/customer-source.js';
import { serverRenderedRoot } from '../shared/server-root.js';
import type { Strings } from '../shared/i18n.js';
import { tokenGrants } from '../shared/token-scope.js';

export type { CertStatusState } from './cert-status-base.js';

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
 * with a stored document gets a "View certificate" button that opens it in a new tab.
 * The storefront bundle (`cert-elements.min.js`) registers the lean `CertStatusBase` instead:
 * no document viewing and no `customer-source`.
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
export class CertStatusElement extends CertStatusBase {
  static {
    // Staff grids: many customers' asks travel as batches (the storefront bundle does without).
    enableStatusBatching();
  }

  // "View certificate" is a secondary action: outlined, on its own line below the details.
  static override styles = [CertStatusBase.styles, unsafeCSS(SECONDARY)];

  static override properties: PropertyDeclarations = {
    customerSource: { attribute: 'customer-source' },
  };

  /**
   * Id of a `<customer-lookup>` in the same document or shadow root: the element follows its
   * `customer-select` events (and shows "Choose a customer" until one is chosen).
   */
  declare customerSource?: string;

  /** The customer chosen through `customer-source`. */
  customer?: SelectedCustomer;

  /** The token allows opening certificate documents (`certificate:read`). */
  documents = false;

  /** Short note about the last document request (a refusal), spoken with the status. */
  notice?: string;

  #source = new CustomerSourceFollower(this);
  #signal?: AbortSignal;

  protected override waiting(): boolean {
    return this.#source.waiting();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return serverRenderedRoot(this) ?? super.createRenderRoot();
  }

  protected override begin(client: CertClient, signal: AbortSignal): void {
    this.#signal = signal;
    this.notice = undefined;
    super.begin(client, signal);
  }

  protected override async prepare(answer: StatusVerdict | StatusList, client: CertClient, signal: AbortSignal): Promise<void> {
    const stored = 'certificates' in answer ? answer.certificates.some((c) => c.certificate.documentAvailable) : answer.certificate?.documentAvailable;
    // Only a token with certificate:read may fetch documents: without it no button is offered.
    this.documents = !this.compact && !!stored && (await tokenGrants(this, client.customerCode, 'certificate:read', signal));
  }

  /**
   * Opens the certificate's stored document in a new tab titled after it, or saves it under a
   * name that says what it is (loaded on first use: staff and audit only).
   */
  openDocument(id: number): Promise<void> {
    const zone = this.verdict?.zone.name ?? this.list?.certificates.find((c) => c.certificate.id === id)?.zone.name;
    return import('./cert-status.document.js').then((m) => m.openDocument(this, this.client!, id, zone, this.#signal));
  }

  protected override label(t: Strings): string {
    const text = super.label(t);
    return this.notice ? `${text}. ${this.notice}` : text;
  }

  protected override describe(t: Strings, cert: CertificateSummary | null, first: string, zone: string): unknown {
    const text = super.describe(t, cert, first, zone);
    // The zone in the accessible name tells the buttons of a list apart.
    return this.documents && cert?.documentAvailable
      ? html`${text}<button part="button document" class="s" type="button" @click=${() => this.openDocument(cert.id)}>${t.view}<span class="sr"> (${zone})</span></button>`
      : text;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cert-status': CertStatusElement;
  }
}
