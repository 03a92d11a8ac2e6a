import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { CertClient } from '../client/cert-client.js';
import type { DeliveryMethod, Invitation, InvitationRequest } from '../client/contract.js';
import { isAbort, type CertApiError } from '../client/errors.js';
import { CertElementBase, type CommonState } from './cert-element-base.js';
import { emit } from './events.js';
import { langOf, type Strings } from './i18n.js';

/** Every state `<certexpress-link>` shows (reflected as its `state` attribute). */
export type CertExpressLinkState = 'idle' | 'creating' | 'preparing' | 'slow' | 'ready' | 'sent' | CommonState;

const DELIVERY: Record<string, DeliveryMethod> = { download: 'Download', email: 'Email', fax: 'Fax' };

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
    return !DELIVERY[this.delivery] ? 'delivery' : !this.region ? 'region' : undefined;
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
    if (invitation && invitation.status !== 'Ready') void this.#run(async () => invitation);
    else if (state !== 'ready' && state !== 'sent') {
      this.state = 'idle';
      if (this.auto) this.request();
      else void this.#continue(client, signal);
    }
  }

  /**
   * The customer was asked already (an open request for the zone): the element takes it up where
   * it stands (its link, the word it was sent, or still being prepared) instead of offering a new
   * request. The ask is the one a `<cert-status>` of the zone makes too, so the page sends it once.
   */
  async #continue(client: CertClient, signal: AbortSignal): Promise<void> {
    const answer = await client.status({ country: this.zoneCountry, region: this.region!.toUpperCase(), requests: true }, { signal }).catch(() => undefined);
    const open = answer && 'request' in answer ? answer.request : null;
    // Not ready yet: it is waited for, as one just created would be.
    if (open && this.state === 'idle') {
      this.state = 'preparing';
      void this.#run(async () => ({ ...open, status: open.ready ? 'Ready' : 'InProgress', emailStatus: open.ready ? 'Sent' : null, reused: true }));
    }
  }

  /**
   * Creates the invitation (or reuses the customer's open one) and waits until it is ready.
   * `overrides` replace what the attributes say (the `options` form passes its choices).
   */
  request(overrides?: Partial<InvitationRequest>): void {
    const { client, region, recipient } = this;
    if (!client) return;
    this.state = 'creating';
    void this.#run(async (signal) => {
      const invitation = await client.createInvitation(
        {
          country: this.zoneCountry,
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
    const signal = this.#signal!;
    try {
      const { prepareInvitation } = await import('./certexpress-flow.js');
      signal.throwIfAborted();
      await prepareInvitation(this, this.client!, get, signal);
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

  /** When and how the request went out (its view loads on first use). */
  #sentence(): unknown {
    const inv = this.invitation;
    if (!inv) return undefined;
    if (!this.#view) void import('./request-view.js').then((m) => ((this.#view = m), this.requestUpdate()));
    return this.#view && html`<p part="message">${this.#view.requestSentence({ ...inv, recipient: inv.recipient ?? null, ready: true }, langOf(this))}</p>`;
  }

  #view?: typeof import('./request-view.js');

  #retry(): void {
    const { invitation } = this;
    if (invitation) {
      this.state = 'preparing';
      void this.#run(async () => invitation);
    } else this.request();
  }

  /** The link to the ready form (opens in a new tab). */
  protected link(t: Strings): TemplateResult {
    const opened = (): boolean => emit(this, 'certexpress-link-open', { url: this.url! });
    return html`<a part="link" href=${this.url!} target="_blank" rel="noopener noreferrer" @click=${opened} @auxclick=${opened}>${t.open}<span class="sr"> ${t.newTab}</span><span aria-hidden="true"> ↗</span></a>`;
  }

  protected override body(t: Strings): unknown {
    switch (this.state) {
      case 'idle':
        return this.button(t.request, () => this.request());
      case 'ready':
        return html`<p>${this.link(t)}</p>`;
      case 'sent':
        return this.#sentence();
      case 'slow':
        return this.button(t.retry, this.#retry);
      case 'error':
        return this.errorBody(t, this.error!.code === 'configuration_error' ? undefined : this.#retry);
    }
    return undefined;
  }
}
