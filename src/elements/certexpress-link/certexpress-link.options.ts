import type { html as litHtml, TemplateResult } from 'lit';
import type { CertClient } from '../../client/cert-client.js';
import type { CoverLetter, CustomerSearchResult, DeliveryMethod, InvitationRequest } from '../../client/contract.js';
import type { SelectedCustomer } from '../shared/customer.js';
import type { Strings } from '../shared/strings.js';
import type { ViewHost } from './certexpress-link.view.js';
import { optionsStrings, type OptionsStrings } from './certexpress-link.options-strings.js';
import { adoptStyle, SECONDARY } from '../shared/adopt-style.js';
import { langOf } from '../shared/i18n.js';

// The staff form of `<certexpress-link options>`, loaded with dynamic import() on first use.

/** What the form needs from its `<certexpress-link>`. */
export interface OptionsHost extends ViewHost {
  customerCode?: string;
  customer?: SelectedCustomer;
  coverLetter: string;
  readonly updateComplete: Promise<boolean>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FAX = /^\+?[\d\s().-]{7,}$/;

// Inputs and the select get the muted colour as border: 3:1 against the background (WCAG 1.4.11).
const CSS = `
[part~=form]{display:grid;grid-template-columns:minmax(0,1fr);gap:.35em;margin-top:.5em;max-width:28em}
fieldset{margin:0;padding:0;border:0;display:flex;flex-wrap:wrap;gap:.25em 1em}
legend{padding:0;margin-bottom:.25em}
input:not([type=radio]),select{box-sizing:border-box;width:100%;min-height:24px;padding:.3em .5em;border:1px solid var(--_t);border-radius:4px;background:inherit;color:inherit;font:inherit;text-overflow:ellipsis}
[part~=field-error]{margin:0;color:var(--cert-danger-color,light-dark(#cf222e,#f85149))}
[part~=field-error]:empty{display:none}
[part~=form] button{justify-self:start}
[part~=copy]{display:inline-block}
${SECONDARY}`;

/**
 * Delivery (Email, Fax or Link), recipient prefilled from the customer record and editable,
 * cover letter from `/v1/cover-letters`; Send hands the choice to the host's `request()`.
 */
export class OptionsForm {
  delivery: DeliveryMethod;
  /** Recipient per channel, so switching channels keeps what was typed. */
  readonly recipients: Record<'Email' | 'Fax', string> = { Email: '', Fax: '' };
  letters: CoverLetter[] = [];
  letter: string;
  /** The recipient field's error. */
  error = '';
  /** What was sent: shown in the `sent` label. */
  sent?: string;
  /** The form is open to remind the customer of a request already sent (a new Email or Fax invitation). */
  reminding = false;
  copied = false;

  constructor(
    private readonly host: OptionsHost,
    private readonly html: typeof litHtml,
    client: CertClient,
    signal: AbortSignal,
  ) {
    const given = host.getAttribute('delivery');
    this.delivery = given === 'fax' ? 'Fax' : given === 'download' ? 'Download' : 'Email';
    this.letter = host.coverLetter || 'STANDARD_REQUEST';
    adoptStyle(host.shadowRoot, CSS);
    this.#prefill(host.customer);
    void this.#load(client, signal);
  }

  /** The texts in the host's language now (it follows a `lang` that changes). */
  get #t(): OptionsStrings {
    return optionsStrings(langOf(this.host));
  }

