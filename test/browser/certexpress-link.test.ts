import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { CertExpressLinkElement } from '../../src/elements/certexpress-link/certexpress-link.js';
import type { Invitation } from '../../src/client/contract.js';
import { fastTimings, freshEndpoint, hits, injectFaults, useRealBackend } from './fixtures/backend.js';

// The companion reuses a customer's open invitation per zone, so tests that need a fresh
// (InProgress) invitation each take a zone of their own.
const link = (attrs = '', region = 'WA'): string =>
  `<certexpress-link token-endpoint="${freshEndpoint()}" customer-code="C-1005" region="${region}" ${attrs}></certexpress-link>`;

async function mount(attrs = '', region?: string): Promise<{ host: HTMLDivElement; el: CertExpressLinkElement }> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = link(attrs, region);
  const el = host.querySelector('certexpress-link')!;
  await el.updateComplete;
  return { host, el };
}

function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('<certexpress-link> against the real companion and sandbox', () => {
  useRealBackend('customer');
  afterEach(() => setHidden(false));

  it('idle → creating → preparing → ready with a safe link that opens in a new tab', async () => {
    const { host, el } = await mount();
    expect(el.state).to.equal('idle');
    await expect(el).to.be.accessible();
    const created = oneEvent(host, 'certexpress-invite-created');
    const ready = oneEvent(host, 'certexpress-link-ready');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=button]')!.click();
    await el.updateComplete;
    expect(el.state).to.be.oneOf(['creating', 'preparing']);
    await expect(el).to.be.accessible();
    const { detail: inv } = await created;
    expect(inv.id).to.be.a('number');
    await waitUntil(() => el.state === 'preparing' || el.state === 'ready');
    if (el.state === 'preparing') await expect(el).to.be.accessible();
    const { detail } = await ready;
    await el.updateComplete;
    const a = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~=link]')!;
    expect(a.href).to.equal(detail.url);
    expect(a.href).to.match(/^http:\/\/127\.0\.0\.1:\d+\/certexpress\//);
    expect(a.target).to.equal('_blank');
    expect(a.rel).to.equal('noopener noreferrer');
    expect(a.textContent).to.contain('(new tab)');
    await expect(el).to.be.accessible();
  });

  it('auto creates at once; email delivery ends in sent', async () => {
    const { el } = await mount('auto delivery="email"');
    await waitUntil(() => el.state === 'sent', `state ${el.state}`, { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part~=label]')!.textContent).to.equal('Request sent');
    await expect(el).to.be.accessible();
  });

  it('is keyboard operable: Enter and Space on the focused button', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    // ' ' is the Space key in every engine's driver (Firefox's BiDi input knows no "Space").
    for (const key of ['Enter', ' ']) {
      const { el } = await mount();
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=button]')!;
      button.focus();
      expect(el.shadowRoot!.activeElement).to.equal(button);
      await sendKeys({ press: key });
      await waitUntil(() => el.state !== 'idle', `${key} did not activate`);
    }
  });

  it('polling backs off: intervals between polls grow', async () => {
    fastTimings({ pollFirstMs: 40, pollMaxMs: 10_000 });
    await injectFaults({ sandbox: { stuckInvitations: true } });
    const { el } = await mount('auto', 'OR');
    await waitUntil(async () => (await hits('GET /v1/invitations/:id')).length >= 5, 'too few polls', { timeout: 5000 });
    const at = (await hits('GET /v1/invitations/:id')).map((h) => h.at);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    // ×1.5 per poll with ±20 % jitter: every gap two steps later is clearly longer.
    expect(gaps[2]!).to.be.greaterThan(gaps[0]!);
    expect(gaps[3]!).to.be.greaterThan(gaps[1]!);
    el.remove();
  });

  it('stops polling when removed: no request after removal', async () => {
    await injectFaults({ sandbox: { stuckInvitations: true } });
    const { el } = await mount('auto', 'ID');
    await waitUntil(async () => (await hits('GET /v1/invitations/:id')).length >= 2, 'no polls', { timeout: 5000 });
    el.remove();
    const before = (await hits('GET /v1/invitations/:id')).length;
    await aTimeout(500);
    expect((await hits('GET /v1/invitations/:id')).length).to.equal(before);
  });

  it('pauses while the page is hidden and polls at once on return', async () => {
    await injectFaults({ sandbox: { stuckInvitations: true } });
    const { el } = await mount('auto', 'MT');
    await waitUntil(async () => (await hits('GET /v1/invitations/:id')).length >= 1, 'no polls', { timeout: 5000 });
    setHidden(true);
    await aTimeout(100);
    const hiddenCount = (await hits('GET /v1/invitations/:id')).length;
    await aTimeout(500);
    expect((await hits('GET /v1/invitations/:id')).length).to.be.at.most(hiddenCount + 1);
    const back = Date.now();
    setHidden(false);
    await waitUntil(async () => (await hits('GET /v1/invitations/:id')).some((h) => h.at >= back), 'no poll on return', { timeout: 1000 });
    el.remove();
  });

  it('says it is taking longer after pollSlowMs and offers a retry', async () => {
    fastTimings({ pollSlowMs: 300 });
    await injectFaults({ sandbox: { stuckInvitations: true } });
    const { el } = await mount('auto', 'UT');
    await waitUntil(() => el.state === 'slow', `state ${el.state}`, { timeout: 5000 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=label]')!.textContent).to.equal('Taking longer than usual.');
    await expect(el).to.be.accessible();
    const before = (await hits('GET /v1/invitations/:id')).length;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=button]')!.click();
    expect(el.state).to.equal('preparing');
    // Retry polls the same invitation again (the sandbox keeps this one InProgress).
    await waitUntil(async () => (await hits('GET /v1/invitations/:id')).length > before, 'retry did not poll', { timeout: 3000 });
    el.remove();
  });

  it('a configuration error names the attribute and fires cert-error', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const failed = oneEvent(host, 'cert-error');
    host.innerHTML = link('delivery="pigeon"');
    const { detail } = await failed;
    expect(detail.code).to.equal('configuration_error');
    expect(detail.message).to.contain('delivery');
    const el = host.querySelector('certexpress-link')!;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Configuration error').and.contain('delivery');
    await expect(el).to.be.accessible();
  });

  for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', '/relative/path', 'http://evil.example/form', 'not a url']) {
    it(`never renders a clickable link for ${bad}`, async () => {
      const invitation: Invitation = { id: 7, status: 'Ready', deliveryMethod: 'Download', requestLink: bad, emailStatus: null, createdAt: '2026-01-01T00:00:00Z', reused: false };
      sinon.stub(window, 'fetch').callsFake(async (input) => {
        const url = String(input instanceof Request ? input.url : input);
        const body = url.includes('/token')
          ? { token: 't', expiresAt: new Date(Date.now() + 600_000).toISOString(), customerCode: 'C-1005', apiBase: '/stub-api' }
          : invitation;
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      });
      const { host, el } = await mount('auto');
      const failed = oneEvent(host, 'cert-error');
      expect((await failed).detail.code).to.equal('upstream_error');
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
      expect(el.shadowRoot!.innerHTML).to.not.contain(bad.slice(0, 10));
      await expect(el).to.be.accessible();
    });
  }
});
