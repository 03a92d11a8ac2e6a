import { html, nothing, type TemplateResult } from 'lit';
import type { Invitation, InvitationRequest, OpenRequest } from '../../client/contract.js';
import { safeLink } from '../../client/safe-link.js';
import { adoptStyle, SECONDARY, SR } from './adopt-style.js';
import { emit } from './events.js';
import { hostTable } from './host-table.js';
import { langOf } from './i18n.js';
import { fill, intl } from './parts.js';

// Loaded when a status answer carries an open certificate request, or a request was sent: pages
// whose customers were never asked never load it. Its own texts, in en, es and fr (a host may
// add or change them: `defineStrings(lang, {request: …})`); dates and day counts through Intl.

/** The texts of open requests in one language. */
export interface RequestTexts {
  /** `{date}` the day it was sent, `{ago}` how long ago, `{how}` by email/fax (may be empty), `{who}` to whom (may be empty), `{state}` what it waits for. */
  requested: string;
  how: Record<OpenRequest['deliveryMethod'], string>;
  /** `{who}`: the address or number it went to. */
  to: string;
  /** An email or fax request: nothing came back yet. */
  waiting: string;
  preparing: string;
  ready: string;
  continue: string;
  newTab: string;
  /** Compact cells: `{ago}`, e.g. "3 days ago". */
  short: string;
  /** The button that sends an emailed or faxed request again (a reminder). */
  resend: string;
}

const TEXTS: Record<string, RequestTexts> = {
  en: {
    requested: 'Requested on {date} ({ago}){how}{who} — {state}',
    how: { Email: ' by email', Fax: ' by fax', Download: '' },
    to: ' to {who}',
    waiting: 'no certificate received yet',
    preparing: 'the form is being prepared',
    ready: 'the form is ready',
    continue: 'Continue your certificate',
    newTab: '(new tab)',
    short: 'Requested {ago}',
    resend: 'Send again',
  },
  es: {
    requested: 'Solicitado el {date} ({ago}){how}{who} — {state}',
    how: { Email: ' por correo electrónico', Fax: ' por fax', Download: '' },
    to: ' a {who}',
    waiting: 'aún no se ha recibido el certificado',
    preparing: 'el formulario se está preparando',
    ready: 'el formulario está listo',
    continue: 'Continuar con su certificado',
    newTab: '(pestaña nueva)',
    short: 'Solicitado {ago}',
    resend: 'Enviar de nuevo',
  },
  fr: {
    requested: 'Demandé le {date} ({ago}){how}{who} — {state}',
    how: { Email: ' par e-mail', Fax: ' par fax', Download: '' },
    to: ' à {who}',
    waiting: 'aucun certificat reçu pour l’instant',
    preparing: 'le formulaire est en préparation',
    ready: 'le formulaire est prêt',
    continue: 'Continuer votre certificat',
    newTab: '(nouvel onglet)',
    short: 'Demandé {ago}',
    resend: 'Renvoyer',
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;

const textsOf = (host: Element): RequestTexts => hostTable(langOf(host), 'request', TEXTS);

/** "3 days ago", "yesterday", "today" in the host's language, from the request's date to now. */
function ago(host: Element, createdAt: string): string {
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(createdAt)) / DAY_MS));
  return intl(host, (lang) => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-days, 'day'));
}

/** One request as a sentence: when, how and to whom it was sent, and what it waits for. */
export function requestSentence(host: Element, request: OpenRequest): string {
  const t = textsOf(host);
  const date = intl(host, (lang) => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(request.createdAt)));
  const state = request.deliveryMethod !== 'Download' ? t.waiting : request.ready ? t.ready : t.preparing;
  const who = request.recipient ? fill(t.to, { who: request.recipient }) : '';
  return fill(t.requested, { date, ago: ago(host, request.createdAt), how: t.how[request.deliveryMethod], who, state });
}

/**
 * What `<cert-status>` shows of an open request: the sentence (compact: how long ago), and, when
 * nothing is slotted and its Download form is ready, a link to continue it (opening it tells the
 * page, so the status is watched until the certificate arrives). Nothing when a slotted
 * `<certexpress-link>` shows the request itself.
 */
export function requestView(host: HTMLElement, request: OpenRequest, compact: boolean, slotted: Element | null): unknown {
  if (slotted?.localName === 'certexpress-link') return nothing;
  const t = textsOf(host);
  if (compact) return html`<span part="request">${fill(t.short, { ago: ago(host, request.createdAt) })}</span>`;
  const url = !slotted && request.ready ? safeLink(request.requestLink) : null;
  const opened = (): boolean => emit(host, 'certexpress-link-open', { url });
  if (url) adoptStyle(host.shadowRoot, SR);
  return html`<p part="request">${requestSentence(host, request)}${url
    ? html` <a part="link" href=${url} target="_blank" rel="noopener noreferrer" @click=${opened} @auxclick=${opened}>${t.continue}<span class="sr"> ${t.newTab}</span></a>`
    : ''}</p>`;
}

/** What `<certexpress-link>` needs to send a request again. */
interface ResendHost extends HTMLElement {
  request(overrides?: Partial<InvitationRequest>): void;
}

/**
 * A request `<certexpress-link>` sent by email or fax: when and to whom, and (`resend`) a
 * button that sends it again the same way — a reminder, for the buyer whose email went astray.
 */
export function sentView(host: ResendHost, invitation: Invitation, resend: boolean): TemplateResult {
  const sentence = requestSentence(host, { ...invitation, recipient: invitation.recipient ?? null, ready: true });
  if (resend) adoptStyle(host.shadowRoot, SECONDARY);
  return html`<p part="message">${sentence}</p>${resend
    ? html`<button part="button" class="s" type="button" @click=${() => host.request({ reminder: true, deliveryMethod: invitation.deliveryMethod })}>${textsOf(host).resend}</button>`
    : ''}`;
}
