import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import type { CertExpressLinkElement } from '../../src/elements/certexpress-link/certexpress-link.js';
import type { OpenRequest, StatusVerdict, TokenResponse } from '../../src/client/contract.js';
import { freshEndpoint } from './fixtures/backend.js';
import { invitation, stubApi } from './fixtures/stub-api.js';

const json = (body: unknown): Response => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const token = (): TokenResponse => ({ token: 'tok', expiresAt: new Date(Date.now() + 600_000).toISOString(), customerCode: 'C-1005', apiBase: '/stub-api' });
const THREE_DAYS_AGO = new Date(Date.now() - 3 * 86_400_000 - 3_600_000).toISOString();

const request = (over: Partial<OpenRequest> = {}): OpenRequest => ({
  id: 7,
  createdAt: THREE_DAYS_AGO,
  deliveryMethod: 'Email',
  recipient: 'p•••@evergreen-schools.example',
  ready: true,
  requestLink: null,
  ...over,
});
const missing = (open: OpenRequest | null): StatusVerdict => ({
  customerCode: 'C-1005',
  zone: { country: 'US', region: 'WA', name: 'Washington' },
  status: 'missing',
  certificate: null,
  checkedAt: new Date().toISOString(),
  request: open,
});

/** Answers the token and every status ask with `verdict`; records the status URLs asked. */
function serve(verdict: StatusVerdict): string[] {
  const asked: string[] = [];
  sinon.stub(window, 'fetch').callsFake(async (input) => {
    const url = String(input);
    if (url.includes('token')) return json(token());
    asked.push(url);
    return json(verdict);
  });
  return asked;
}

const text = (el: Element, part: string): string => el.shadowRoot!.querySelector(`[part~=${part}]`)?.textContent ?? '';

