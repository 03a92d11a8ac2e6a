import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import type { CertExpressLinkElement } from '../../src/elements/certexpress-link/certexpress-link.js';
import { fastTimings, fileCertificate, freshEndpoint, hits, injectFaults, plainEndpoint, resetBackend, useRealBackend } from './fixtures/backend.js';

const settled = (el: { state: string }, not = 'loading'): Promise<unknown> =>
  waitUntil(() => el.state !== not, `still ${not}`, { timeout: 8000 });

const setHidden = (hidden: boolean): void => {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
};

/** Status requests seen since the last reset, as `fresh` flags in order. */
const statusReads = async (): Promise<boolean[]> => (await hits('GET /v1/status')).map((h) => h.fresh);

describe('freshness: what a person does reads AvaTax now', () => {
  useRealBackend('customer');
  afterEach(() => void delete (document as { hidden?: boolean }).hidden);

  it('ordinary loads may be cached; refresh(), cert-uploaded, a return to the tab and "Try again" are marked fresh', async () => {
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${plainEndpoint()} customer-code="C-1001" region="NV"></cert-status>`);
    await settled(el);
    expect(await statusReads()).to.deep.equal([false]);

    el.refresh();
    await waitUntil(async () => (await statusReads()).length === 2);
    document.dispatchEvent(new CustomEvent('cert-uploaded', { detail: { customerCode: 'C-1001' } }));
    await waitUntil(async () => (await statusReads()).length === 3);
    setHidden(true);
    setHidden(false);
    await waitUntil(async () => (await statusReads()).length === 4);
    expect(await statusReads()).to.deep.equal([false, true, true, true]);

    // An automatic retry is not a person's doing; the button is.
    fastTimings({ retries: 0, autoRetries: 1, autoRetryMs: 30 });
    await resetBackend();
    await injectFaults({ unavailable: 2 });
    el.refresh();
    await waitUntil(() => el.state === 'error' && el.shadowRoot!.querySelector('button') !== null, 'no error state');
    await waitUntil(async () => (await statusReads()).length === 2, 'no automatic retry');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => el.state === 'missing', 'Try again did not recover');
    expect(await statusReads()).to.deep.equal([true, true, true]);
  });

  it('after the CertExpress link was opened, the zone is watched until the certificate arrives, then left alone', async () => {
    fastTimings({ watchFirstMs: 100 });
    const endpoint = freshEndpoint();
    const box = await fixture<HTMLDivElement>(html`<div>
      <cert-status token-endpoint=${endpoint} customer-code="C-1005" region="VT"></cert-status>
      <certexpress-link token-endpoint=${endpoint} customer-code="C-1005" region="VT"></certexpress-link>
    </div>`);
    const status = box.querySelector<CertStatusElement>('cert-status')!;
    const link = box.querySelector<CertExpressLinkElement>('certexpress-link')!;
    await settled(status);
    expect(status.state).to.equal('missing');
    link.request();
    await waitUntil(() => link.state === 'ready', `link not ready (${link.state})`, { timeout: 8000 });

    // Open the form without leaving the test page.
    const stay = (e: Event): void => e.preventDefault();
    window.addEventListener('click', stay, { capture: true });
    try {
      const opened = new Promise((resolve) => link.addEventListener('certexpress-link-open', resolve, { once: true }));
      link.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~=link]')!.click();
      await opened;
    } finally {
      window.removeEventListener('click', stay, { capture: true });
    }
    await resetBackend();
    await waitUntil(async () => (await statusReads()).length >= 2, 'not watching');
    await fileCertificate('C-1005', 'Vermont');
    await waitUntil(() => status.state === 'exempt', `the new certificate was not noticed (${status.state})`, { timeout: 8000 });
    const reads = await statusReads();
    expect(reads.every((fresh) => fresh), 'every watch check reads through').to.equal(true);
    await new Promise((r) => setTimeout(r, 600));
    expect(await statusReads(), 'the watch stopped once the status changed').to.have.length(reads.length);
  });

  it('watching pauses while the page is hidden and ends with the element', async () => {
    fastTimings({ watchFirstMs: 50, pollMaxMs: 100 });
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} customer-code="C-1004" region="KS"></cert-status>`);
    await settled(el);
    const fakeLink = Object.assign(document.createElement('certexpress-link-stand-in'), { customerCode: 'C-1004', region: 'KS' });
    document.body.append(fakeLink);
    fakeLink.dispatchEvent(new CustomEvent('certexpress-link-open', { bubbles: true, composed: true, detail: { url: 'https://example.test/' } }));
    await waitUntil(async () => (await statusReads()).length >= 3, 'not watching');

    setHidden(true);
    await new Promise((r) => setTimeout(r, 150));
    await resetBackend();
    await new Promise((r) => setTimeout(r, 400));
    expect(await statusReads(), 'nothing while hidden').to.have.length(0);
    setHidden(false);
    await waitUntil(async () => (await statusReads()).length >= 2, 'watching did not resume');

    el.remove();
    await new Promise((r) => setTimeout(r, 150));
    await resetBackend();
    await new Promise((r) => setTimeout(r, 400));
    expect(await statusReads(), 'nothing after the element is gone').to.have.length(0);
    fakeLink.remove();
  });

  it('a watch gives up after its time', async () => {
    fastTimings({ watchFirstMs: 40, pollMaxMs: 60, watchForMs: 200 });
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} customer-code="C-1002" region="KS"></cert-status>`);
    await settled(el);
    el.dispatchEvent(new CustomEvent('certexpress-link-open', { bubbles: true, composed: true, detail: { url: 'https://example.test/' } }));
    // The event came from the status element itself: same customer and zone.
    await new Promise((r) => setTimeout(r, 600));
    await resetBackend();
    await new Promise((r) => setTimeout(r, 300));
    expect(await statusReads()).to.have.length(0);
  });

  it('without a country, the list covers every country the customer has certificates in', async () => {
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} customer-code="C-1006"></cert-status>`);
    await settled(el);
    expect(el.state).to.equal('exempt');
    expect(el.list?.certificates.map((c) => c.zone.country)).to.deep.equal(['CA', 'CA']);
    const us = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} customer-code="C-1006" country="US"></cert-status>`);
    await settled(us);
    expect(us.state).to.equal('missing');
  });
});
