// Themes: an element takes the colour scheme of the page it is on (its inherited `color-scheme`),
// not the operating system's; `theme` pins light or dark, `auto` asks the OS. Every state of
// every element is axe-clean (contrast included) on a light page, a dark page and a page that
// brands the elements only through their documented --cert-* properties.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import type { CertExpressLinkElement } from '../../src/elements/certexpress-link/certexpress-link.js';
import type { CustomerLookupElement } from '../../src/elements/customer-lookup/customer-lookup.js';
import type { CertUploadElement } from '../../src/elements/cert-upload/cert-upload.js';
import { timings } from '../../src/client/timings.js';
import { freshEndpoint } from './fixtures/backend.js';
import { apiFailure, certificate, dayFromToday, gate, invitation, json, list, openRequest, stubApi, verdict, type Call } from './fixtures/stub-api.js';

/** The three pages every state is checked on. */
const SCHEMES = {
  light: 'color-scheme: light; background: #ffffff; color: #1f2328',
  dark: 'color-scheme: dark; background: #0d1117; color: #e6edf3',
  // A shop's brand, through the documented custom properties only (as the demo's "Brand colours").
  brand: [
    'color-scheme: light; background: #f7f1ea; color: #2b2118; font-family: Georgia, serif',
    '--cert-color: #2b2118', '--cert-background: #fffdf9', '--cert-border-color: #d9c6b3', '--cert-radius: 14px',
    '--cert-accent-color: #6b2c7d', '--cert-accent-contrast: #ffffff', '--cert-success-color: #1e6b43',
    '--cert-warning-color: #8a4a00', '--cert-danger-color: #a4262c', '--cert-muted-color: #6b5a4c',
  ].join(';'),
} as const;

const WHITE = 'rgb(255, 255, 255)';
const NIGHT = 'rgb(13, 17, 23)';
const background = (el: Element): string => getComputedStyle(el.shadowRoot!.querySelector('[part~=base]')!).backgroundColor;

/** Answers of the scripted companion for every element's states. */
function answers(status: (call: Call) => Response | Promise<Response>): (call: Call) => Response | Promise<Response> | undefined {
  return (call) => {
    const path = call.url.pathname;
    if (path.endsWith('/v1/status')) return status(call);
    if (path.endsWith('/v1/cover-letters')) return json({ coverLetters: [{ title: 'STANDARD_REQUEST', subject: 'Please submit your exemption certificate', description: 'Standard request for an exemption certificate' }] });
    if (path.endsWith('/v1/customers')) {
      const q = call.url.searchParams.get('q') ?? '';
      const customers = [{ customerCode: 'C-1005', name: 'Evergreen School District', city: 'Olympia', region: 'WA', country: 'US', postalCode: '98501', emailAddress: 'procurement@evergreen-schools.example', faxNumber: '(360) 555-0124' }];
      return json({ customers: q === 'zzz' ? [] : customers, total: q === 'zzz' ? 0 : 1 });
    }
    if (path.endsWith('/v1/exposure-zones')) return json({ exposureZones: [{ id: 1, name: 'Washington', country: 'US', region: 'WA' }, { id: 2, name: 'Ontario', country: 'CA', region: 'ON' }] });
    if (path.endsWith('/v1/exemption-reasons')) return json({ exemptionReasons: [{ id: 1, name: 'RESALE' }, { id: 2, name: 'EDUCATIONAL' }] });
    return undefined;
  };
}

type Mount = (style: string) => Promise<Element>;
const held = gate();

/** A status on a page styled `style`; with `slotted` content for missing (a link of the page's own). */
const statusIn = (style: string, attrs: string, settled: (el: CertStatusElement) => boolean, slotted = true): Promise<Element> =>
  (async () => {
    const host = await fixture<HTMLDivElement>(html`<div style=${style}></div>`);
    host.innerHTML = `<cert-status token-endpoint="${freshEndpoint()}" ${attrs}>${slotted ? '<a slot="missing" href="#upload">Upload one</a>' : ''}</cert-status>`;
    const el = host.querySelector<CertStatusElement>('cert-status')!;
    await waitUntil(() => settled(el), `state ${el.state}`, { timeout: 5000 });
    await el.updateComplete;
    return el;
  })();