describe('open certificate requests', () => {
  afterEach(() => sinon.restore());

  for (const [lang, expected] of [
    ['en', /^Requested on \w+ \d+ \(3 days ago\) by email to p•••@evergreen-schools\.example — no certificate received yet$/],
    ['es', /^Solicitado el \d+ \S+ \(hace 3 días\) por correo electrónico a p•••@evergreen-schools\.example — aún no se ha recibido el certificado$/],
    ['fr', /^Demandé le \d+ \S+ \(il y a 3 jours\) par e-mail à p•••@evergreen-schools\.example — aucun certificat reçu pour l’instant$/],
  ] as const) {
    it(`<cert-status> says who was asked, when and how (${lang}), accessibly`, async () => {
      const asked = serve(missing(request()));
      const host = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
      const change = oneEvent(host, 'cert-status-change');
      host.innerHTML = `<cert-status token-endpoint="${freshEndpoint()}" region="WA"></cert-status>`;
      const el = host.querySelector<CertStatusElement>('cert-status')!;
      const { detail } = await change;
      expect(detail.request?.id).to.equal(7);
      await waitUntil(() => text(el, 'request'), 'no request shown');
      expect(text(el, 'request')).to.match(expected);
      expect(asked.every((url) => url.includes('requests=1')), 'the element asks for requests').to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  it('a ready Download request is offered to continue, when no <certexpress-link> is there to do it', async () => {
    serve(missing(request({ deliveryMethod: 'Download', recipient: null, requestLink: 'https://forms.example/c/1' })));
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} region="WA"></cert-status>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=request] a'), 'no link');
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~=request] a')!;
    expect(link.href).to.equal('https://forms.example/c/1');
    expect(link.textContent).to.equal('Continue your certificate (new tab)');
    expect(text(el, 'request')).to.contain('the form is ready');
    await expect(el).to.be.accessible();
    // Opening it makes the status watch for the certificate, as a <certexpress-link> would.
    const opened = oneEvent(el, 'certexpress-link-open');
    window.addEventListener('click', (e) => e.preventDefault(), { capture: true, once: true });
    link.click();
    expect((await opened).detail.url).to.equal('https://forms.example/c/1');
  });

  it('a form link that is not https is never offered', async () => {
    serve(missing(request({ deliveryMethod: 'Download', recipient: null, requestLink: 'http://forms.example/c/1' })));
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${freshEndpoint()} region="WA"></cert-status>`);
    await waitUntil(() => text(el, 'request'), 'no request shown');
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
  });

  it('<certexpress-link> continues a ready request instead of offering a new one; the status then leaves the request to it', async () => {
    serve(missing(request({ deliveryMethod: 'Download', recipient: null, requestLink: 'https://forms.example/c/2' })));
    const endpoint = freshEndpoint();
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${endpoint} region="WA">
      <certexpress-link slot="missing" token-endpoint=${endpoint} region="WA"></certexpress-link></cert-status>`);
    const link = el.querySelector<CertExpressLinkElement>('certexpress-link')!;
    await waitUntil(() => link.state === 'ready', `link ${link.state}`);
    expect(link.url).to.equal('https://forms.example/c/2');
    await el.updateComplete;
    // One link on the page, the element that owns it; the request is not said twice either.
    expect(el.shadowRoot!.querySelector('[part~=request]'), 'the status says nothing of the request').to.equal(null);
    await expect(link).to.be.accessible();
  });

  it('<certexpress-link> shows an emailed request as sent, with its date', async () => {
    serve(missing(request({ deliveryMethod: 'Fax', recipient: '•••0142' })));
    const link = await fixture<CertExpressLinkElement>(html`<certexpress-link token-endpoint=${freshEndpoint()} region="WA"></certexpress-link>`);
    await waitUntil(() => link.state === 'sent', `link ${link.state}`);
    await waitUntil(() => text(link, 'message'), 'no date');
    expect(text(link, 'message')).to.match(/^Requested on \w+ \d+ \(3 days ago\) by fax to •••0142 — no certificate received yet$/);
    await expect(link).to.be.accessible();
  });

  it('a buyer whose emailed request went astray sends it again, and reads when it went', async () => {
    const calls = stubApi(({ url, method }) =>
      url.pathname.endsWith('/v1/status')
        ? json(missing(request()))
        : method === 'POST'
          ? json(invitation({ deliveryMethod: 'Email', requestLink: null, emailStatus: 'Sent', recipient: 'p•••@evergreen-schools.example' }))
          : undefined, 'C-1005');
    const link = await fixture<CertExpressLinkElement>(html`<certexpress-link token-endpoint=${freshEndpoint()} region="WA" delivery="email"></certexpress-link>`);
    await waitUntil(() => link.state === 'sent' && text(link, 'message'), `link ${link.state}`);
    expect(text(link, 'message')).to.contain('(3 days ago)');
    const again = link.shadowRoot!.querySelector<HTMLButtonElement>('button[part~=button]')!;
    expect(again.textContent).to.equal('Send again');
    await expect(link).to.be.accessible();
    again.click();
    await waitUntil(() => calls.some((c) => c.method === 'POST'), 'nothing sent');
    expect(calls.find((c) => c.method === 'POST')!.body).to.deep.include({ reminder: true, deliveryMethod: 'Email', country: 'US', region: 'WA' });
    await waitUntil(() => link.state === 'sent' && text(link, 'message').includes('(today)'), `message ${text(link, 'message')}`);
    expect(text(link, 'label')).to.equal('Request sent');
  });

  it('staff remind through their form instead: no "Send again" beside it', async () => {
    serve(missing(request()));
    const link = await fixture<CertExpressLinkElement>(html`<certexpress-link options customer-code="C-1005" token-endpoint=${freshEndpoint()} region="WA"></certexpress-link>`);
    await waitUntil(() => link.state === 'sent' && link.shadowRoot!.querySelector('button'), `link ${link.state}`);
    expect([...link.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal(['Send a reminder']);
  });

  it('a compact cell says how long ago the customer was asked', async () => {
    serve(missing(request()));
    const el = await fixture<CertStatusElement>(html`<cert-status compact token-endpoint=${freshEndpoint()} region="WA"></cert-status>`);
    await waitUntil(() => text(el, 'request'), 'no request shown');
    expect(text(el, 'request')).to.equal('Requested 3 days ago');
    await expect(el).to.be.accessible();
  });

  it('nobody asked: nothing about requests, and the button to ask', async () => {
    serve(missing(null));
    const link = await fixture<CertExpressLinkElement>(html`<certexpress-link token-endpoint=${freshEndpoint()} region="WA"></certexpress-link>`);
    await new Promise((r) => setTimeout(r, 100));
    expect(link.state).to.equal('idle');
    expect(link.shadowRoot!.querySelector('button')!.textContent).to.equal('Request certificate');
  });
});
