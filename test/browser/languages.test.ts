// Languages: the elements follow the page's `lang` live (no reload), a host adds a language or
// changes strings with `defineStrings` (typed, live too), and en, es and fr stay complete.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import { defineStrings, type HostStrings } from '../../src/index.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import type { CertExpressLinkElement } from '../../src/elements/certexpress-link/certexpress-link.js';
import type { Strings } from '../../src/elements/shared/i18n.js';
import en from '../../src/elements/shared/locales/en.js';
import es from '../../src/elements/shared/locales/es.js';
import fr from '../../src/elements/shared/locales/fr.js';
import { freshEndpoint } from './fixtures/backend.js';
import { json, openRequest, stubApi, verdict } from './fixtures/stub-api.js';

const text = (el: Element, part: string): string => el.shadowRoot!.querySelector(`[part~=${part}]`)?.textContent ?? '';

/** A page (`div` standing in for `<html>`) with a status, its request link and a list. */
async function page(lang: string): Promise<{ root: HTMLDivElement; zone: CertStatusElement; link: CertExpressLinkElement; all: CertStatusElement }> {
  // WA was asked for by email; NV never (its link offers the button); the list is empty.
  stubApi(({ url }) => {
    const region = url.searchParams.get('region');
    return json(region ? verdict('missing', { request: region === 'WA' ? openRequest() : null }) : { customerCode: 'C-1001', certificates: [], checkedAt: new Date().toISOString() });
  });
  const endpoint = freshEndpoint();
  const root = await fixture<HTMLDivElement>(html`<div lang=${lang}><section>
    <cert-status token-endpoint=${endpoint} region="WA"></cert-status>
    <certexpress-link token-endpoint=${endpoint} region="NV"></certexpress-link>
    <cert-status id="all" token-endpoint=${endpoint}></cert-status></section></div>`);
  const [zone, all] = [...root.querySelectorAll<CertStatusElement>('cert-status')] as [CertStatusElement, CertStatusElement];
  const link = root.querySelector<CertExpressLinkElement>('certexpress-link')!;
  await waitUntil(() => zone.state === 'missing' && all.state === 'missing' && text(zone, 'request') && text(link, 'button'), 'not rendered', { timeout: 5000 });
  return { root, zone, link, all };
}

describe('languages', () => {
  afterEach(() => sinon.restore());

  it('follow a lang that changes on the page, live: status, request, button and list', async () => {
    const { root, zone, link, all } = await page('en');
    expect([text(zone, 'label'), text(link, 'button'), text(all, 'label')]).to.deep.equal(['No certificate on file', 'Request certificate', 'No certificate on file']);
    expect(text(zone, 'request')).to.match(/^Requested on /);

    root.lang = 'fr';
    await waitUntil(() => text(zone, 'label') === 'Aucun certificat enregistré', `label ${text(zone, 'label')}`);
    await waitUntil(() => text(zone, 'request').startsWith('Demandé le '), `request ${text(zone, 'request')}`);
    await waitUntil(() => text(link, 'button') === 'Demander un certificat', `button ${text(link, 'button')}`);
    await waitUntil(() => text(all, 'label') === 'Aucun certificat enregistré');

    // Nearer lang wins, and it changes too.
    root.querySelector('section')!.setAttribute('lang', 'es-MX');
    await waitUntil(() => text(zone, 'label') === 'Ningún certificado registrado', `label ${text(zone, 'label')}`);
    await waitUntil(() => text(link, 'button') === 'Solicitar certificado');
    await expect(zone).to.be.accessible();
    // Only the words changed: no status was asked again.
    expect((window.fetch as sinon.SinonStub).args.filter(([url]) => String(url).includes('/v1/status'))).to.have.length(3);
  });

  it('an element taken off the page stops following, and follows again when put back', async () => {
    const { root, zone } = await page('en');
    const parent = zone.parentElement!;
    zone.remove();
    root.lang = 'fr';
    await new Promise((r) => setTimeout(r, 50));
    expect(text(zone, 'label')).to.equal('No certificate on file');
    parent.prepend(zone);
    await waitUntil(() => text(zone, 'label') === 'Aucun certificat enregistré', `label ${text(zone, 'label')}`);
  });

  describe('strings from the host (defineStrings)', () => {
    it('change one text of a built-in language, live, keeping the rest', async () => {
      const { zone, link } = await page('en');
      defineStrings('en', { base: { missing: 'No exemption on file yet', request: 'Send us your certificate' } });
      try {
        await waitUntil(() => text(zone, 'label') === 'No exemption on file yet', `label ${text(zone, 'label')}`);
        await waitUntil(() => text(link, 'button') === 'Send us your certificate');
        expect(text(zone, 'request'), 'other texts unchanged').to.match(/^Requested on /);
      } finally {
        defineStrings('en', { base: { missing: en.missing, request: en.request } });
      }
    });

    it('add a language: what it gives, English for the rest; every table, open requests included; en-GB-style tags too', async () => {
      const german: HostStrings = {
        base: { missing: 'Keine Bescheinigung hinterlegt', request: 'Bescheinigung anfordern', 'reason:RESALE': 'Weiterverkauf' },
        request: { requested: 'Angefragt am {date} ({ago}){how}{who} — {state}', how: { Email: ' per E-Mail', Fax: ' per Fax', Download: '' }, to: ' an {who}' },
      };
      defineStrings('de', german);
      const { zone, link } = await page('de-AT');
      expect(text(zone, 'label')).to.equal('Keine Bescheinigung hinterlegt');
      expect(text(link, 'button')).to.equal('Bescheinigung anfordern');
      // Dates and day counts through Intl in German; untranslated words in English.
      expect(text(zone, 'request')).to.match(/^Angefragt am \d+\. \S+ \(vor 3 Tagen\) per E-Mail an procurement@evergreen-schools\.example — no certificate received yet$/);
      await expect(zone).to.be.accessible();
    });

    it('are typed: keys and tables a host may give', () => {
      const strings: HostStrings = { base: { offline: 'x' }, options: { send: 'x' }, lookup: { label: 'x' }, upload: { submit: 'x' }, document: { failed: 'x' } };
      // @ts-expect-error — not a key of the shared table
      const wrong: HostStrings = { base: { mising: 'x' } };
      expect(Object.keys(strings)).to.have.length(5);
      expect(wrong).to.be.an('object');
    });
  });

  it('en, es and fr have every key, and the same exemption reasons named', () => {
    const keys = (t: Strings): string[] => Object.keys(t).sort();
    expect(keys(es)).to.deep.equal(keys(en));
    expect(keys(fr)).to.deep.equal(keys(en));
    expect(keys(en).filter((k) => k.startsWith('reason:'))).to.have.length.greaterThan(10);
    for (const table of [en, es, fr]) for (const value of Object.values(table)) expect(value).to.be.a('string').and.not.equal('');
  });

  it('French puts a no-break space before a colon, never a plain one', () => {
    for (const value of Object.values(fr)) expect(value).to.not.match(/ :|[^\u00a0]:/);
  });
});
