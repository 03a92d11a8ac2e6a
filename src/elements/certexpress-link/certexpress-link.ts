import { html, type PropertyDeclarations } from 'lit';
import type { CertClient } from '../../client/cert-client.js';
import type { Invitation, InvitationRequest, OpenRequest } from '../../client/contract.js';
import { CertElement, type CommonState } from '../shared/cert-element.js';
import type { Strings } from '../shared/strings.js';
import './certexpress-link.events.js';
import type { OptionsForm } from './certexpress-link.options.js';

/** Every state `<certexpress-link>` shows (reflected as its `state` attribute). */
export type CertExpressLinkState = 'idle' | 'creating' | 'preparing' | 'slow' | 'ready' | 'sent' | CommonState;

/**
 * Gets a CertExpress invitation for the customer and zone: a link to a form where the buyer
 * uploads or fills in an exemption certificate (`delivery="download"`), or the request sent by
 * email or fax. Waits for the link with polling that backs off, pauses in hidden tabs and stops
 * when the element is removed. With `options` (staff screens) a small form chooses delivery,
 * recipient (prefilled from the customer record) and cover letter first; it loads on first use,
 * so the same class serves the storefront bundle and staff screens alike.
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

  /** The request flow and the view of its states, once loaded (every state but idle comes from it). */
  protected flow?: typeof import('./certexpress-link.flow.js');

  #signal?: AbortSignal;
  #zone?: string;
  /** The `options` form, once loaded (for this run of the element's work). */
  #form?: OptionsForm;

  constructor() {
    super();
    this.state = 'idle';
    this.delivery = 'download';
    this.coverLetter = 'STANDARD_REQUEST';
    // Booleans, so that Vue sets a bare `auto` or `options` attribute as `true`.
    this.auto = false;
    this.options = false;
  }

  protected override badAttribute(): string | undefined {
    return !/^(download|email|fax)$/.test(this.delivery) ? 'delivery' : !this.region ? 'region' : undefined;
  }

  protected override begin(client: CertClient, signal: AbortSignal): void {
    this.#signal = signal;
    this.#form = undefined;
    // The staff form loads with dynamic import() on first use: a page without `options` never does.
    if (this.options) {
      void import('./certexpress-link.options.js').then((m) => {
        if (signal.aborted) return;
        this.#form = new m.OptionsForm(this, html, client, signal);
        this.requestUpdate();
      });
    }
    // Another customer or zone (a lookup selection): the last invitation is not theirs.
    const zone = `${this.customerCode}|${this.country}|${this.region}`;
    if (zone !== this.#zone) {
      this.invitation = this.url = undefined;
      this.state = 'idle';
    }
    this.#zone = zone;
    const { invitation, state } = this;
    // Back in the page while waiting: resume polling the same invitation.
    if (invitation && invitation.status !== 'Ready') void this.#run(invitation);
    else if (state !== 'ready' && state !== 'sent') {
      this.state = 'idle';
      if (this.auto) this.request();
      else void this.#continue(client, signal);
    }
  }

  /**
   * The customer may have been asked already (an open request for the zone): then the flow
   * takes it up where it stands instead of offering a new request. The ask is the one a
   * `<cert-status>` of the zone makes too, so the page sends it once; a page where nobody was
   * asked never loads the flow before a click.
   */
  async #continue(client: CertClient, signal: AbortSignal): Promise<void> {
    const answer = await this.zoneStatus(client, { signal }).catch(() => undefined);
    if (answer && 'request' in answer && answer.request) void this.#run(answer.request);
  }

  /**
   * Creates the invitation (or reuses the customer's open one) and waits until it is ready.
   * `overrides` replace what the attributes say (the `options` form passes its choices).
   */
  request(overrides?: Partial<InvitationRequest>): void {
    if (!this.client) return;
    this.state = 'creating';
    void this.#run(overrides ?? {});
  }

  /**
   * Runs the flow (loaded on first use, see `certexpress-link.flow.ts`) from `from`: an
   * invitation to wait for, an open request to take up, or a request to create. Shows what the
   * flow could not place itself (or that it did not load) as the element's error.
   */
  async #run(from: Invitation | OpenRequest | Partial<InvitationRequest>): Promise<void> {
    const signal = this.#signal!;
    let error: unknown;
    try {
      const flow = (this.flow ??= await import('./certexpress-link.flow.js'));
      if (!signal.aborted) error = await flow.runFlow(this, this.client!, from, signal, this.#form);
    } catch (e) {
      error = e;
    }
    if (error) this.fail(error);
  }

  #retry(): void {
    const { invitation } = this;
    if (invitation) {
      this.state = 'preparing';
      void this.#run(invitation);
    } else this.request();
  }

  /** The flow's states (it is here by then) and the `options` form add to the label. */
  protected override label(t: Strings): string {
    const text = super.label(t);
    const flows = this.flow?.label(this, t, text) ?? text;
    return this.#form?.label(this.state, flows) ?? flows;
  }

  /**
   * The states the flow brought (ready, sent) are drawn by it: it is here by then. With
   * `options`, the form draws the idle, ready and sent states (nothing until it has loaded).
   */
  protected override body(t: Strings): unknown {
    const { state } = this;
    const own = this.#form?.body(t, this.flow);
    return own !== undefined ? own
      : state === 'idle' ? (this.options ? '' : this.button(t.request, () => this.request()))
      : state === 'error' ? this.errorBody(t, this.#retry)
      : state === 'slow' ? this.button(t.retry, this.#retry)
      : this.flow?.view(this, t, true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'certexpress-link': CertExpressLinkElement;
  }
}
