import { html, isServer, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { CertClient } from '../../client/cert-client.js';
import type { CustomerSearchResult, CustomerSummary } from '../../client/contract.js';
import { CertElement, type CommonState } from '../shared/cert-element.js';
import { LatestSearch } from './customer-lookup.search.js';
import { lookupStringsFor } from './customer-lookup.strings.js';
import { lookupStyles } from './customer-lookup.styles.js';
import { describeCustomer, lookupStatus, optionRow } from './customer-lookup.view.js';
import { emit } from '../shared/events.js';
import { langOf, type Strings } from '../shared/i18n.js';
import { badge } from '../shared/parts.js';
import { baseStyles } from '../shared/styles.js';

export type { CustomerSelectDetail, CustomerSelectEvent } from './customer-lookup.events.js';

/** Every state `<customer-lookup>` shows (reflected as its `state` attribute). */
export type CustomerLookupState = 'idle' | 'searching' | 'results' | 'no-results' | 'selected' | CommonState;

/** The companion refuses longer queries (400); the input never sends one. */
const MAX_QUERY = 100;

/** Properties that change only what is shown or chosen, never the wiring: no restart. */
const PRESENTATIONAL = new Set<PropertyKey>(['fieldLabel', 'placeholder', 'value']);

/**
 * Finds a customer by code, name or city through the companion (`GET /v1/customers?q=`, needs a
 * staff token), as an accessible combobox with a listbox popup: Down/Up move through the results
 * (wrapping), Enter or a click chooses, Escape closes the list and a second Escape clears the
 * field. Searches start after a pause in typing; a newer search cancels the one in flight.
 *
 * Other elements follow the choice: give the lookup an `id` and point their `customer-source`
 * attribute at it; they listen for `customer-select` on it.
 *
 * @tagname customer-lookup
 * @summary Search and choose a customer (staff, ERP screens).
 *
 * @fires {CustomEvent<CustomerSelectDetail>} customer-select - A customer was chosen (by the user, or by setting `value`): `{customer}`.
 * @fires {CustomEvent<ErrorDetail>} cert-error - A search failed or an attribute is wrong: `{code, message, retryable}`.
 *
 * @csspart base - The outer box.
 * @csspart field-label - The visible label of the field.
 * @csspart input - The search field (`role="combobox"`).
 * @csspart listbox - The popup list of results.
 * @csspart option - One result; `option-active` is added to the active one.
 * @csspart code - The customer code in a result.
 * @csspart name - The customer name in a result.
 * @csspart place - City and region in a result.
 * @csspart badge - Icon and text of the search state.
 * @csspart icon - The state symbol.
 * @csspart label - The state text (result count, no match, selection); the element's one polite live region. A selection is only spoken: the field shows it.
 * @csspart message - Error text.
 * @csspart button - The retry button.
 *
 * @cssprop [--cert-color=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--cert-background=light-dark(#fff, #0d1117)] - Background of the box, field and list.
 * @cssprop [--cert-border-color=light-dark(#d1d9e0, #3d444d)] - Border of the box and list.
 * @cssprop [--cert-input-border-color=light-dark(#59636e, #9198a1)] - Border of the field.
 * @cssprop [--cert-active-background=light-dark(#ddf4ff, #12243b)] - Background of the active result.
 * @cssprop [--cert-listbox-max-height=16em] - Height of the list before it scrolls.
 * @cssprop [--cert-listbox-z-index=10] - Stacking of the popup list.
 * @cssprop [--cert-radius=6px] - Corner radius.
 * @cssprop [--cert-padding=.75em 1em] - Inner spacing.
 * @cssprop [--cert-min-height=4.5em] - Reserved height.
 * @cssprop [--cert-success-color=light-dark(#1a7f37, #3fb950)] - Selection made.
 * @cssprop [--cert-danger-color=light-dark(#cf222e, #f85149)] - Errors.
 * @cssprop [--cert-muted-color=light-dark(#59636e, #9198a1)] - Hints, places, placeholder.
 * @cssprop [--cert-accent-color=light-dark(#0969da, #4493f8)] - Buttons, focus and the active result.
 * @cssprop [--cert-accent-contrast=light-dark(#fff, #0d1117)] - Text on buttons.
 */
export class CustomerLookupElement extends CertElement {
  static override styles = [baseStyles, lookupStyles];

  static override properties: PropertyDeclarations = {
    fieldLabel: { attribute: 'label' },
    placeholder: {},
    minChars: { attribute: 'min-chars', type: Number },
    debounceMs: { attribute: 'debounce-ms', type: Number },
    value: { reflect: true },
  };

  /** Visible label of the field (attribute `label`); default the localized "Customer". */
  declare fieldLabel?: string;

  /** Placeholder of the field; default the localized "Code, name or city". */
  declare placeholder?: string;

  /** Characters typed before a search starts (1–100). */
  declare minChars: number;

  /** Pause in typing, in ms, before a search starts (0–5000). */
  declare debounceMs: number;

  /**
   * Code of the chosen customer, reflected. Setting it looks the code up and chooses that
   * customer (firing `customer-select`); an empty value clears the choice.
   */
  declare value?: string;

  /** Current state (read-only). */
  declare state: CustomerLookupState;

  /** The chosen customer as elements with `customer-source` adopt it (same as `selected`, undefined when none). */
  declare customer?: CustomerSummary;

  #selected: CustomerSummary | null = null;
  #results: CustomerSummary[] = [];
  #total = 0;
  #query = '';
  #open = false;
  #active = -1;
  #work?: AbortSignal;
  readonly #search = new LatestSearch<CustomerSearchResult>({
    fetch: (q, signal) => this.client!.request('GET', `/v1/customers?q=${encodeURIComponent(q)}`, undefined, { signal }),
    start: () => {
      this.error = undefined;
      this.state = 'searching';
    },
    answer: (answer, q) => {
      this.#results = answer.customers;
      this.#total = Math.max(answer.total, answer.customers.length);
      this.#query = q;
      this.#active = -1;
      // Opens only for someone still in the field: an answer after Tab must not pop up a list.
      this.#open = answer.customers.length > 0 && this.shadowRoot?.activeElement === this.#input;
      this.state = answer.customers.length ? 'results' : 'no-results';
      this.requestUpdate();
    },
    fail: (e) => {
      this.#results = [];
      this.#close();
      this.fail(e);
    },
  });

  constructor() {
    super();
    this.state = 'idle';
    this.minChars = 2;
    this.debounceMs = 250;
  }

  /** The chosen customer, or null. */
  get selected(): CustomerSummary | null {
    return this.#selected;
  }

  /** Sets or drops the choice; `customer` mirrors it so followers added later adopt it. */
  #select(customer: CustomerSummary | null): void {
    this.#selected = customer;
    this.customer = customer ?? undefined;
    this.value = customer?.customerCode;
  }

  /** Clears the field, the results and the choice (no event). */
  clear(): void {
    this.#search.cancel();
    this.#select(null);
    this.#results = [];
    this.#query = '';
    this.#close();
    if (this.#input) this.#input.value = '';
    this.error = undefined;
    this.state = 'idle';
  }

  protected override badAttribute(): string | undefined {
    const { minChars: min, debounceMs: wait } = this;
    // The lookup is the source other elements follow; it follows no one.
    return this.customerSource ? 'customer-source'
      : !Number.isInteger(min) || min < 1 || min > MAX_QUERY ? 'min-chars'
      : !Number.isFinite(wait) || wait < 0 || wait > 5000 ? 'debounce-ms'
      : undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const wiring = new Map([...changed].filter(([key]) => !PRESENTATIONAL.has(key)));
    super.willUpdate(wiring);
    // A value set from outside (not by our own choice) picks that customer.
    if (changed.has('value') && this.hasUpdated && this.client && this.value !== this.#selected?.customerCode) {
      if (this.value) void this.#pick(this.value);
      else this.clear();
    }
  }

  protected override begin(_client: CertClient, signal: AbortSignal): void {
    this.#work = signal;
    signal.addEventListener('abort', () => this.#search.cancel(), { once: true });
    this.#close();
    this.state = this.#selected ? 'selected' : 'idle';
    if (this.value && this.value !== this.#selected?.customerCode) void this.#pick(this.value);
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector?.('input') ?? null;
  }

  #close(): void {
    this.#open = false;
    this.#active = -1;
    this.requestUpdate();
  }

  #onInput(): void {
    const text = this.#input!.value;
    // Editing the text of a choice drops the choice: field and value never disagree.
    if (this.#selected && text !== describeCustomer(this.#selected)) this.#select(null);
    this.#search.cancel();
    this.#active = -1;
    const q = text.trim().slice(0, MAX_QUERY);
    if (q.length < this.minChars) {
      this.#results = [];
      this.#query = '';
      this.#close();
      this.state = this.#selected ? 'selected' : 'idle';
      return;
    }
    // Said at once (not after the pause) so the live region never claims a stale result or choice.
    this.state = 'searching';
    this.requestUpdate();
    this.#search.schedule(q, this.debounceMs);
  }

  /** Searches now (no pause), unless the element is unwired or gone. */
  #run(q: string): Promise<CustomerSearchResult | undefined> {
    return this.client && !this.#work?.aborted ? this.#search.run(q) : Promise.resolve(undefined);
  }

  /** Chooses the customer whose code is `code` (a value set from outside). */
  async #pick(code: string): Promise<void> {
    const answer = await this.#run(code);
    const match = answer?.customers.find((c) => c.customerCode === code);
    if (match) this.#choose(match);
  }

  #choose(customer: CustomerSummary): void {
    this.#search.cancel();
    this.#select(customer);
    this.#close();
    const input = this.#input;
    if (input) input.value = describeCustomer(customer);
    this.error = undefined;
    this.state = 'selected';
    emit(this, 'customer-select', { customer });
  }

  #onKeyDown(e: KeyboardEvent): void {
    const count = this.#results.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!count) return;
        const down = e.key === 'ArrowDown';
        const from = this.#open ? this.#active : -1;
        this.#open = true;
        this.#active = down ? (from + 1) % count : from <= 0 ? count - 1 : from - 1;
        break;
      }
      case 'Enter':
        if (!this.#open || this.#active < 0) return;
        e.preventDefault();
        this.#choose(this.#results[this.#active]!);
        return;
      case 'Escape':
        if (this.#open) this.#close();
        else if (this.#input!.value) this.clear();
        else return;
        e.preventDefault();
        return;
      default:
        return;
    }
    this.requestUpdate();
  }

  #retry(): void {
    this.#input?.focus();
    const q = this.#input?.value.trim().slice(0, MAX_QUERY) ?? '';
    if (q.length >= this.minChars) void this.#run(q);
    else this.clear();
  }

  protected override tone(): string {
    return this.state === 'selected' ? 'ok' : /^(error|not-allowed|signed-out)$/.test(this.state) ? 'bad' : '';
  }

  protected override updated(): void {
    if (this.#open && this.#active >= 0) this.renderRoot.querySelector(`#opt-${this.#active}`)?.scrollIntoView?.({ block: 'nearest' });
  }

  protected override body(): unknown {
    return undefined;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (isServer) return nothing; // as every element: nothing on a server (SSR)
    const t = this.strings;
    const l = lookupStringsFor(langOf(this));
    const label = this.fieldLabel || l.label;
    const tone = this.tone();
    const icon = tone === 'ok' ? '✓' : tone === 'bad' ? '✕' : this.state === 'searching' ? '…' : '';
    const open = this.#open && this.#results.length > 0;
    const failed = !!this.error && /^(error|signed-out|not-allowed)$/.test(this.state);
    const broken = this.error?.code === 'configuration_error';
    const { state, minChars, error } = this;
    const situation = { state, minChars, error, shown: this.#results.length, total: this.#total, query: this.#query, selected: this.#selected };
    return html`<div part="base" class=${tone}>
      <label part="field-label" for="input">${label}</label>
      <div class="field">
        <input id="input" part="input" type="text" role="combobox" autocomplete="off" spellcheck="false"
          maxlength=${MAX_QUERY} aria-autocomplete="list" aria-controls="listbox" aria-expanded=${open ? 'true' : 'false'}
          aria-activedescendant=${open && this.#active >= 0 ? `opt-${this.#active}` : nothing}
          aria-describedby=${failed ? 'message' : nothing} placeholder=${this.placeholder || l.placeholder}
          ?disabled=${broken} @input=${this.#onInput} @keydown=${this.#onKeyDown} @blur=${this.#close}>
        <ul id="listbox" part="listbox" role="listbox" aria-label=${label} ?hidden=${!open}
          @mousedown=${(e: Event) => e.preventDefault()}>${open ? this.#results.map((c, i) => optionRow(c, `opt-${i}`, i === this.#active, () => this.#choose(c))) : nothing}</ul>
      </div>
      <div class=${state === 'selected' ? 'sr' : ''}>${badge(icon, lookupStatus(situation, t, l))}</div>
      ${failed ? this.#errorBody(t) : nothing}
    </div>`;
  }

  /** As every element's error text (see `errorBody`), with the id the field points at. */
  #errorBody(t: Strings): TemplateResult {
    const { code, message, retryable } = this.error!;
    const text = code === 'configuration_error' ? message : retryable ? t.offline : t.failed;
    return html`<p part="message" id="message">${text}</p>${this.state === 'error' && retryable ? this.button(t.retry, this.#retry) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-lookup': CustomerLookupElement;
  }
}