  #prefill(customer?: Partial<SelectedCustomer>): void {
    const { recipients } = this;
    recipients.Email ||= customer?.emailAddress ?? '';
    recipients.Fax ||= customer?.faxNumber ?? '';
  }

  async #load(client: CertClient, signal: AbortSignal): Promise<void> {
    const code = this.host.customerCode;
    // Each answer is optional: without it the form keeps the default letter and an empty recipient.
    const letters = client.request<{ coverLetters: CoverLetter[] }>('GET', '/v1/cover-letters', undefined, { signal }).then(
      ({ coverLetters }) => (this.letters = coverLetters),
      () => undefined,
    );
    const customer =
      code && !this.host.customer?.emailAddress
        ? client.request<CustomerSearchResult>('GET', `/v1/customers?q=${encodeURIComponent(code)}`, undefined, { signal }).then(
            ({ customers }) => this.#prefill(customers.find((c) => c.customerCode === code)),
            () => undefined,
          )
        : undefined;
    await Promise.all([letters, customer]);
    if (!signal.aborted) this.host.requestUpdate();
  }

  /** Label of the host in states the form adds detail to (`sent`, a copied link). */
  label(state: string, base: string): string {
    const t = this.#t;
    return state === 'sent' && this.sent
      ? `${this.reminding ? t.reminderSentTo : t.sentTo} ${this.sent}`
      : state === 'ready' && this.copied ? `${base}. ${t.copied}` : base;
  }

  /**
   * What the host shows in the states the form draws: the form (idle), the link with "Copy link"
   * (ready), the request sent with a reminder button instead of the buyer's "Send again" (sent).
   * Undefined in the other states, which the host draws itself.
   */
  body(t: Strings, flow?: typeof import('./certexpress-link.flow.js')): unknown {
    const { host } = this;
    switch (host.state) {
      case 'idle':
        return this.render();
      case 'ready':
        return this.html`<p>${flow?.link(host, t)} ${this.renderReady()}</p>`;
      case 'sent':
        return [flow?.sent(host, false), this.renderSent()];
    }
    return undefined;
  }

  /** The form (idle state). */
  render(): TemplateResult {
    const { html, delivery } = this;
    const t = this.#t;
    const channel = (value: DeliveryMethod): TemplateResult =>
      html`<label><input type="radio" name="delivery" value=${value} .checked=${delivery === value} @change=${() => this.#choose(value)}> ${t[value]}</label>`;
    const letters = this.letters.length ? this.letters : [{ title: this.letter, description: this.letter, subject: '' }];
    return html`<form part="form" novalidate @submit=${this.#submit}>
<fieldset part="delivery"><legend>${t.sendBy}</legend>${channel('Email')}${channel('Fax')}${this.reminding ? '' : channel('Download')}</fieldset>
${delivery === 'Download' ? '' : html`<label for="recipient">${delivery === 'Email' ? t.emailAddress : t.faxNumber}</label>
<input id="recipient" part="input" type=${delivery === 'Email' ? 'email' : 'tel'} autocomplete="off" required .value=${this.recipients[delivery]}
 aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="recipient-error" @input=${this.#type}>
<p id="recipient-error" part="field-error">${this.error}</p>`}
<label for="letter">${t.coverLetter}</label>
<select id="letter" part="select" @change=${(e: Event) => (this.letter = (e.target as HTMLSelectElement).value)}>${letters.map(
      (l) => html`<option value=${l.title} ?selected=${l.title === this.letter}>${l.description || l.subject || l.title}</option>`,
    )}</select>
<button part="button" type="submit">${delivery === 'Download' ? t.getLink : this.reminding ? t.sendReminder : t.send}</button>
</form>`;
  }

  /** After a request went out (sent state): a button that opens the form to send a reminder. */
  renderSent(): TemplateResult {
    return this.html`<button part="button" class="s" type="button" @click=${this.#remind}>${this.#t.remind}</button>`;
  }

  #remind = (): void => {
    this.reminding = true;
    if (this.delivery === 'Download') this.delivery = 'Email';
    this.host.state = 'idle';
  };

  /** After the link (ready state): a button that copies it. */
  renderReady(): TemplateResult {
    return this.html`<button part="button copy" class="s" type="button" @click=${this.#copy}>${this.#t.copy}</button>`;
  }

  #choose(value: DeliveryMethod): void {
    this.delivery = value;
    this.error = '';
    this.host.requestUpdate();
  }

  #type = (e: Event): void => {
    if (this.delivery !== 'Download') this.recipients[this.delivery] = (e.target as HTMLInputElement).value;
  };

  #submit = (e: Event): void => {
    e.preventDefault();
    const { delivery } = this;
    const t = this.#t;
    const recipient = delivery === 'Download' ? '' : this.recipients[delivery].trim();
    this.error = delivery === 'Email' && !EMAIL.test(recipient) ? t.badEmail : delivery === 'Fax' && !FAX.test(recipient) ? t.badFax : '';
    if (this.error) return this.#showError();
    this.sent = recipient && `${recipient} (${t[delivery]})`;
    this.host.request({ deliveryMethod: delivery, coverLetterTitle: this.letter, ...(recipient && { recipient }), ...(this.reminding && { reminder: true }) });
  };

  /**
   * Takes a refusal of the request that concerns the recipient (the companion names the field):
   * true when it is now shown at the field, false when the host should show it as its error.
   */
  refuse(error: { fields?: string[]; message: string }): boolean {
    if (this.delivery === 'Download' || !error.fields?.includes('recipient')) return false;
    this.error = error.message;
    this.#showError();
    return true;
  }

  #showError(): void {
    this.host.requestUpdate();
    // The field with its message is where a keyboard or screen reader user must go next.
    void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLInputElement>('#recipient')?.focus());
  }

  #copy = (): void => {
    const { url } = this.host;
    if (!url) return;
    navigator.clipboard?.writeText(url).then(
      () => {
        this.copied = true;
        this.host.requestUpdate();
      },
      // The link stays on screen to copy by hand; nothing else to do.
      () => undefined,
    );
  };
}
