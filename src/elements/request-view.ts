import { html, type TemplateResult } from 'lit';
import type { OpenRequest } from '../client/contract.js';
import { safeLink } from '../client/safe-link.js';
import { emit } from './events.js';

// Loaded when a status answer carries an open certificate request: pages whose customers were
// never asked never load it. Its own texts, in en, es and fr; dates and day counts through Intl.

interface RequestTexts {
  /** `{date}` the day it was sent, `{how}` by email/fax (may be empty), `{who}` to whom. */
  requested: string;
  how: Record<OpenRequest['deliveryMethod'], string>;
  to: string;
  waiting: string;
  preparing: string;
  ready: string;
  continue: string;
  newTab: string;
  /** Compact cells: `{ago}` e.g. "3 days ago". */
  short: string;
}

const TEXTS: Record<string, RequestTexts> = {
  en: {
    requested: 'Requested on {date}{how}{who}',
    how: { Email: ' by email', Fax: ' by fax', Download: '' },
    to: ' to {who}',
    waiting: 'waiting for the customer',
    preparing: 'the form is being prepared',
    ready: 'the form is ready',
    continue: 'Continue your certificate',
    newTab: '(new tab)',
    short: 'Requested {ago}',
  },
  es: {
    requested: 'Solicitado el {date}{how}{who}',
    how: { Email: ' por correo electrónico', Fax: ' por fax', Download: '' },
    to: ' a {who}',
    waiting: 'esperando al cliente',
    preparing: 'el formulario se está preparando',
    ready: 'el formulario está listo',
    continue: 'Continuar con su certificado',
    newTab: '(pestaña nueva)',
    short: 'Solicitado {ago}',
  },
  fr: {
    requested: 'Demandé le {date}{how}{who}',
    how: { Email: ' par e-mail', Fax: ' par fax', Download: '' },
    to: ' à {who}',
    waiting: 'en attente du client',
    preparing: 'le formulaire est en préparation',
    ready: 'le formulaire est prêt',
    continue: 'Continuer votre certificat',
    newTab: '(nouvel onglet)',
    short: 'Demandé {ago}',
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** "3 days ago", "yesterday", "today" in the language, from the request's date to now. */
function ago(createdAt: string, lang: string): string {
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(createdAt)) / DAY_MS));
  return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-days, 'day');
}

/** One request as a sentence: when, how and to whom it was sent, and what it waits for. */
export function requestSentence(request: OpenRequest, lang: string): string {
  const t = TEXTS[lang.slice(0, 2).toLowerCase()] ?? TEXTS['en']!;
  const date = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(request.createdAt));
  const who = request.recipient ? t.to.replace('{who}', request.recipient) : '';
  const sent = t.requested.replace('{date}', date).replace('{how}', t.how[request.deliveryMethod]).replace('{who}', who);
  const state = request.deliveryMethod !== 'Download' ? t.waiting : request.ready ? t.ready : t.preparing;
  return `${sent} — ${state} (${ago(request.createdAt, lang)})`;
}

/**
 * What `<cert-status>` shows of an open request: the sentence (compact: how long ago), and, when
 * `offerLink` and its Download form is ready, a link to continue it (opening it tells the page,
 * so the status is watched until the certificate arrives).
 */
export function requestView(host: HTMLElement, request: OpenRequest, lang: string, compact: boolean, offerLink: boolean): TemplateResult {
  const t = TEXTS[lang.slice(0, 2).toLowerCase()] ?? TEXTS['en']!;
  if (compact) return html`<span part="request">${t.short.replace('{ago}', ago(request.createdAt, lang))}</span>`;
  const url = offerLink && request.ready ? safeLink(request.requestLink) : null;
  const opened = (): boolean => emit(host, 'certexpress-link-open', { url });
  return html`<p part="request">${requestSentence(request, lang)}${url
    ? html` <a part="link" href=${url} target="_blank" rel="noopener noreferrer" @click=${opened} @auxclick=${opened}>${t.continue}<span class="sr"> ${t.newTab}</span></a>`
    : ''}</p>`;
}
