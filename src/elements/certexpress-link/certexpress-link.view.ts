import { html, type TemplateResult } from 'lit';
import type { Invitation, InvitationRequest } from '../../client/contract.js';
import { adoptStyle, LINK_BUTTON, SR } from '../shared/adopt-style.js';
import { emit } from '../shared/events.js';
import type { LinkOpenDetail } from './certexpress-link.events.js';
import type { Strings } from '../shared/i18n.js';

// What `<certexpress-link>` shows in the states its request flow brings (ready, sent); loaded
// with the flow (certexpress-link.flow.ts), so a page that only shows the button never loads it.

/** What the view reads from `<certexpress-link>`. */
export interface ViewHost extends HTMLElement {
  state: string;
  url?: string;
  invitation?: Invitation;
  request(overrides?: Partial<InvitationRequest>): void;
  requestUpdate(): void;
}

let requests: typeof import('../shared/request-view.js') | undefined;

/** The link to the ready form, the buyer's next step, so drawn as a button (opens in a new tab; opening it tells the page). */
export function link(host: ViewHost, t: Strings): TemplateResult {
  const opened = (): boolean => emit<LinkOpenDetail>(host, 'certexpress-link-open', { url: host.url! });
  adoptStyle(host.shadowRoot, SR);
  adoptStyle(host.shadowRoot, LINK_BUTTON);
  return html`<a part="link" class="b" href=${host.url!} target="_blank" rel="noopener noreferrer" @click=${opened} @auxclick=${opened}>${t.open}<span class="sr"> ${t.newTab}</span><span aria-hidden="true"> ↗</span></a>`;
}

/**
 * When and to whom the request went out and, with `resend`, a button that sends it again (the
 * sentence's texts load with the view of open requests, on first use).
 */
export function sent(host: ViewHost, resend: boolean): unknown {
  const inv = host.invitation;
  if (!requests) void import('../shared/request-view.js').then((m) => ((requests = m), host.requestUpdate()));
  return inv && requests?.sentView(host, inv, resend);
}

/** While an email or fax invitation is prepared, it is being sent: no form is made for this page. */
export const label = (host: ViewHost, t: Strings, text: string): string =>
  host.state === 'preparing' && host.invitation?.deliveryMethod !== 'Download' ? t.creating : text;

/** What follows the badge when the form is ready (its link) or the request was sent (when, to whom). */
export function view(host: ViewHost, t: Strings, resend: boolean): unknown {
  return host.state === 'ready' ? html`<p>${link(host, t)}</p>` : host.state === 'sent' ? sent(host, resend) : undefined;
}
