import type { PropertyDeclarations } from 'lit';
import type { CertClient } from '../../client/cert-client.js';
import type { Invitation, InvitationRequest, OpenRequest } from '../../client/contract.js';
import { isAbort, type CertApiError } from '../../client/errors.js';
import { CertElementBase, type CommonState } from '../shared/cert-element-base.js';
import type { Strings } from '../shared/i18n.js';

/** Every state `<certexpress-link>` shows (reflected as its `state` attribute). */
export type CertExpressLinkState = 'idle' | 'creating' | 'preparing' | 'slow' | 'ready' | 'sent' | CommonState;

/**
 * `<certexpress-link>` as the storefront bundle registers it: one button that gets the buyer a
 * CertExpress invitation and waits for its form link (polling that backs off, pauses in hidden
 * tabs and stops when the element is removed). Staff features (the `options` form,
 * `customer-source`) come with `CertExpressLinkElement`.
 */
export class CertExpressLinkBase extends CertElementBase {
  static override properties: PropertyDeclarations = {
    delivery: {},
    recipient: {},
    coverLetter: { attribute: 'cover-letter' },
    auto: { type: Boolean },
  };

  /** How the invitation reaches the buyer: `download` (a link here), `email` or `fax`. */
  declare delivery: 'download' | 'email' | 'fax';

  /** Email address or fax number; default: the one on the customer record. */
  declare recipient?: string;

  /** Cover letter title of the invitation. */
  declare coverLetter: string;

  /** Create the invitation as soon as the element is ready, without a click. */
  declare auto: boolean;

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

  constructor() {
    super();
    this.state = 'idle';
    this.delivery = 'download';
    this.coverLetter = 'STANDARD_REQUEST';
    this.auto = false; // a boolean, so that Vue sets a bare `auto` attribute as `true`
  }

  protected override badAttribute(): string | undefined {
    return !/^(download|email|fax)$/.test(this.delivery) ? 'delivery' : !this.region ? 'region' : undefined;
  }

  protected override begin(client: CertClient, signal: AbortSignal): void {
    this.#signal = signal;
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
    const answer = await client.status({ country: this.zoneCountry, region: this.region!.toUpperCase(), requests: true }, { signal }).catch(() => undefined);
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
   * Runs the flow (loaded on first use, see `certexpress-flow.ts`) from `from`: an invitation to
   * wait for, an open request to take up, or a request to create.
   */
  async #run(from: Invitation | OpenRequest | Partial<InvitationRequest>): Promise<void> {
    const signal = this.#signal!;
    try {
      const flow = (this.flow ??= await import('./certexpress-link.flow.js'));
      signal.throwIfAborted();
      await flow.prepareInvitation(this, this.client!, from, signal);
    } catch (e) {
      if (isAbort(e)) return;
      // Still InProgress after pollSlowMs: say so and let the buyer retry (no polling meanwhile).
      if ((e as CertApiError).code === 'timeout' && this.invitation) this.state = 'slow';
      else if (!this.refused(e as CertApiError)) {
        this.invitation = undefined;
        this.fail(e);
      }
    }
  }

  /** A failed request a subclass shows itself (a form field's error): true when it took it. */
  protected refused(_e: CertApiError): boolean {
    return false;
  }

  #retry(): void {
    const { invitation } = this;
    if (invitation) {
      this.state = 'preparing';
      void this.#run(invitation);
    } else this.request();
  }

  /** While an email or fax invitation is prepared, it is being sent: no form is made for this page. */
  protected override label(t: Strings): string {
    return this.state === 'preparing' && this.invitation?.deliveryMethod !== 'Download' ? t.creating : super.label(t);
  }

  /** The states the flow brought (ready, sent) are drawn by it: it is here by then. */
  protected override body(t: Strings): unknown {
    const { state } = this;
    return state === 'idle' ? this.button(t.request, () => this.request())
      : state === 'error' ? this.errorBody(t, this.#retry)
      : state === 'slow' ? this.button(t.retry, this.#retry)
      : this.flow?.view(this, t, true);
  }
}
