// What the elements say, as a buyer reads it: dates in the tense they are in, reasons by their
// names, French typography, work in progress without a doubled ellipsis, one message for an
// unreachable service, errors that offer only what helps (details in the event and console).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import type { CertExpressLinkElement } from '../../src/elements/certexpress-link/certexpress-link.js';
import { timings } from '../../src/client/timings.js';
import { freshEndpoint } from './fixtures/backend.js';
import { apiFailure, certificate, dayFromToday, gate, invitation, json, list, stubApi, verdict } from './fixtures/stub-api.js';

const text = (el: Element, part: string): string => el.shadowRoot!.querySelector(`[part~=${part}]`)?.textContent ?? '';

async function status(attrs: { lang?: string; region?: string; hideZone?: boolean } = {}): Promise<CertStatusElement> {
  const host = await fixture<HTMLDivElement>(html`<div lang=${attrs.lang ?? 'en'}></div>`);
  host.innerHTML = `<cert-status token-endpoint="${freshEndpoint()}" ${attrs.region === '' ? '' : `region="${attrs.region ?? 'WA'}"`} ${attrs.hideZone ? 'hide-zone' : ''}></cert-status>`;
  const el = host.querySelector<CertStatusElement>('cert-status')!;
  await waitUntil(() => !/^(loading|)$/.test(el.state), `state ${el.state}`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

describe('what the elements say', () => {
  const saved = { ...timings };
  afterEach(() => {
    sinon.restore();
    Object.assign(timings, saved);
  });

  describe('when a certificate ends, in the tense it is in', () => {
    const cases = [
      // [status, days from today, en, es, fr]
      ['expired', -30, /^Expired on \w{3} \d{1,2}, \d{4}$/, /^Venció el \d{1,2} \S+ \d{4}$/, /^A expiré le \d{1,2} \S+ \d{4}$/],
      ['expiring', 12, /^Expires in 12 days, on \w{3} \d{1,2}, \d{4}$/, /^Vence dentro de 12 días, el \d{1,2} \S+ \d{4}$/, /^Expire dans 12 jours, le \d{1,2} \S+ \d{4}$/],
      ['expiring', 1, /^Expires tomorrow, on /, /^Vence mañana, el /, /^Expire demain, le /],
      ['expiring', 0, /^Expires today, on /, /^Vence hoy, el /, /^Expire aujourd’hui, le /],
      ['exempt', 400, /^Expires on \w{3} \d{1,2}, \d{4}$/, /^Vence el \d{1,2} \S+ \d{4}$/, /^Expire le \d{1,2} \S+ \d{4}$/],
    ] as const;
    for (const [state, days, ...expected] of cases) {
      (['en', 'es', 'fr'] as const).forEach((lang, i) => {
        it(`${state}, ${days} days from today (${lang})`, async () => {
          stubApi(() => json(verdict(state, { certificate: certificate({ expirationDate: dayFromToday(days) }) })));
          const el = await status({ lang });
          const end = text(el, 'details').split(' · ').at(-1)!;
          // The date never breaks across lines ("Dec / 13, 2026").
          expect(end.replace(/\u00a0/g, ' ')).to.match(expected[i]!);
          expect(end).to.not.match(/\d, \d/, 'spaces in the date are no-break spaces');
        });
      });
    }

    it('no end date, on one line', async () => {
      stubApi(() => json(verdict('exempt', { certificate: certificate({ expirationDate: null }) })));
      const el = await status();
      expect(text(el, 'details')).to.equal('Washington · Reason: Resale · No\u00a0end\u00a0date');
    });
  });

  for (const [lang, expected] of [
    ['en', 'Washington · Reason: Charitable or exempt organization'],
    ['es', 'Washington · Motivo: Organización benéfica o exenta'],
    ['fr', 'Washington · Motif\u00a0: Organisme de bienfaisance ou exonéré'],
  ] as const) {
    it(`names the exemption reason instead of its code (${lang}; French with a no-break space before the colon)`, async () => {
      stubApi(() => json(verdict('exempt', { certificate: certificate({ exemptionReason: 'CHARITABLE/EXEMPT ORG' }) })));
      const el = await status({ lang });
      expect(text(el, 'details')).to.contain(expected);
      expect(text(el, 'details')).to.not.contain('CHARITABLE');
    });
  }

  it('a reason AvaTax added since is shown by its code rather than not at all', async () => {
    stubApi(() => json(verdict('exempt', { certificate: certificate({ exemptionReason: 'ENERGY STAR' }) })));
    expect(text(await status(), 'details')).to.contain('Reason: ENERGY STAR');
  });

  it('list mode: counts through Intl, each zone with its status and its own wording', async () => {
    stubApi(() => json(list(['California', 'CA', 'exempt', { expirationDate: null }], ['Texas', 'TX', 'expiring', { expirationDate: dayFromToday(12) }], ['Oregon', 'OR', 'expired', { expirationDate: dayFromToday(-3) }])));
    const el = await status({ region: '', lang: 'fr' });
    expect(text(el, 'label')).to.equal('Certificats enregistrés (3)');
    const items = [...el.shadowRoot!.querySelectorAll('[part~=details] li')].map((li) => li.textContent!.replace(/\u00a0/g, ' '));
    expect(items[0]).to.equal('California : Certificat enregistré · Motif : Revente · Sans date d’expiration');
    expect(items[1]).to.match(/^Texas : Le certificat expire bientôt · Motif : Revente · Expire dans 12 jours, le /);
    expect(items[2]).to.match(/^Oregon : Certificat expiré · Motif : Revente · A expiré le /);
  });

  it('hide-zone leaves the zone out when the page names it already, and can be set at any time', async () => {
    stubApi(() => json(verdict('exempt')));
    const el = await status({ hideZone: true });
    expect(text(el, 'details')).to.match(/^Reason: Resale · Expires on /);
    el.hideZone = false;
    await el.updateComplete;
    expect(text(el, 'details')).to.match(/^Washington · Reason: Resale/);
    // Only the words changed: nothing was asked again (token and status, once).
    expect((window.fetch as sinon.SinonStub).callCount).to.equal(2);
  });

  it('hide-zone with no certificate leaves no empty line', async () => {
    stubApi(() => json(verdict('missing')));
    const el = await status({ hideZone: true });
    expect(el.shadowRoot!.querySelector('[part~=details]')).to.equal(null);
  });

  it('work in progress has one ellipsis: the text’s, no icon', async () => {
    const held = gate();
    stubApi(async () => {
      await held.wait;
      return json(verdict('exempt'));
    });
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} region="WA"></cert-status>`);
    await waitUntil(() => text(el, 'label'), 'no label');
    expect(el.state).to.equal('loading');
    expect(text(el, 'icon')).to.equal('');
    expect(text(el, 'badge').trim()).to.equal('Checking certificate…');
    held.open();
  });

  it('an emailed request says it is being sent, never "Preparing form…"', async () => {
    const created = gate();
    const polled = gate();
    stubApi(async ({ method, url }) => {
      if (url.pathname.endsWith('/v1/status')) return json(verdict('missing'));
      if (method === 'POST') {
        await created.wait;
        return json(invitation({ status: 'InProgress', deliveryMethod: 'Email', requestLink: null }));
      }
      await polled.wait;
      return json(invitation({ deliveryMethod: 'Email', requestLink: null, emailStatus: 'Sent', recipient: 'procurement@evergreen-schools.example' }));
    });
    Object.assign(timings, { pollFirstMs: 10 });
    const link = await fixture<CertExpressLinkElement>(html`<certexpress-link token-endpoint=${freshEndpoint()} region="WA" delivery="email"></certexpress-link>`);
    await waitUntil(() => link.shadowRoot!.querySelector('button'), 'no button');
    link.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => link.state === 'creating');
    await link.updateComplete;
    expect(text(link, 'label')).to.equal('Sending request…');
    created.open();
    await waitUntil(() => link.state === 'preparing');
    await link.updateComplete;
    expect(text(link, 'label')).to.equal('Sending request…');
    polled.open();
    await waitUntil(() => link.state === 'sent');
    expect(text(link, 'label')).to.equal('Request sent');
  });

  it('a Download request prepares the form', async () => {
    const polled = gate();
    stubApi(async ({ method, url }) => {
      if (url.pathname.endsWith('/v1/status')) return json(verdict('missing'));
      if (method === 'POST') return json(invitation({ status: 'InProgress', requestLink: null }));
      await polled.wait;
      return json(invitation());
    });
    Object.assign(timings, { pollFirstMs: 10 });
    const link = await fixture<CertExpressLinkElement>(html`<certexpress-link token-endpoint=${freshEndpoint()} region="WA"></certexpress-link>`);
    link.request();
    await waitUntil(() => link.state === 'preparing');
    await link.updateComplete;
    expect(text(link, 'label')).to.equal('Preparing form…');
    polled.open();
  });

  describe('errors', () => {
    beforeEach(() => Object.assign(timings, { retries: 0, autoRetries: 0 }));

    it('an unreachable service reads the same in every element and every cause: busy, offline, slow', async () => {
      const messages: string[] = [];
      for (const failure of [
        () => apiFailure(503, 'upstream_unavailable', 'The certificate service is not reachable right now. Try again shortly.', true),
        () => Promise.reject(new TypeError('Failed to fetch')),
      ]) {
        sinon.restore();
        sinon.stub(console, 'warn');
        stubApi(failure);
        const el = await status();
        expect(el.state).to.equal('error');
        messages.push(text(el, 'message'));
        const link = await fixture<CertExpressLinkElement>(html`<certexpress-link token-endpoint=${freshEndpoint()} region="WA"></certexpress-link>`);
        link.request();
        await waitUntil(() => link.state === 'error', `link ${link.state}`);
        await link.updateComplete;
        messages.push(text(link, 'message'));
        expect(link.shadowRoot!.querySelector('[part~=button]')!.textContent, 'trying again can help').to.equal('Try again');
      }
      expect(new Set(messages)).to.deep.equal(new Set(['The certificate service can’t be reached right now.']));
    });

    for (const [lang, words] of [['en', 'contact us'], ['es', 'contáctenos'], ['fr', 'contactez-nous']] as const) {
      it(`a failure that trying again cannot mend: the buyer’s language, no retry; the detail in cert-error and the console (${lang})`, async () => {
        const warn = sinon.stub(console, 'warn');
        const detail = 'The certificate service refused the companion’s credentials. Contact the site administrator.';
        stubApi(() => apiFailure(502, 'upstream_error', detail, false));
        const host = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
        const failed = oneEvent(host, 'cert-error');
        host.innerHTML = `<cert-status token-endpoint="${freshEndpoint()}" region="WA"></cert-status>`;
        const event = await failed;
        expect(event.detail).to.include({ code: 'upstream_error', message: detail, retryable: false });
        const el = host.querySelector<CertStatusElement>('cert-status')!;
        await el.updateComplete;
        expect(text(el, 'message')).to.contain(words).and.not.contain('credentials');
        expect(el.shadowRoot!.querySelector('button')).to.equal(null);
        expect(warn.args.map((a) => String(a[0])).join()).to.contain('<cert-status> upstream_error: ').and.contain('credentials');
        await expect(el).to.be.accessible();
      });
    }

    it('signed out and not allowed say so, without a retry', async () => {
      for (const [code, state, label] of [['unauthorized', 'signed-out', 'Please sign in'], ['forbidden', 'not-allowed', 'Not allowed']] as const) {
        sinon.restore();
        stubApi(() => apiFailure(code === 'unauthorized' ? 401 : 403, code, 'No.', false));
        const el = await status();
        expect(el.state).to.equal(state);
        expect(text(el, 'label')).to.equal(label);
        expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      }
    });
  });
});
