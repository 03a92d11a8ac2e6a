import { html, isServer, LitElement, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { CertClient, type StatusOptions } from '../../client/cert-client.js';
import type { ErrorDetail, StatusList, StatusVerdict } from '../../client/contract.js';
import { configError, toErrorDetail } from '../../client/errors.js';
import { sleep } from '../../client/http.js';
import { timings } from '../../client/timings.js';
import type { FetchToken } from '../../client/token-source.js';
import { emit } from './events.js';
import { followLang, langOf, localeReady, stringsFor, type Strings } from './i18n.js';
import type { SelectedCustomer } from './customer.js';
import { badge } from './parts.js';
import { serverRenderedRoot } from './server-root.js';
import { baseStyles } from './styles.js';

export type { SelectedCustomer } from './customer.js';

/** Version of the element classes, compared when an element name is defined twice. */
export const VERSION = '0.1.0';

/** States every element shares besides its own. */
export type CommonState = 'error' | 'signed-out' | 'not-allowed' | 'choose';

const ICONS: Record<string, string> = { ok: '✓', warn: '!', bad: '✕' };

/** Properties that only restyle or relabel: any other change restarts the element's work. */
const COSMETIC = /^(state|theme|lang|compact|hideZone)$/;

/**
 * Shared base of the cert elements: token and API wiring, attribute checks, error reporting,
 * language, theme, `customer-source` (one controller) and the common frame (badge with the live
 * region, then the body). Each element is one class on top of it, whichever bundle registers it:
 * what only staff screens use loads on first use. Not registered as an element itself.
 */
export abstract class CertElement extends LitElement {
  static version = VERSION;
  static override styles: CSSResultGroup = baseStyles;

  static override properties: PropertyDeclarations = {
    tokenEndpoint: { attribute: 'token-endpoint' },
    apiBase: { attribute: 'api-base' },
    customerCode: { attribute: 'customer-code' },
    country: {},
    region: {},
    tokenCredentials: { attribute: 'token-credentials' },
    theme: { reflect: true },
    lang: { reflect: true },
    fetchToken: { attribute: false },
    state: { reflect: true },
    customerSource: { attribute: 'customer-source' },
  };

  /** URL of the host's token endpoint (`POST`, JSON `{customerCode}`). */
  declare tokenEndpoint?: string;

  /** Base URL of the cert API, used when the token answer has no `apiBase`. */
  declare apiBase?: string;

  /** Customer the element is about; omitted, the token endpoint decides. */
  declare customerCode?: string;

  /**
   * ISO 3166 two-letter country of the ship-to zone: `US` when a `region` is given without it;
   * `<cert-status>` without a region lists every country's certificates unless it is set.
   */
  declare country?: string;

  /** Region (state, province) code of the ship-to zone, e.g. `WA`. */
  declare region?: string;

  /** Credentials of the token request: `same-origin` (default) or `include` for a cross-origin endpoint. */
  declare tokenCredentials?: 'same-origin' | 'include';

  /**
   * Colour scheme: by default the page's (the `color-scheme` it inherits); `light` or `dark`
   * pin one, `auto` follows the operating system's preference.
   */
  declare theme?: 'light' | 'dark' | 'auto';

  /**
   * Language of the element's text (`en`, `es`, `fr`, or one a host added with `defineStrings`);
   * by default the nearest `lang` up the tree, followed when it changes.
   */
  declare lang: string;

  /** Callback that mints a token, instead of `token-endpoint`. */
  declare fetchToken?: FetchToken;

  /** Current state (read-only; reflected for styling). */
  declare state: string;

  /**
   * Id of a `<customer-lookup>` in the same document or shadow root: the element follows its
   * `customer-select` events (and shows "Choose a customer" until one is chosen).
   */
  declare customerSource?: string;

  /** The customer chosen through `customer-source` (name, email, fax…), used to prefill forms. */
  customer?: SelectedCustomer;

  /** The error shown in the `error`, `signed-out` and `not-allowed` states. */
  error?: ErrorDetail;

  protected client?: CertClient;
  #work?: AbortController;
  /** The `customer-source` controller, loading or loaded (see `customer-source.ts`). */
  #source?: Promise<unknown>;

  /** Starts the element's work; `signal` aborts when it is disconnected or rewired. */
  protected abstract begin(client: CertClient, signal: AbortSignal): void;

  /** What follows the badge in the current state. */
  protected abstract body(t: Strings): unknown;

  /** Extra attribute checks of the subclass: the name of the first bad attribute. */
  protected badAttribute?(): string | undefined;

  /** Badge text of the current state. */
  protected label(t: Strings): string {
    const state = this.state;
    return state === 'error' && this.error?.code === 'configuration_error' ? t.config : t[state as 'error'];
  }

  /** Colour family of the state: ok, warn, bad or '' (neutral). */
  protected tone(): string {
    const state = this.state;
    return /^(exempt|ready|sent)$/.test(state) ? 'ok'
      : /^(expiring|pending|slow)$/.test(state) ? 'warn'
      : /^(expired|invalid|error|not-allowed)$/.test(state) ? 'bad'
      : '';
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return serverRenderedRoot(this) ?? super.createRenderRoot();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    followLang(this, true);
    if (this.hasUpdated) this.restart();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    followLang(this, false);
    this.#work?.abort();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!this.hasUpdated || [...changed.keys()].some((key) => !COSMETIC.test(String(key)))) this.restart();
  }

  /** The zone's country as the API takes it (`US` unless set). */
  get zoneCountry(): string {
    return (this.country || 'US').toUpperCase();
  }

  /**
   * The status of the element's zone with its open request, asked as every element asks it: the
   * `<cert-status>` and `<certexpress-link>` of a zone then share one request.
   */
  protected zoneStatus(client: CertClient, options?: StatusOptions): Promise<StatusVerdict | StatusList> {
    return client.status({ country: this.zoneCountry, region: this.region!.toUpperCase(), requests: true }, options);
  }

  /** Aborts the running work and starts afresh with the current attributes (only while connected). */
  protected restart(): void {
    // Lit still updates a removed element: its work starts again in connectedCallback, not here.
    if (!this.isConnected) return;
    this.#work?.abort();
    const work = (this.#work = new AbortController());
    this.error = undefined;
    const { tokenEndpoint, fetchToken, tokenCredentials: cred, country, region } = this;
    try {
      const bad =
        !tokenEndpoint && !fetchToken ? 'token-endpoint'
        : country && !/^[a-z]{2}$/i.test(country) ? 'country'
        : region && !/^[a-z0-9]{1,3}$/i.test(region) ? 'region'
        : cred && cred !== 'same-origin' && cred !== 'include' ? 'token-credentials'
        : this.badAttribute?.();
      if (bad) throw configError(bad);
      if (this.customerSource) {
        this.#source ??= import('./customer-source.js').then((m) => new m.CustomerSourceController(this));
        // Following a lookup with nothing chosen yet: a neutral prompt, not an error.
        if (!this.customerCode) {
          this.state = 'choose';
          return;
        }
      }
      this.client = new CertClient(this);
    } catch (e) {
      this.fail(e);
      return;
    }
    this.begin(this.client, work.signal);
  }

  /**
   * Shows `e` in the matching state and fires `cert-error`. The person sees a short text in their
   * language; what went wrong, for the integrator, goes to the event and (an error) the console.
   */
  protected fail(e: unknown): void {
    const detail = (this.error = toErrorDetail(e));
    const { code } = detail;
    this.requestUpdate();
    this.state = code === 'unauthorized' ? 'signed-out' : code === 'forbidden' ? 'not-allowed' : 'error';
    if (this.state === 'error') console.warn(`<${this.localName}> ${code}: ${detail.message}`);
    emit(this, 'cert-error', detail);
  }

  /**
   * Error text and, when trying again can help (a retryable error), the `retry` button. A bad
   * attribute names it, for the integrator; anything else is said in the page's language.
   */
  protected errorBody(t: Strings, retry?: () => void): unknown {
    const { code, message, retryable } = this.error!;
    return html`<p part="message">${code === 'configuration_error' ? message : retryable ? t.offline : t.failed}</p>${retryable && retry ? this.button(t.retry, retry) : ''}`;
  }

  protected button(text: string, action: () => void): TemplateResult {
    return html`<button part="button" type="button" @click=${action}>${text}</button>`;
  }

  protected get strings(): Strings {
    return stringsFor(langOf(this));
  }

  /**
   * Renders once a Spanish or French table has arrived rather than flashing English first; a
   * table that takes longer than `timings.localeWaitMs` is not waited for (English meanwhile).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = localeReady(langOf(this));
    return ready ? Promise.race([ready, sleep(timings.localeWaitMs)]).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override update(changed: PropertyValues): void {
    const focused = this.shadowRoot?.activeElement;
    super.update(changed);
    // The pressed control left with the state ("Request certificate" → creating): focus stays in
    // the element, on its new control or else its frame, instead of falling to the page (WCAG 2.4.3).
    if (focused && !focused.isConnected) (this.renderRoot.querySelector<HTMLElement>('a,button') ?? this.renderRoot.querySelector('div'))!.focus();
  }

  protected override render(): TemplateResult | typeof nothing {
    // On a server (SSR) the element renders nothing: its status is known only in the browser.
    if (isServer) return nothing;
    const t = this.strings;
    const tone = this.tone();
    // The icon's shape, not only its colour, tells the tones apart; work in progress (loading,
    // creating…, never missing) has none, its text ends in an ellipsis.
    const icon = tone ? ICONS[tone] : /[^s]ing$|^idle/.test(this.state) ? '' : '−';
    return html`<div part="base" class=${tone} tabindex="-1">${badge(icon!, this.label(t))}${this.body(t)}</div>`;
  }
}
