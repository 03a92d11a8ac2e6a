import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import { fastTimings, freshEndpoint, hits, injectFaults, plainEndpoint, resetBackend, setRole, useRealBackend } from './fixtures/backend.js';

const settled = (el: CertStatusElement): Promise<unknown> =>
  waitUntil(() => el.state !== 'loading', `still loading (${el.state})`, { timeout: 8000 });

async function statusOf(customer: string, region?: string, endpoint = freshEndpoint()): Promise<CertStatusElement> {
  const el = await fixture<CertStatusElement>(
    html`<cert-status token-endpoint=${endpoint} customer-code=${customer} region=${region ?? ''}></cert-status>`,
  );
  await settled(el);
  return el;
}

describe('<cert-status> against the real companion and sandbox', () => {
  useRealBackend('customer');

  const seeded: Array<[string, string, string]> = [
    ['C-1001', 'WA', 'exempt'],
    ['C-1001', 'TX', 'expiring'],
    ['C-1001', 'NV', 'missing'],
    ['C-1002', 'WA', 'expired'],
    ['C-1003', 'WA', 'pending'],
    ['C-1004', 'WA', 'invalid'],
    ['C-9999', 'WA', 'missing'],
  ];
  for (const [customer, region, status] of seeded) {
    it(`${customer} in ${region} is ${status}, accessible`, async () => {
      const el = await statusOf(customer, region);
      expect(el.state).to.equal(status);
      expect(el.verdict?.zone.region).to.equal(region);
      const label = el.shadowRoot!.querySelector('[part~=label]')!;
      expect(label.getAttribute('role')).to.equal('status');
      expect(label.textContent).to.not.equal('');
      await expect(el).to.be.accessible();
    });
  }

  it('checks again when the page comes back into view, unless a valid certificate is shown', async () => {
    const setHidden = (hidden: boolean): void => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      const missing = await statusOf('C-1001', 'NV');
      const exempt = await statusOf('C-1001', 'WA');
      expect([missing.state, exempt.state]).to.deep.equal(['missing', 'exempt']);
      await resetBackend();
      setHidden(true);
      expect(await hits('GET /v1/status'), 'nothing while hidden').to.have.length(0);
      setHidden(false);
      await waitUntil(async () => (await hits('GET /v1/status')).length === 1, 'no check on return');
      await settled(missing);
      expect(await hits('GET /v1/status'), 'one check per return, for the missing zone only').to.have.length(1);
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
  });

  it('shows zone, reason (by its name) and when the certificate ends for an exempt verdict', async () => {
    const el = await statusOf('C-1001', 'TX');
    const details = el.shadowRoot!.querySelector('[part~=details]')!.textContent!;
    expect(details).to.contain('Texas').and.contain('Reason: Resale').and.contain('Expires in 12 days, on');
  });

  it('lists every certificate on file without a region (C-1001)', async () => {
    const el = await statusOf('C-1001');
    const items = [...el.shadowRoot!.querySelectorAll('[part~=details] li')].map((li) => li.textContent);
    expect(items.length).to.equal(el.list!.certificates.length);
    expect(items.join(' ')).to.contain('Washington').and.contain('California').and.contain('Texas');
    expect(el.state).to.equal('exempt');
    await expect(el).to.be.accessible();
  });

  it('fires cert-status-change with the verdict', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const change = oneEvent(host, 'cert-status-change');
    host.innerHTML = `<cert-status token-endpoint="${freshEndpoint()}" customer-code="C-1002" region="WA"></cert-status>`;
    const { detail } = await change;
    expect(detail.status).to.equal('expired');
    expect(detail.certificate?.exemptionReason).to.equal('CHARITABLE/EXEMPT ORG');
  });

  /** 50 compact elements of C-1001 over three zones, all settled. */
  async function fiftyElements(endpoint: string): Promise<CertStatusElement[]> {
    const regions = ['WA', 'TX', 'NV'];
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = Array.from({ length: 50 }, (_, i) =>
      `<cert-status compact token-endpoint="${endpoint}" customer-code="C-1001" region="${regions[i % 3]}"></cert-status>`,
    ).join('');
    const all = [...host.querySelectorAll('cert-status')];
    await Promise.all(all.map(settled));
    expect(all.map((el) => el.state)).to.include.members(['exempt', 'expiring', 'missing']);
    expect(await hits('POST /token')).to.have.length(1);
    return all;
  }

  it('50 elements for one customer cost 1 token request, which brings every verdict along', async () => {
    const all = await fiftyElements(freshEndpoint());
    expect(await hits('GET /v1/status'), 'the token answer carried the three verdicts').to.have.length(0);
    // Later asks (a refresh) are ordinary status requests: the verdicts that came along are used once.
    all[0]!.refresh();
    await waitUntil(async () => (await hits('GET /v1/status')).length === 1);
  });

  it("50 elements for one customer, with a host's token endpoint that ignores the zones: 1 token request and 1 status request per zone", async () => {
    await fiftyElements(plainEndpoint());
    expect(await hits('GET /v1/status')).to.have.length(3);
  });

  it('a staff grid of N customers costs 1 token request and ceil(N/100) batch calls', async () => {
    setRole('staff');
    const endpoint = freshEndpoint();
    const customers = ['C-1001', 'C-1002', 'C-1003', 'C-1004', 'C-1005', 'C-9999'];
    const rows = Array.from({ length: 120 }, (_, i) => customers[i % customers.length]!);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    // 120 elements, but only 6 distinct (customer, zone) asks after coalescing… so vary the zone too.
    const zones = ['WA', 'OR', 'CA', 'TX', 'NV', 'ID', 'UT', 'AZ', 'CO', 'NM', 'MT', 'WY', 'ND', 'SD', 'NE', 'KS', 'OK', 'MN', 'IA', 'MO'];
    host.innerHTML = rows
      .map((c, i) => `<cert-status compact token-endpoint="${endpoint}" customer-code="${c}" region="${zones[i % zones.length]}"></cert-status>`)
      .join('');
    const all = [...host.querySelectorAll('cert-status')];
    await Promise.all(all.map(settled));
    expect(all.every((el) => el.state !== 'error'), all.map((el) => el.error?.message).join()).to.equal(true);
    expect(all[0]!.state).to.equal('exempt'); // C-1001 in WA
    const distinct = new Set(rows.map((c, i) => `${c} ${zones[i % zones.length]}`)).size;
    expect(await hits('POST /token')).to.have.length(1);
    expect(await hits('POST /v1/status/batch')).to.have.length(Math.ceil(distinct / 100));
    expect(await hits('GET /v1/status')).to.have.length(0);
  });

  it('a 401 from the API gets one new token and a successful retry', async () => {
    const endpoint = plainEndpoint();
    await statusOf('C-1001', 'WA', endpoint);
    await resetBackend();
    await injectFaults({ unauthorized: 1 });
    const el = await statusOf('C-1001', 'CA', endpoint);
    expect(el.state).to.equal('exempt');
    expect(await hits('POST /token')).to.have.length(1);
    expect(await hits('GET /v1/status')).to.have.length(2);
  });

  it('a 503 is retried automatically and then succeeds', async () => {
    await injectFaults({ unavailable: 2 });
    const el = await statusOf('C-1001', 'WA', plainEndpoint());
    expect(el.state).to.equal('exempt');
    expect(await hits('GET /v1/status')).to.have.length(3);
  });

  it('a hung request ends in a timeout state with a retry button that recovers', async () => {
    fastTimings({ requestTimeoutMs: 150, retries: 1, autoRetries: 0 });
    await injectFaults({ hang: true });
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const failed = oneEvent(host, 'cert-error');
    host.innerHTML = `<cert-status token-endpoint="${plainEndpoint()}" customer-code="C-1001" region="WA"></cert-status>`;
    const el = host.querySelector('cert-status')!;
    const { detail } = await failed;
    expect(detail).to.include({ code: 'timeout', retryable: true });
    await el.updateComplete;
    expect(el.state).to.equal('error');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=button]')!;
    expect(button.textContent).to.equal('Try again');
    await expect(el).to.be.accessible();
    await resetBackend();
    button.click();
    await waitUntil(() => el.state === 'exempt', 'retry did not recover', { timeout: 5000 });
  });

  it('signed out (401 from the token endpoint) and not allowed (403)', async () => {
    for (const [role, state, code] of [['anonymous', 'signed-out', 'unauthorized'], ['forbidden', 'not-allowed', 'forbidden']] as const) {
      setRole(role);
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const failed = oneEvent(host, 'cert-error');
      host.innerHTML = `<cert-status token-endpoint="${freshEndpoint()}" customer-code="C-1001" region="WA"></cert-status>`;
      expect((await failed).detail.code).to.equal(code);
      const el = host.querySelector('cert-status')!;
      await el.updateComplete;
      expect(el.state).to.equal(state);
      await expect(el).to.be.accessible();
    }
  });

  it('speaks Spanish and French from the nearest lang', async () => {
    for (const [lang, text] of [['es', 'Certificado registrado'], ['fr', 'Certificat enregistré']] as const) {
      const host = await fixture<HTMLDivElement>(html`<div lang=${lang}><cert-status token-endpoint=${freshEndpoint()} customer-code="C-1001" region="WA"></cert-status></div>`);
      const el = host.querySelector('cert-status')!;
      await settled(el);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~=label]')!.textContent).to.equal(text);
    }
  });
});
