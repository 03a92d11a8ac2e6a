import { html, type PropertyDeclarations } from 'lit';
import type { CertClient } from '../../client/cert-client.js';
import type { CertApiError } from '../../client/errors.js';
import type { SelectedCustomer } from '../shared/cert-element.js';
import { CertExpressLinkBase } from './certexpress-link-base.js';
import type { OptionsForm } from './certexpress-link.options.js';
import { CustomerSourceFollower } from '../shared/customer-source.js';
import { serverRenderedRoot } from '../shared/server-root.js';
import type { Strings } from '../shared/i18n.js';

export type { CertExpressLinkState } from './certexpress-link-base.js';

/**
 * Gets a CertExpress invitation for the customer and zone: a link to a form where the buyer
 * uploads or fills in an exemption certificate (`delivery="download"`), or the request sent by
 * email or fax. Waits for the link with polling that backs off, pauses in hidden tabs and stops
 * when the element is removed. With `options` (staff screens) a small form chooses delivery,
 * recipient (prefilled from the customer record) and cover letter first; it loads on first use.
 * The storefront bundle (`cert-elements.min.js`) registers the lean `CertExpressLinkBase`
 * instead: no `options` form and no `customer-source`.
 *
 * @tagname certexpress-link
 * @summary Request an exemption certificate through CertExpress.
 *
 * @fires {CustomEvent<InviteCreatedDetail>} certexpress-invite-created - The invitation exists: `{id, reused}`.
 * @fires {CustomEvent<LinkReadyDetail>} certexpress-link-ready - The form link is ready: `{url}`.
 * @fires {CustomEvent<LinkOpenDetail>} certexpress-link-open - The person opened the form link: `{url}`. A `<cert-status>` for the same customer and zone then watches for the new certificate.
 * @fires {CustomEvent<ErrorDetail>} cert-error - A request failed or an attribute is wrong: `{code, message, retryable}`.
 *
 * @csspart base - The outer box.
 * @csspart badge - Icon and label of the state.
 * @csspart icon - The state symbol.
 * @csspart label - The state text; the element's polite live region.
 * @csspart message - Error or delay text.
 * @csspart button - The request and retry buttons.
 * @csspart link - The link to the CertExpress form (opens in a new tab).
 * @csspart form - `options`: the delivery form.
 * @csspart delivery - `options`: the Email / Fax / Link radio group.
 * @csspart input - `options`: the recipient field.
 * @csspart field-error - `options`: the recipient field's error.
 * @csspart select - `options`: the cover letter list.
 * @csspart copy - `options`: the "Copy link" button beside a ready link.
 *
 * @cssprop [--cert-color=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--cert-background=light-dark(#fff, #0d1117)] - Background.
 * @cssprop [--cert-border-color=light-dark(#d1d9e0, #3d444d)] - Border colour.
 * @cssprop [--cert-radius=6px] - Corner radius.
 * @cssprop [--cert-padding=0.75em 1em] - Inner spacing.
 * @cssprop [--cert-min-height=4.5em] - Reserved height.
 * @cssprop [--cert-success-color=light-dark(#1a7f37, #3fb950)] - Ready, sent.
 * @cssprop [--cert-warning-color=light-dark(#8a5c00, #d29922)] - Taking longer.
 * @cssprop [--cert-danger-color=light-dark(#cf222e, #f85149)] - Errors.
 * @cssprop [--cert-muted-color=light-dark(#59636e, #9198a1)] - Idle, waiting.
 * @cssprop [--cert-accent-color=light-dark(#0969da, #4493f8)] - Buttons and links.
 * @cssprop [--cert-accent-contrast=light-dark(#fff, #0d1117)] - Text on buttons.
 */
export class CertExpressLinkElement extends CertExpressLinkBase {
  static override properties: PropertyDeclarations = {
    options: { type: Boolean },
    customerSource: { attribute: 'customer-source' },
  };

  /** Show the staff form (delivery, recipient, cover letter) instead of the single button. */
  declare options: boolean;

  /**
   * Id of a `<customer-lookup>` in the same document or shadow root: the element follows its
   * `customer-select` events (and shows "Choose a customer" until one is chosen).
   */
  declare customerSource?: string;

  /** The customer chosen through `customer-source` (its email and fax prefill the `options` form). */
  customer?: SelectedCustomer;

  #source = new CustomerSourceFollower(this);
  #signal?: AbortSignal;
  #form?: OptionsForm;

  constructor() {
    super();
    this.options = false; // a boolean, so that Vue sets a bare `options` attribute as `true`
  }

  protected override waiting(): boolean {
    return this.#source.waiting();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return serverRenderedRoot(this) ?? super.createRenderRoot();
  }

  protected override begin(client: CertClient, signal: AbortSignal): void {
    this.#signal = signal;
    this.#form = undefined;
    super.begin(client, signal);
  }

  /** The companion refused the form's recipient: back to the form, the message at the field. */
  protected override refused(e: CertApiError): boolean {
    if (!this.#form?.refuse(e)) return false;
    this.state = 'idle';
    return true;
  }

  protected override label(t: Strings): string {
    const base = super.label(t);
    return this.#form?.label(this.state, base) ?? base;
  }

  /** The staff form, loading it on first use (null until it is there). */
  #options(): OptionsForm | null {
    const signal = this.#signal;
    if (!this.options || !signal) return null;
    if (!this.#form) {
      void import('./certexpress-link.options.js').then((m) => {
        if (signal.aborted || this.#form) return;
        this.#form = new m.OptionsForm(this, html, this.client!, signal);
        this.requestUpdate();
      });
    }
    return this.#form ?? null;
  }

  protected override body(t: Strings): unknown {
    if (!this.options) return super.body(t);
    const form = this.#options();
    switch (this.state) {
      case 'idle':
        return form?.render();
      case 'ready':
        return html`<p>${this.flow?.link(this, t)} ${form?.renderReady()}</p>`;
      case 'sent':
        // Staff choose how to remind (the form again) instead of the buyer's "Send again".
        return [this.flow?.sent(this, false), form?.renderSent()];
    }
    return super.body(t);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'certexpress-link': CertExpressLinkElement;
  }
}