const withStatus = (answer: (call: Call) => Response | Promise<Response>, attrs: string, settled: (el: CertStatusElement) => boolean, slotted = true): Mount =>
  (style) => {
    stubApi(answers(answer));
    return statusIn(style, attrs, settled, slotted);
  };

const is = (state: string) => (el: { state: string }): boolean => el.state === state;

/** Every state of `<cert-status>`. */
const STATUS_STATES: Record<string, Mount> = {
  loading: withStatus(async () => (await held.wait, json(verdict('exempt'))), 'region="WA"', (el) => el.state === 'loading' && !!el.shadowRoot!.querySelector('[part~=label]')?.textContent),
  exempt: withStatus(() => json(verdict('exempt', { certificate: certificate({ documentAvailable: true }) })), 'region="WA"', (el) => el.state === 'exempt' && !!el.shadowRoot!.querySelector('[part~=document]')),
  expiring: withStatus(() => json(verdict('expiring', { certificate: certificate({ expirationDate: dayFromToday(12) }) })), 'region="WA"', is('expiring')),
  pending: withStatus(() => json(verdict('pending')), 'region="WA"', is('pending')),
  expired: withStatus(() => json(verdict('expired', { certificate: certificate({ expirationDate: dayFromToday(-30) }) })), 'region="WA"', is('expired')),
  invalid: withStatus(() => json(verdict('invalid')), 'region="WA"', is('invalid')),
  missing: withStatus(() => json(verdict('missing')), 'region="WA"', is('missing')),
  'missing, asked by email': withStatus(() => json(verdict('missing', { request: openRequest() })), 'region="WA"', (el) => !!el.shadowRoot!.querySelector('[part~=request]')),
  'missing, a form to continue': withStatus(() => json(verdict('missing', { request: openRequest({ deliveryMethod: 'Download', recipient: null, requestLink: 'https://forms.example/c/1' }) })), 'region="WA" hide-zone', (el) => !!el.shadowRoot!.querySelector('[part~=request] a'), false),
  list: withStatus(() => json(list(['California', 'CA', 'exempt', { documentAvailable: true }], ['Texas', 'TX', 'expiring', { expirationDate: dayFromToday(12) }], ['Oregon', 'OR', 'expired'])), '', (el) => el.state === 'exempt'),
  compact: withStatus(() => json(verdict('expiring')), 'compact region="WA"', is('expiring')),
  'compact, asked': withStatus(() => json(verdict('missing', { request: openRequest() })), 'compact region="WA"', (el) => !!el.shadowRoot!.querySelector('[part~=request]')),
  'error, retryable': withStatus(() => apiFailure(503, 'upstream_unavailable', 'Busy.', true), 'region="WA"', (el) => el.state === 'error' && !!el.shadowRoot!.querySelector('button')),
  'error, not retryable': withStatus(() => apiFailure(502, 'upstream_error', 'Refused.', false), 'region="WA"', is('error')),
  'signed out': withStatus(() => apiFailure(401, 'unauthorized', 'No.', false), 'region="WA"', is('signed-out')),
  'not allowed': withStatus(() => apiFailure(403, 'forbidden', 'No.', false), 'region="WA"', is('not-allowed')),
  'bad attribute': (style) => statusIn(style, 'region="Washington"', is('error')),
};

const linkIn = async (style: string, attrs: string, act: (el: CertExpressLinkElement) => void, settled: (el: CertExpressLinkElement) => boolean): Promise<Element> => {
  const host = await fixture<HTMLDivElement>(html`<div style=${style}></div>`);
  host.innerHTML = `<certexpress-link token-endpoint="${freshEndpoint()}" region="WA" ${attrs}></certexpress-link>`;
  const el = host.querySelector<CertExpressLinkElement>('certexpress-link')!;
  await waitUntil(() => el.shadowRoot?.querySelector('[part~=base]'), 'not rendered');
  act(el);
  await waitUntil(() => settled(el), `state ${el.state}`, { timeout: 5000 });
  await el.updateComplete;
  return el;
};

