import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import type { StatusVerdict, TokenResponse } from '../../src/client/contract.js';
import { freshEndpoint, resetBackend, setRole } from './fixtures/backend.js';

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const token = (customerCode = 'C-1001'): TokenResponse =>
  ({ token: 'tok', expiresAt: new Date(Date.now() + 600_000).toISOString(), customerCode, apiBase: '/stub-api' });

const verdict = (status: StatusVerdict['status']): StatusVerdict => ({
  customerCode: 'C-1001',
  zone: { country: 'US', region: 'WA', name: 'Washington' },
  status,
  certificate: status === 'missing' ? null : {
    id: 1, exemptionReason: 'RESALE', signedDate: '2025-01-02', expirationDate: '2027-01-01', exposureZone: 'Washington', documentAvailable: true,
  },
  checkedAt: new Date().toISOString(),
});

describe('<cert-status> states', () => {
  afterEach(() => sinon.restore());

  it('reserves its height while loading and does not shift when the status arrives', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    sinon.stub(window, 'fetch').callsFake(async (input) => {
      if (String(input).includes('token')) return json(token());
      await gate;
      return json(verdict('exempt'));
    });
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} region="WA"></cert-status>`);
    expect(el.state).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[part~=label]')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
    const loadingHeight = el.getBoundingClientRect().height;
    const change = oneEvent(el, 'cert-status-change');
    release();
    await change;
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.equal(loadingHeight);
  });

  for (const status of ['exempt', 'expiring', 'pending', 'expired', 'invalid', 'missing'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${status} in the ${theme} theme: text plus icon, accessible (contrast included)`, async () => {
        sinon.stub(window, 'fetch').callsFake(async (input) => json(String(input).includes('token') ? token() : verdict(status)));
        const el = await fixture<CertStatusElement>(html`<cert-status theme=${theme} token-endpoint=${freshEndpoint()} region="WA"><a slot="missing" href="#x">Upload one</a></cert-status>`);
        await waitUntil(() => el.state === status);
        await el.updateComplete;
        const icon = el.shadowRoot!.querySelector('[part~=icon]')!.textContent;
        expect(icon).to.not.equal('');
        expect(icon, 'a settled status must not look like work in progress').to.not.equal('…');
        expect(el.shadowRoot!.querySelector('[part~=label]')!.textContent!.length).to.be.greaterThan(3);
        const slot = el.shadowRoot!.querySelector('slot[name=missing]');
        expect(Boolean(slot)).to.equal(['missing', 'expired', 'invalid'].includes(status));
        await expect(el).to.be.accessible();
      });
    }
  }

  it('compact renders a one-line badge', async () => {
    sinon.stub(window, 'fetch').callsFake(async (input) => json(String(input).includes('token') ? token() : verdict('exempt')));
    const el = await fixture<CertStatusElement>(html`<cert-status compact token-endpoint=${freshEndpoint()} region="WA"></cert-status>`);
    await waitUntil(() => el.state === 'exempt');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=details]')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.be.lessThan(40);
    await expect(el).to.be.accessible();
  });

  it('refresh() loads again past the page cache', async () => {
    const stub = sinon.stub(window, 'fetch').callsFake(async (input) => json(String(input).includes('token') ? token() : verdict('missing')));
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} region="WA"></cert-status>`);
    await waitUntil(() => el.state === 'missing');
    stub.callsFake(async (input) => json(String(input).includes('token') ? token() : verdict('exempt')));
    const change = oneEvent(el, 'cert-status-change');
    el.refresh();
    expect((await change).detail.status).to.equal('exempt');
  });

  for (const [attrs, name] of [
    ['region="WA"', 'token-endpoint'],
    ['token-endpoint="/t" country="USA"', 'country'],
    ['token-endpoint="/t" region="Washington"', 'region'],
    ['token-endpoint="/t" token-credentials="omit"', 'token-credentials'],
  ] as const) {
    it(`a bad or missing ${name} shows a configuration error naming it`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const failed = oneEvent(host, 'cert-error');
      host.innerHTML = `<cert-status ${attrs}></cert-status>`;
      const { detail } = await failed;
      expect(detail).to.include({ code: 'configuration_error', retryable: false });
      expect(detail.message).to.contain(name);
      const el = host.querySelector('cert-status')!;
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect(el.shadowRoot!.textContent).to.contain('Configuration error').and.contain(name);
      await expect(el).to.be.accessible();
    });
  }

  it('the retry button is reachable with Tab and works with Enter', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const stub = sinon.stub(window, 'fetch').callsFake(async (input) =>
      String(input).includes('token') ? json(token()) : json({ error: { code: 'upstream_unavailable', message: 'Busy.', retryable: true } }, 503));
    const { timings } = await import('../../src/client/timings.js');
    const saved = { ...timings };
    Object.assign(timings, { retries: 0, autoRetries: 0 });
    try {
      const host = await fixture<HTMLDivElement>(html`<div><button>before</button><cert-status token-endpoint=${freshEndpoint()} region="WA"></cert-status></div>`);
      const el = host.querySelector('cert-status')!;
      await waitUntil(() => el.state === 'error');
      await el.updateComplete;
      stub.callsFake(async (input) => json(String(input).includes('token') ? token() : verdict('exempt')));
      host.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.state === 'exempt', `state ${el.state}`);
    } finally {
      Object.assign(timings, saved);
    }
  });

  it('uses a fetchToken callback instead of an endpoint, once for many elements', async () => {
    await resetBackend();
    setRole('customer');
    const fetchToken = sinon.spy(async ({ customerCode }: { customerCode?: string }) => {
      const res = await fetch('/cert-api/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerCode }) });
      return (await res.json()) as TokenResponse;
    });
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = '<cert-status customer-code="C-1001" region="WA"></cert-status>'.repeat(5);
    const all = [...host.querySelectorAll('cert-status')];
    for (const el of all) el.fetchToken = fetchToken;
    await Promise.all(all.map((el) => waitUntil(() => el.state === 'exempt', `state ${el.state}`, { timeout: 5000 })));
    // The callback is told which zones the page is about to ask (it may answer their verdicts).
    expect(fetchToken).to.have.been.calledOnceWith({ customerCode: 'C-1001', status: ['US-WA'] });
  });
});
