import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/elements/define-cert-status.js';
import '../../src/elements/define-certexpress-link.js';
import '../../src/elements/define-cert-upload.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import type { CertExpressLinkElement } from '../../src/elements/certexpress-link/certexpress-link.js';
import type { CertUploadElement } from '../../src/elements/cert-upload/cert-upload.js';
import { CertClient, pollInvitation, tokenSource, type FetchToken, type TokenResponse } from '../../src/client/index.js';
import { Coalescer } from '../../src/client/coalescer.js';
import { sleep } from '../../src/client/http.js';
import { LOADERS } from '../../src/elements/shared/i18n.js';
import { fastTimings, freshEndpoint, hits, injectFaults, plainEndpoint, resetBackend, setRole, useRealBackend } from './fixtures/backend.js';
import { pdfFile, pick } from './fixtures/files.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => el.shadowRoot!.querySelector<T>(selector)!;

function day(days: number): string {
  const at = new Date();
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function set(el: CertUploadElement, id: string, value: string): void {
  const field = $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
  field.value = value;
  field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
}

async function upload(customer: string): Promise<CertUploadElement> {
  const el = await fixture<CertUploadElement>(html`<cert-upload token-endpoint=${freshEndpoint()} customer-code=${customer} region="WA"></cert-upload>`);
  await waitUntil(() => el.state === 'idle', `upload form not ready (${el.state})`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const settled = (el: CertStatusElement): Promise<unknown> =>
  waitUntil(() => el.state !== 'loading', `still loading (${el.state})`, { timeout: 8000 });

function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('fixes from the review, against the real companion and sandbox', () => {
  useRealBackend('customer');
  afterEach(() => void delete (document as { hidden?: boolean }).hidden);

  describe('<cert-upload> forgets what was entered for another customer', () => {
    it('after an upload, a new customer code does not re-upload the last file', async () => {
      const el = await upload('C-1005');
      pick($<HTMLInputElement>(el, '#file'), pdfFile('a.pdf'));
      set(el, 'exemptionReason', 'RESALE');
      set(el, 'signedDate', day(-3));
      $<HTMLButtonElement>(el, '[part~=submit]').click();
      await waitUntil(() => el.state === 'uploaded', `not uploaded (${el.state})`, { timeout: 8000 });
      expect(el.result?.customerCode).to.equal('C-1005');

      el.customerCode = 'C-1004';
      await waitUntil(() => el.state === 'idle', `form not back (${el.state})`, { timeout: 5000 });
      await el.updateComplete;
      expect(el.result, 'the last result goes').to.equal(undefined);
      expect($<HTMLSelectElement>(el, '#exemptionReason').value, 'no reason carried over').to.equal('');
      $<HTMLButtonElement>(el, '[part~=submit]').click();
      await waitUntil(() => $(el, '#file-error'), 'no file error');
      expect(el.state).to.equal('idle');
      expect(await hits('POST /v1/certificates'), 'one upload only, for C-1005').to.have.length(1);
    });

    it('a customer change while a file is chosen clears the file input', async () => {
      const el = await upload('C-1005');
      pick($<HTMLInputElement>(el, '#file'), pdfFile('b.pdf'));
      set(el, 'exemptionReason', 'RESALE');
      set(el, 'signedDate', day(-3));
      el.customerCode = 'C-1004';
      await aTimeout(50);
      await waitUntil(() => el.state === 'idle', `form not ready (${el.state})`, { timeout: 5000 });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#file').files, 'file input emptied').to.have.length(0);
      $<HTMLButtonElement>(el, '[part~=submit]').click();
      await waitUntil(() => $(el, '#file-error'), 'no file error');
      expect(await hits('POST /v1/certificates')).to.have.length(0);
    });
  });

  describe('removed elements start no work', () => {
    it('a removed <certexpress-link auto> whose region changes creates no invitation', async () => {
      const el = await fixture<CertExpressLinkElement>(
        html`<certexpress-link auto token-endpoint=${freshEndpoint()} customer-code="C-1005" region="WA"></certexpress-link>`,
      );
      await waitUntil(() => el.state === 'ready', `not ready (${el.state})`, { timeout: 8000 });
      el.remove();
      await resetBackend();
      el.region = 'OR';
      await el.updateComplete;
      await aTimeout(150);
      expect(await hits(), 'no request at all').to.deep.equal([]);
      // Back in the page, it works for the new zone.
      document.body.append(el);
      await waitUntil(async () => (await hits('POST /v1/invitations')).length === 1, 'no invitation after reconnecting', { timeout: 5000 });
      el.remove();
    });

    it('a removed <cert-status> whose customer changes asks nothing', async () => {
      const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} customer-code="C-1001" region="WA"></cert-status>`);
      await settled(el);
      el.remove();
      await resetBackend();
      el.customerCode = 'C-1002';
      await el.updateComplete;
      await aTimeout(100);
      expect(await hits()).to.deep.equal([]);
    });
  });

  describe('certificate documents of unsafe types', () => {
    it('an HTML document is downloaded as opaque bytes, never opened in a tab', async () => {
      setRole('staff');
      const open = sinon.stub(window, 'open').returns({ opener: window } as unknown as Window);
      const click = sinon.stub(HTMLAnchorElement.prototype, 'click');
      const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} customer-code="C-1001" region="WA"></cert-status>`);
      await settled(el);
      await el.updateComplete;
      // The real companion serves only PDF, JPEG or PNG: a hostile upstream type needs a stubbed answer.
      const realFetch = window.fetch.bind(window);
      sinon.stub(window, 'fetch').callsFake((input, init) =>
        String(input).endsWith('/document')
          ? Promise.resolve(new Response('<script>parent.owned = 1</script>', { headers: { 'content-type': 'text/html' } }))
          : realFetch(input, init),
      );
      $<HTMLButtonElement>(el, 'button[part~=document]').click();
      await waitUntil(() => click.called, 'no download', { timeout: 5000 });
      expect(open.called, 'no tab opened').to.equal(false);
      const a = click.firstCall.thisValue as HTMLAnchorElement;
      expect(a.download).to.match(/^exemption-certificate-washington-\d+\.bin$/);
      const blob = await (await realFetch(a.href)).blob();
      expect(blob.type).to.equal('application/octet-stream');
    });
  });

  describe('refreshes for one event share requests', () => {
    it('five elements of one customer refreshed by one cert-uploaded send one GET per zone', async () => {
      const endpoint = freshEndpoint();
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.innerHTML = ['WA', 'WA', 'WA', 'TX', 'TX']
        .map((r) => `<cert-status token-endpoint="${endpoint}" customer-code="C-1001" region="${r}"></cert-status>`)
        .join('');
      const all = [...host.querySelectorAll('cert-status')];
      await Promise.all(all.map(settled));
      await resetBackend();
      document.dispatchEvent(new CustomEvent('cert-uploaded', { detail: { customerCode: 'C-1001' } }));
      await waitUntil(async () => (await hits('GET /v1/status')).length >= 2, 'no refresh');
      await aTimeout(100);
      expect(await hits('GET /v1/status'), 'one per distinct zone').to.have.length(2);
    });

    it('the same holds when the page comes back into view', async () => {
      const endpoint = freshEndpoint();
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.innerHTML = Array.from({ length: 4 }, () => `<cert-status token-endpoint="${endpoint}" customer-code="C-1001" region="NV"></cert-status>`).join('');
      await Promise.all([...host.querySelectorAll('cert-status')].map(settled));
      await resetBackend();
      setHidden(true);
      setHidden(false);
      await waitUntil(async () => (await hits('GET /v1/status')).length >= 1, 'no check on return');
      await aTimeout(100);
      expect(await hits('GET /v1/status')).to.have.length(1);
    });

    it('a refresh without an event still bypasses the cache', async () => {
      const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${plainEndpoint()} customer-code="C-1001" region="WA"></cert-status>`);
      await settled(el);
      el.refresh();
      await waitUntil(async () => (await hits('GET /v1/status')).length === 2, 'refresh answered from the cache');
    });
  });

  describe('focus stays in the element when the pressed control goes', () => {
    it('"Request certificate" → creating keeps focus inside <certexpress-link>', async () => {
      await injectFaults({ sandbox: { latencyMs: 300 } });
      const el = await fixture<CertExpressLinkElement>(html`<certexpress-link token-endpoint=${freshEndpoint()} customer-code="C-1005" region="WA"></certexpress-link>`);
      await el.updateComplete;
      const button = $<HTMLButtonElement>(el, 'button');
      button.focus();
      button.click();
      await el.updateComplete;
      expect(el.state).to.equal('creating');
      expect(button.isConnected).to.equal(false);
      // Compared as booleans: a failed equality of two elements would print whole DOM trees.
      expect(document.activeElement === el, `focus fell to ${document.activeElement?.tagName}`).to.equal(true);
      expect(el.shadowRoot!.activeElement === $(el, '[part=base]'), 'the frame holds focus').to.equal(true);
    });

    it('"Try again" → loading keeps focus inside <cert-status>', async () => {
      fastTimings({ retries: 0, autoRetries: 0 });
      await injectFaults({ unavailable: 1 });
      const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${plainEndpoint()} customer-code="C-1001" region="WA"></cert-status>`);
      await waitUntil(() => el.state === 'error', `no error (${el.state})`);
      await el.updateComplete;
      const retry = $<HTMLButtonElement>(el, '[part~=button]');
      retry.focus();
      retry.click();
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      expect(document.activeElement === el, `focus fell to ${document.activeElement?.tagName}`).to.equal(true);
      await settled(el);
      expect(el.state).to.equal('exempt');
    });
  });

  describe('<cert-status> errors', () => {
    it('offers "Try again" only where it can help: not for refused credentials, not for a bad attribute', async () => {
      await injectFaults({ sandbox: { badCredentials: true } });
      const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} customer-code="C-1001" region="WA"></cert-status>`);
      await waitUntil(() => el.state === 'error', `no error (${el.state})`, { timeout: 8000 });
      await el.updateComplete;
      expect(el.error!.retryable, el.error!.code).to.equal(false);
      // The integrator's detail (the companion's credentials) is in the event, not in front of the buyer.
      expect(el.error!.message).to.contain('credentials');
      expect($(el, '[part~=message]').textContent).to.not.contain('credentials');
      expect($(el, '[part~=button]'), 'no retry that cannot help').to.equal(null);
      await expect(el).to.be.accessible();
      await resetBackend();
      el.refresh();
      await waitUntil(() => el.state === 'exempt', `refresh() did not load (${el.state})`, { timeout: 8000 });

      const bad = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} customer-code="C-1001" country="USA"></cert-status>`);
      await bad.updateComplete;
      expect(bad.error?.code).to.equal('configuration_error');
      expect($(bad, '[part~=button]')).to.equal(null);
    });

    it('automatic retries wait for Retry-After (the companion says 5 s) instead of the short backoff', async () => {
      fastTimings({ retries: 0, autoRetryMs: 20 });
      await injectFaults({ sandbox: { errorRate: 1 } });
      const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} customer-code="C-1001" region="WA"></cert-status>`);
      await waitUntil(() => el.state === 'error', `no error (${el.state})`, { timeout: 8000 });
      expect(el.error!.code).to.equal('upstream_unavailable');
      await aTimeout(400);
      expect(await hits('GET /v1/status'), 'retried before Retry-After').to.have.length(1);
      el.remove();
    });
  });

  describe('client bounds', () => {
    it('renews the token at most once per call, even across retries', async () => {
      let tokens = 0;
      let api = 0;
      const answers = [401, 503, 401, 200];
      const json = (body: unknown, status = 200): Response =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'retry-after': '0' } });
      sinon.stub(window, 'fetch').callsFake(async (input) => {
        if (String(input).includes('renew-token')) {
          tokens++;
          return json({ token: `t${tokens}`, expiresAt: new Date(Date.now() + 600_000).toISOString(), customerCode: 'C-1', apiBase: '/renew-api' });
        }
        const status = answers[api++]!;
        return status === 200
          ? json({ id: 7, status: 'Ready' })
          : json({ error: { code: status === 401 ? 'unauthorized' : 'upstream_unavailable', message: 'x', retryable: status === 503 } }, status);
      });
      const client = new CertClient({ tokenEndpoint: '/renew-token', customerCode: 'C-1' });
      const error = (await client.invitation(7).catch((e: unknown) => e)) as { code?: string };
      expect(error.code).to.equal('unauthorized');
      expect(tokens, 'first token and one renewal').to.equal(2);
      expect(api).to.equal(3);
    });

    it('an aborted sleep leaves no timer behind', async () => {
      const clock = sinon.useFakeTimers();
      const stop = new AbortController();
      const waited = sleep(60_000, stop.signal).catch((e: Error) => e.name);
      expect(clock.countTimers()).to.equal(1);
      stop.abort();
      expect(await waited).to.equal('AbortError');
      expect(clock.countTimers()).to.equal(0);
    });

    it('a fetchToken callback that answered leaves no timeout timer behind', async () => {
      const clock = sinon.useFakeTimers();
      const fetchToken = async () => ({ token: 'a.b.c', expiresAt: new Date(Date.now() + 600_000).toISOString(), customerCode: 'C-1001' });
      await tokenSource({ fetchToken }).get('C-1001');
      expect(clock.countTimers()).to.equal(0);
    });

    it('polling through hidden spells leaves no abort listeners behind', async () => {
      await injectFaults({ sandbox: { stuckInvitations: true } });
      fastTimings({ pollFirstMs: 30, pollMaxMs: 30 });
      const client = new CertClient({ tokenEndpoint: freshEndpoint(), customerCode: 'C-1003' });
      const invitation = await client.createInvitation({ country: 'US', region: 'NV', deliveryMethod: 'Download', coverLetterTitle: 'STANDARD_REQUEST' });
      const stop = new AbortController();
      const add = sinon.spy(stop.signal, 'addEventListener');
      const remove = sinon.spy(stop.signal, 'removeEventListener');
      expect(invitation.status).to.equal('InProgress');
      const polling = pollInvitation(client, invitation.id, { signal: stop.signal }).catch((e: Error) => e.name);
      for (let i = 0; i < 6; i++) {
        setHidden(true);
        await aTimeout(80);
        const before = (await hits('GET /v1/invitations/:id')).length;
        setHidden(false);
        await waitUntil(async () => (await hits('GET /v1/invitations/:id')).length > before, `no poll after return`);
      }
      await aTimeout(10);
      const outstanding = add.getCalls().filter((c) => c.args[0] === 'abort').length - remove.getCalls().filter((c) => c.args[0] === 'abort').length;
      expect(outstanding, 'abort listeners still attached').to.be.at.most(3);
      stop.abort();
      expect(await polling).to.equal('AbortError');
    });

    it('cached status answers are dropped after their age', async () => {
      const cache = new Coalescer<number>(() => 30);
      expect(await cache.run('a', async () => 1)).to.equal(1);
      expect(cache.size).to.equal(1);
      await waitUntil(() => cache.size === 0, 'answer kept past its age', { timeout: 1000 });
      await cache.run('b', () => Promise.reject(new Error('x'))).catch(() => undefined);
      expect(cache.size, 'failures forgotten at once').to.equal(0);
    });
  });

  describe('languages', () => {
    it('a language table that never arrives does not leave the element blank', async () => {
      fastTimings({ localeWaitMs: 100 });
      LOADERS.zz = () => new Promise(() => undefined);
      try {
        const host = await fixture<HTMLDivElement>(html`<div lang="zz"><cert-status token-endpoint=${freshEndpoint()} customer-code="C-1001" region="WA"></cert-status></div>`);
        const el = host.querySelector('cert-status')!;
        await waitUntil(() => el.shadowRoot?.querySelector('[part~=label]')?.textContent, 'nothing rendered', { timeout: 2000 });
        await settled(el);
        await waitUntil(() => $(el, '[part~=label]').textContent === 'Certificate on file', 'English not shown');
      } finally {
        delete LOADERS.zz;
      }
    });
  });

  describe('token callbacks', () => {
    it('one fetchToken function shared by every cell of a grid costs one token and one batch', async () => {
      setRole('staff');
      let calls = 0;
      const endpoint = freshEndpoint();
      const fetchToken: FetchToken = async (request) => {
        calls++;
        const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
        return (await res.json()) as TokenResponse;
      };
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.innerHTML = ['C-1001', 'C-1002', 'C-1003', 'C-1004', 'C-1005', 'C-9999']
        .map((c) => `<cert-status compact customer-code="${c}" region="WA"></cert-status>`)
        .join('');
      const all = [...host.querySelectorAll('cert-status')];
      for (const el of all) el.fetchToken = fetchToken;
      await Promise.all(all.map(settled));
      expect(all.map((el) => el.state).slice(0, 4)).to.deep.equal(['exempt', 'expired', 'pending', 'invalid']);
      expect(all.every((el) => el.state !== 'error')).to.equal(true);
      expect(calls).to.equal(1);
      expect(await hits('POST /v1/status/batch')).to.have.length(1);
    });
  });
});