const linkWith = (invite: (call: Call) => Response | Promise<Response>, attrs: string, settled: (el: CertExpressLinkElement) => boolean, act = (el: CertExpressLinkElement) => el.request()): Mount =>
  (style) => {
    stubApi((call) => (call.url.pathname.includes('/v1/invitations') ? invite(call) : answers(() => json(verdict('missing')))(call)));
    return linkIn(style, attrs, act, settled);
  };

/** Every state of `<certexpress-link>` (the staff form included). */
const LINK_STATES: Record<string, Mount> = {
  idle: linkWith(() => json(invitation()), '', is('idle'), () => undefined),
  creating: linkWith(async () => (await held.wait, json(invitation())), '', is('creating')),
  preparing: linkWith(async ({ method }) => (method === 'POST' ? json(invitation({ status: 'InProgress', requestLink: null })) : (await held.wait, json(invitation()))), '', is('preparing')),
  'sending by email': linkWith(async ({ method }) => (method === 'POST' ? json(invitation({ status: 'InProgress', deliveryMethod: 'Email', requestLink: null })) : (await held.wait, json(invitation()))), 'delivery="email"', is('preparing')),
  ready: linkWith(() => json(invitation()), '', (el) => el.state === 'ready' && !!el.shadowRoot!.querySelector('a')),
  sent: linkWith(() => json(invitation({ deliveryMethod: 'Email', requestLink: null, emailStatus: 'Sent', recipient: 'procurement@evergreen-schools.example' })), 'delivery="email"', (el) => el.state === 'sent' && !!el.shadowRoot!.querySelector('[part~=message]')),
  error: linkWith(() => apiFailure(503, 'upstream_unavailable', 'Busy.', true), '', is('error')),
  'staff form': linkWith(() => json(invitation()), 'options customer-code="C-1005"', (el) => !!el.shadowRoot!.querySelector('select option'), () => undefined),
  'staff, sent': linkWith(() => json(invitation({ deliveryMethod: 'Email', requestLink: null, emailStatus: 'Sent' })), 'options customer-code="C-1005"', (el) => el.state === 'sent' && !!el.shadowRoot!.querySelector('button'), (el) => el.request({ deliveryMethod: 'Email', recipient: 'procurement@evergreen-schools.example' })),
  'staff, ready with copy': linkWith(() => json(invitation()), 'options customer-code="C-1005"', (el) => el.state === 'ready' && !!el.shadowRoot!.querySelector('[part~=copy]'), (el) => el.request({ deliveryMethod: 'Download' })),
};

