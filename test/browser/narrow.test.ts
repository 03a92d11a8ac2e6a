// Phone width: on a 375 px screen (a 343 px column once the page's margins are taken), nothing
// of any element runs past its column, in its longest states and languages.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { CertExpressLinkElement } from '../../src/elements/certexpress-link/certexpress-link.js';
import type { CustomerLookupElement } from '../../src/elements/customer-lookup/customer-lookup.js';
import { freshEndpoint } from './fixtures/backend.js';
import { certificate, dayFromToday, invitation, json, list, openRequest, stubApi, verdict, type Call } from './fixtures/stub-api.js';

const COLUMN = 343;

/** Every box in `el`'s shadow tree (and the element) that runs past the column, described. */
function overflowing(el: Element, column: Element): string[] {
  const right = column.getBoundingClientRect().right + 0.5;
  const boxes = [el, ...el.shadowRoot!.querySelectorAll('*')].filter((node) => !(node as HTMLElement).closest?.('.sr') && getComputedStyle(node).display !== 'none');
  return boxes
    .filter((node) => node.getBoundingClientRect().right > right && node.getBoundingClientRect().width > 0)
    .map((node) => `${node.localName}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''} ends at ${Math.round(node.getBoundingClientRect().right)} px`);
}

const LONG_REASON = certificate({ exemptionReason: 'CHARITABLE/EXEMPT ORG', expirationDate: dayFromToday(12), documentAvailable: true });

function companion(call: Call): Response | undefined {
  const path = call.url.pathname;
  const region = call.url.searchParams.get('region');
  if (path.endsWith('/v1/status')) {
    if (!region) return json(list(['British Columbia', 'BC', 'exempt', { documentAvailable: true, exemptionReason: 'CHARITABLE/EXEMPT ORG' }], ['Texas', 'TX', 'expiring', { expirationDate: dayFromToday(12), documentAvailable: true }]));
    if (region === 'WA') return json(verdict('expiring', { certificate: LONG_REASON }));
    return json(verdict('missing', { request: openRequest({ recipient: 'procurement.department@evergreen-school-district.example' }) }));
  }
  if (path.includes('/v1/invitations')) return json(invitation({ deliveryMethod: 'Email', requestLink: null, emailStatus: 'Sent', recipient: 'procurement.department@evergreen-school-district.example' }));
  if (path.endsWith('/v1/cover-letters')) return json({ coverLetters: [{ title: 'STANDARD_REQUEST', subject: 's', description: 'Standard request for an exemption certificate, with a long description' }] });
  if (path.endsWith('/v1/customers')) {
    return json({ customers: [{ customerCode: 'G-000123', name: 'Evergreen Consolidated School District Number Nine', city: 'Port Townsend', region: 'WA', country: 'US', postalCode: null, emailAddress: 'procurement.department@evergreen-school-district.example', faxNumber: null }], total: 1 });
  }
  if (path.endsWith('/v1/exposure-zones')) return json({ exposureZones: [{ id: 1, name: 'District of Columbia', country: 'US', region: 'DC' }] });
  if (path.endsWith('/v1/exemption-reasons')) return json({ exemptionReasons: [{ id: 1, name: 'CHARITABLE/EXEMPT ORG' }] });
  return undefined;
}

async function column(lang: string, inner: string, staff = false): Promise<HTMLDivElement> {
  stubApi(companion, staff ? '*' : 'C-1001');
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: ${COLUMN}px"></div>`);
  host.innerHTML = inner.replaceAll('TOKEN', freshEndpoint());
  return host;
}

const settled = (el: Element | null, test: (el: Element) => boolean): Promise<unknown> =>
  waitUntil(() => el && test(el), `${el?.localName} ${el?.getAttribute('state')}`, { timeout: 5000 });

describe('at phone width (375 px)', () => {
  afterEach(() => sinon.restore());

  for (const lang of ['en', 'es', 'fr']) {
    it(`<cert-status>: a long reason and a date, the list with its buttons, a request to a long address, a compact cell (${lang})`, async () => {
      const host = await column(lang, `
        <cert-status token-endpoint="TOKEN" customer-code="C-1001" region="WA"></cert-status>
        <cert-status token-endpoint="TOKEN" customer-code="C-1001"></cert-status>
        <cert-status token-endpoint="TOKEN" customer-code="C-1001" region="NV"><certexpress-link slot="missing" token-endpoint="TOKEN" customer-code="C-1001" region="NV"></certexpress-link></cert-status>
        <cert-status token-endpoint="TOKEN" customer-code="C-1001" region="OR"></cert-status>
        <cert-status compact token-endpoint="TOKEN" customer-code="C-1001" region="WA"></cert-status>`);
      const all = [...host.querySelectorAll('cert-status')];
      for (const el of all) await settled(el, (e) => !/^(loading|)$/.test(e.getAttribute('state') ?? ''));
      await settled(all[0]!, (e) => !!e.shadowRoot!.querySelector('[part~=document]'));
      await settled(all[3]!, (e) => !!e.shadowRoot!.querySelector('[part~=request]'));
      const link = host.querySelector<CertExpressLinkElement>('certexpress-link')!;
      await settled(link, (e) => !!e.shadowRoot!.querySelector('[part~=message]'));
      for (const el of [...all, link]) {
        await (el as CertExpressLinkElement).updateComplete;
        expect(overflowing(el, host), el.outerHTML.slice(0, 80)).to.deep.equal([]);
      }
    });

    it(`<certexpress-link>: the staff form and a request sent to a long address (${lang})`, async () => {
      const host = await column(lang, `
        <certexpress-link options token-endpoint="TOKEN" customer-code="G-000123" region="WA"></certexpress-link>
        <certexpress-link delivery="email" token-endpoint="TOKEN" customer-code="G-000123" region="WA"></certexpress-link>`, true);
      const [form, buyer] = [...host.querySelectorAll<CertExpressLinkElement>('certexpress-link')] as [CertExpressLinkElement, CertExpressLinkElement];
      await settled(form, (e) => !!e.shadowRoot!.querySelector('select option'));
      buyer.request();
      await settled(buyer, (e) => e.getAttribute('state') === 'sent' && !!e.shadowRoot!.querySelector('[part~=message]'));
      for (const el of [form, buyer]) expect(overflowing(el, host)).to.deep.equal([]);
    });

    it(`<customer-lookup> with a long name chosen, and <cert-upload>'s form (${lang})`, async () => {
      const host = await column(lang, `
        <customer-lookup token-endpoint="TOKEN" debounce-ms="0"></customer-lookup>
        <cert-upload token-endpoint="TOKEN" customer-code="G-000123" region="DC"></cert-upload>`, true);
      const lookup = host.querySelector<CustomerLookupElement>('customer-lookup')!;
      await lookup.updateComplete;
      const input = lookup.shadowRoot!.querySelector('input')!;
      input.focus();
      input.value = 'Evergreen';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await settled(lookup, (e) => !!e.shadowRoot!.querySelector('[role=option]'));
      expect(overflowing(lookup, host), 'with its results').to.deep.equal([]);
      lookup.shadowRoot!.querySelector<HTMLElement>('[role=option]')!.click();
      await settled(lookup, (e) => e.getAttribute('state') === 'selected');
      const upload = host.querySelector('cert-upload')!;
      await settled(upload, (e) => e.getAttribute('state') === 'idle');
      for (const el of [lookup, upload]) expect(overflowing(el, host)).to.deep.equal([]);
    });
  }
});
