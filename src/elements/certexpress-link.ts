import { html, type PropertyDeclarations } from 'lit';
import type { CertClient } from '../client/cert-client.js';
import type { DeliveryMethod, Invitation, InvitationRequest } from '../client/contract.js';
import { apiError, isAbort, type CertApiError } from '../client/errors.js';
import { pollInvitation } from '../client/invitation-poller.js';
import { safeLink } from '../client/safe-link.js';
import { CertElement, type CommonState } from './cert-element.js';
import { emit } from './events.js';
import type { OptionsForm } from './certexpress-options.js';
import { langOf, type Strings } from './i18n.js';

/** Every state `<certexpress-link>` shows (reflected as its `state` attribute). */
export type CertExpressLinkState = 'idle' | 'creating' | 'preparing' | 'slow' | 'ready' | 'sent' | CommonState;

const DELIVERY: Record<string, DeliveryMethod> = { download: 'Download', email: 'Email', fax: 'Fax' };

/**
 * Gets a CertExpress invitation for the customer and zone: a link to a form where the buyer
 * uploads or fills in an exemption certificate (`delivery="download"`), or the request sent by
 * email or fax. Waits for the link with polling that backs off, pauses in hidden tabs and stops
 * when the element is removed. With `options` (staff screens) a small form chooses delivery,
 * recipient (prefilled from the customer record) and cover letter first; it loads on first use.
 *
 * @tagname certexpress-link
 * @summary Request an exemption certificate through CertExpress.
 *
 * @fires {CustomEvent<InviteCreatedDetail>} certexpress-invite-created - The invitation exists: `{id, reused}`.
 * @fires {CustomEvent<LinkReadyDetail>} certexpress-link-ready - The form link is ready: `{url}`.
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
export class CertExpressLinkElement extends CertElement {
  static override properties: PropertyDeclarations = {
    delivery: {},
    recipient: {},
    coverLetter: { attribute: 'cover-letter' },
    auto: { type: Boolean },
    options: { type: Boolean },
  };

  /** How the invitation reaches the buyer: `download` (a link here), `email` or `fax`. */
  declare delivery: 'download' | 'email' | 'fax';

  /** Email address or fax number; default: the one on the customer record. */
  declare recipient?: string;

  /** Cover letter title of the invitation. */
  declare coverLetter: string;

  /** Create the invitation as soon as the element is ready, without a click. */
  declare auto: boolean;

  /** Show the staff form (delivery, recipient, cover letter) instead of the single button. */
  declare options: boolean;

  /** Current state (read-only). */
  declare state: CertExpressLinkState;

  /** The safe form URL once ready. */
  url?: string;

  /** The invitation being prepared or shown. */
  invitation?: Invitation;

  #signal?: AbortSignal;
  #form?: OptionsForm;
  #zone?: string;

  constructor() {
    super();
    this.state = 'idle';
    this.delivery = 'download';
    this.coverLetter = 'STANDARD_REQUEST';
  }

  protected override badAttribute(): string | undefined {
    return !DELIVERY[this.delivery] ? 'delivery' : !this.region ? 'region' : undefined;
  }

  protected override begin(_client: CertClient, signal: AbortSignal): void {
    this.#signal = signal;
    this.#form = undefined;
    // Another customer or zone (a lookup selection): the last invitation is not theirs.
    const zone = `${this.customerCode}|${this.country}|${this.region}`;
    if (zone !== this.#zone) {
      this.invitation = this.url = undefined;
      this.state = 'idle';
    }
    this.#zone = zone;
    const { invitation, state } = this;
    // Back in the page while waiting: resume polling the same invitation.
    if (invitation && invitation.status !== 'Ready') void this.#run(async () => invitation);
    else if (state !== 'ready' && state !== 'sent') {
      this.state = 'idle';
      if (this.auto) this.request();
    }
  }

  /**
   * Creates the invitation (or reuses the customer's open one) and waits until it is ready.
   * `overrides` replace what the attributes say (the `options` form passes its choices).
   */
  request(overrides?: Partial<InvitationRequest>): void {
    const { client, country, region, recipient } = this;
    if (!client) return;
    this.state = 'creating';
    void this.#run(async (signal) => {
      const invitation = await client.createInvitation(
        {
          country: country.toUpperCase(),
          region: region!.toUpperCase(),
          deliveryMethod: DELIVERY[this.delivery]!,
          coverLetterTitle: this.coverLetter || 'STANDARD_REQUEST',
          ...(recipient && { recipient }),
          ...overrides,
        },
        { signal },
      );
      emit(this, 'certexpress-invite-created', { id: invitation.id, reused: invitation.reused });
      return invitation;
    });
  }

  async #run(get: (signal: AbortSignal) => Promise<Invitation>): Promise<void> {
    const { client } = this;
    const signal = this.#signal;
    try {
      let invitation = (this.invitation = await get(signal!));
      if (invitation.status !== 'Ready') {
        this.state = 'preparing';
        invitation = this.invitation = await pollInvitation(client!, invitation.id, { signal });
      }
      if (invitation.deliveryMethod !== 'Download') {
        this.state = 'sent';
        return;
      }
      const url = safeLink(invitation.requestLink);
      if (!url) throw apiError('upstream_error', 'The service sent a form link that is not safe to open.');
      this.url = url;
      this.state = 'ready';
      emit(this, 'certexpress-link-ready', { url });
    } catch (e) {
      if (isAbort(e)) return;
      // Still InProgress after pollSlowMs: say so and let the buyer retry (no polling meanwhile).
      if ((e as CertApiError).code === 'timeout' && this.invitation) this.state = 'slow';
      // The companion refused the form's recipient: back to the form, the message at the field.
      else if (this.#form?.refuse(e as CertApiError)) this.state = 'idle';
      else {
        this.invitation = undefined;
        this.fail(e);
      }
    }
  }

  #retry(): void {
    const { invitation } = this;
    if (invitation) {
      this.state = 'preparing';
      void this.#run(async () => invitation);
    } else this.request();
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
      void import('./certexpress-options.js').then((m) => {
        if (signal.aborted || this.#form) return;
        this.#form = new m.OptionsForm(this, html, this.client!, langOf(this), signal);
        this.requestUpdate();
      });
    }
    return this.#form ?? null;
  }

  protected override body(t: Strings): unknown {
    const form = this.#options();
    switch (this.state) {
      case 'idle':
        return this.options ? form?.render() : this.button(t.request, () => this.request());
      case 'ready':
        return html`<p><a part="link" href=${this.url!} target="_blank" rel="noopener noreferrer">${t.open}<span class="sr"> ${t.newTab}</span><span aria-hidden="true"> ↗</span></a> ${form?.renderReady()}</p>`;
      case 'slow':
        return this.button(t.retry, this.#retry);
      case 'error':
        return this.errorBody(t, this.error!.code === 'configuration_error' ? undefined : this.#retry);
    }
    return undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'certexpress-link': CertExpressLinkElement;
  }
}