async function lookupIn(style: string, typed: string, settled: (el: CustomerLookupElement) => boolean, choose = false): Promise<Element> {
  stubApi(answers(() => json(verdict('missing'))), '*');
  const host = await fixture<HTMLDivElement>(html`<div style=${style}><customer-lookup token-endpoint=${freshEndpoint()} debounce-ms="0"></customer-lookup></div>`);
  const el = host.querySelector<CustomerLookupElement>('customer-lookup')!;
  await el.updateComplete;
  if (typed) {
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    input.value = typed;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await waitUntil(() => settled(el) || (choose && el.state === 'results'), `state ${el.state}`, { timeout: 5000 });
  if (choose) {
    el.shadowRoot!.querySelector<HTMLElement>('[role=option]')!.click();
    await waitUntil(() => settled(el), `state ${el.state}`);
  }
  await el.updateComplete;
  return el;
}

/** Every state of `<customer-lookup>`. */
const LOOKUP_STATES: Record<string, Mount> = {
  idle: (style) => lookupIn(style, '', is('idle')),
  results: (style) => lookupIn(style, 'Ever', (el) => el.state === 'results' && !!el.shadowRoot!.querySelector('[role=option]')),
  'no results': (style) => lookupIn(style, 'zzz', is('no-results')),
  selected: (style) => lookupIn(style, 'Ever', is('selected'), true),
};

async function uploadIn(style: string): Promise<Element> {
  stubApi(answers(() => json(verdict('missing'))), '*');
  const host = await fixture<HTMLDivElement>(html`<div style=${style}><cert-upload token-endpoint=${freshEndpoint()} customer-code="C-1005" region="WA"></cert-upload></div>`);
  const el = host.querySelector<CertUploadElement>('cert-upload')!;
  await waitUntil(() => el.state === 'idle', `state ${el.state}`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** `<cert-upload>`: the form, and the form with every field refused. */
const UPLOAD_STATES: Record<string, Mount> = {
  form: uploadIn,
  'form with errors': async (style) => {
    const el = (await uploadIn(style)) as CertUploadElement;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=summary]'), 'no summary');
    return el;
  },
};

describe('themes', () => {
  const saved = { ...timings };
  beforeEach(() => Object.assign(timings, { retries: 0, autoRetries: 0, pollFirstMs: 5_000 }));
  afterEach(() => {
    sinon.restore();
    Object.assign(timings, saved);
  });
  after(() => held.open());

  describe('the page’s colour scheme, not the operating system’s', () => {
    for (const [scheme, expected] of [['light', WHITE], ['dark', NIGHT]] as const) {
      it(`a ${scheme} page gets a ${scheme} element, whatever the OS prefers (one of the two is not the OS's)`, async () => {
        stubApi(() => json(verdict('exempt')));
        const el = await statusIn(`color-scheme: ${scheme}`, 'region="WA"', is('exempt'));
        expect(background(el)).to.equal(expected);
        await expect(el).to.be.accessible();
      });
    }

    it('a page that says nothing (color-scheme: normal) is light, even with the OS in dark mode', async () => {
      stubApi(() => json(verdict('exempt')));
      const el = await statusIn('', 'region="WA"', is('exempt'));
      expect(background(el)).to.equal(WHITE);
    });

    it('the page switching scheme is followed at once', async () => {
      stubApi(() => json(verdict('missing')));
      const el = await statusIn('color-scheme: light', 'region="WA"', is('missing'));
      (el.parentElement as HTMLElement).style.colorScheme = 'dark';
      expect(background(el)).to.equal(NIGHT);
    });

    for (const [theme, page, expected] of [['light', 'dark', WHITE], ['dark', 'light', NIGHT]] as const) {
      it(`theme="${theme}" pins ${theme} on a ${page} page`, async () => {
        stubApi(() => json(verdict('exempt')));
        const el = await statusIn(`color-scheme: ${page}`, `theme="${theme}" region="WA"`, is('exempt'));
        expect(background(el)).to.equal(expected);
      });
    }

    it('theme="auto" follows the operating system', async () => {
      stubApi(() => json(verdict('exempt')));
      const el = await statusIn('color-scheme: light', 'theme="auto" region="WA"', is('exempt'));
      expect(background(el)).to.equal(matchMedia('(prefers-color-scheme: dark)').matches ? NIGHT : WHITE);
    });

    it('the lookup’s label sits on the page’s own colours, not in a dark block', async () => {
      const el = await lookupIn('color-scheme: light', '', is('idle'));
      expect(background(el)).to.equal(WHITE);
      expect(getComputedStyle(el.shadowRoot!.querySelector('label')!).color).to.equal('rgb(31, 35, 40)');
    });
  });

  for (const [element, states] of [['<cert-status>', STATUS_STATES], ['<certexpress-link>', LINK_STATES], ['<customer-lookup>', LOOKUP_STATES], ['<cert-upload>', UPLOAD_STATES]] as const) {
    describe(`${element}: every state accessible on every page`, () => {
      for (const [state, mount] of Object.entries(states)) {
        for (const [scheme, style] of Object.entries(SCHEMES)) {
          it(`${state}, ${scheme}`, async () => {
            sinon.stub(console, 'warn');
            const el = await mount(style);
            await expect(el).to.be.accessible();
          });
        }
      }
    });
  }
});
