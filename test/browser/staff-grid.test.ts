import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/define-cert-status.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import { freshEndpoint, hits, resetBackend, setRole, useRealBackend } from './fixtures/backend.js';

const settled = (el: CertStatusElement): Promise<unknown> =>
  waitUntil(() => el.state !== 'loading', `still loading (${el.state})`, { timeout: 8000 });

/** A minimal but real PDF: the companion recognises files by content. */
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

async function uploadFor(customerCode: string, region: string): Promise<void> {
  const { token } = (await (await fetch('/cert-api/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerCode }) })).json()) as { token: string };
  const form = new FormData();
  form.set('file', new Blob([PDF], { type: 'application/pdf' }), 'cert.pdf');
  for (const [k, v] of Object.entries({ country: 'US', region, exemptionReason: 'RESALE', signedDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) })) form.set(k, v);
  const res = await fetch('/cert-api/v1/certificates', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
}

describe('staff grids and refresh after uploads', () => {
  useRealBackend();

  it('250 compact badges over generated customers, mixed regions: 1 token request, 3 batch calls', async () => {
    setRole('staff');
    const endpoint = freshEndpoint();
    const regions = ['WA', 'OR', 'CA', 'TX', 'NY', 'ON'];
    const rows = Array.from({ length: 250 }, (_, i) => {
      const region = regions[i % regions.length]!;
      return { code: `G-${String(i + 1).padStart(6, '0')}`, region, country: region === 'ON' ? 'CA' : 'US' };
    });
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = rows
      .map((r) => `<cert-status compact token-endpoint="${endpoint}" customer-code="${r.code}" country="${r.country}" region="${r.region}"></cert-status>`)
      .join('');
    const all = [...host.querySelectorAll('cert-status')];
    await Promise.all(all.map(settled));
    const errors = all.filter((el) => el.state === 'error' || el.state === 'not-allowed');
    expect(errors.map((el) => el.error?.message), 'no cell failed').to.deep.equal([]);
    // Each cell got its own customer's verdict for its own zone.
    all.forEach((el, i) => expect([el.verdict?.customerCode, el.verdict?.zone.region]).to.deep.equal([rows[i]!.code, rows[i]!.region]));
    expect(new Set(all.map((el) => el.state)).size, 'the generated data mixes statuses').to.be.greaterThan(1);
    expect(await hits('POST /token')).to.have.length(1);
    expect(await hits('POST /v1/status/batch')).to.have.length(Math.ceil(250 / 100));
    expect(await hits('GET /v1/status')).to.have.length(0);
    // Compact cells: a badge only, no details and no document buttons.
    expect(all[0]!.shadowRoot!.querySelector('[part~=details], [part~=document]')).to.equal(null);
    await expect(all[0]!).to.be.accessible();
  });

  it('refreshes when cert-uploaded for its customer reaches the document, not for others', async () => {
    setRole('customer');
    const host = await fixture<HTMLDivElement>(html`<div>
      <cert-status token-endpoint=${freshEndpoint()} customer-code="C-1005" region="KS"></cert-status>
      <cert-status token-endpoint=${freshEndpoint()} customer-code="C-1002" region="KS"></cert-status>
    </div>`);
    const [mine, other] = [...host.querySelectorAll('cert-status')];
    await Promise.all([settled(mine!), settled(other!)]);
    expect(mine!.state).to.equal('missing');
    await uploadFor('C-1005', 'KS');
    await resetBackend();
    // Fired from inside another element's shadow root, as <cert-upload> does (bubbling, composed).
    const uploader = document.createElement('div');
    uploader.attachShadow({ mode: 'open' }).innerHTML = '<button></button>';
    host.append(uploader);
    uploader.shadowRoot!.querySelector('button')!.dispatchEvent(new CustomEvent('cert-uploaded', { detail: { customerCode: 'C-1005' }, bubbles: true, composed: true }));
    await waitUntil(() => mine!.state === 'exempt', `state ${mine!.state}`, { timeout: 5000 });
    expect(await hits('GET /v1/status')).to.have.length(1);
    expect(other!.state).to.equal('missing');
  });

  it('without a customer-code (the buyer\'s own token) any cert-uploaded refreshes; removed elements do not', async () => {
    setRole('customer');
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} region="WA"></cert-status>`);
    await settled(el);
    await resetBackend();
    document.dispatchEvent(new CustomEvent('cert-uploaded', { detail: { customerCode: 'C-1001' } }));
    await waitUntil(async () => (await hits('GET /v1/status')).length === 1, 'no refresh', { timeout: 3000 });
    el.remove();
    await resetBackend();
    document.dispatchEvent(new CustomEvent('cert-uploaded', { detail: { customerCode: 'C-1001' } }));
    await new Promise((r) => setTimeout(r, 200));
    expect(await hits('GET /v1/status')).to.have.length(0);
  });
});
