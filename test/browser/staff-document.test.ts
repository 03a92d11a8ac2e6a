import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/elements/define-cert-status.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import { freshEndpoint, hits, setRole, useRealBackend } from './fixtures/backend.js';

async function statusOf(attrs: { customer: string; region?: string; lang?: string }): Promise<CertStatusElement> {
  const host = await fixture<HTMLDivElement>(html`<div lang=${attrs.lang ?? 'en'}><cert-status token-endpoint=${freshEndpoint()} customer-code=${attrs.customer} region=${attrs.region ?? ''}></cert-status></div>`);
  const el = host.querySelector('cert-status')!;
  await waitUntil(() => el.state !== 'loading', `still loading (${el.state})`, { timeout: 8000 });
  await el.updateComplete;
  return el;
}

const buttons = (el: Element): HTMLButtonElement[] => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~=document]')];

describe('certificate documents from <cert-status>', () => {
  useRealBackend('staff');

  it('"View certificate" fetches the PDF with the token and opens it in a tab named after it', async () => {
    // A stand-in for the new tab: a blank same-origin document, as window.open('') gives.
    const tab = { opener: window, closed: false, document: document.implementation.createHTMLDocument(''), location: { replace: sinon.spy() } };
    const open = sinon.stub(window, 'open').returns(tab as unknown as Window);
    const el = await statusOf({ customer: 'C-1001', region: 'WA' });
    expect(el.state).to.equal('exempt');
    const [button] = buttons(el);
    expect(button!.textContent).to.equal('View certificate (Washington)');
    await expect(el).to.be.accessible();
    button!.click();
    await waitUntil(() => open.called, 'window.open not called', { timeout: 5000 });
    expect(open.firstCall.args).to.deep.equal(['', '_blank']);
    expect(tab.opener, 'the tab cannot reach back into the page').to.equal(null);
    // Titled after the certificate, not after an object URL; a link saves it under its name.
    expect(tab.document.title).to.equal('Exemption certificate, Washington');
    const save = tab.document.querySelector('a')!;
    expect(save.download).to.match(/^exemption-certificate-washington-\d+\.pdf$/);
    expect(save.textContent).to.equal(`Download ${save.download}`);
    const frame = tab.document.querySelector('iframe')!;
    expect(frame.title).to.equal('Exemption certificate, Washington');
    expect(frame.src).to.match(/^blob:/).and.equal(save.href);
    // The object URL holds the companion's document: a real PDF.
    const bytes = await (await fetch(frame.src)).text();
    expect(bytes.startsWith('%PDF')).to.equal(true);
    const doc = await hits('GET /v1/certificates/:id/document');
    expect(doc).to.have.length(1);
    expect(el.notice).to.equal(undefined);
    tab.closed = true;
  });

  it('the tab speaks the language of the page', async () => {
    const tab = { opener: window, closed: true, document: document.implementation.createHTMLDocument(''), location: { replace: sinon.spy() } };
    sinon.stub(window, 'open').returns(tab as unknown as Window);
    const fr = await statusOf({ customer: 'C-1001', region: 'WA', lang: 'fr' });
    buttons(fr)[0]!.click();
    await waitUntil(() => tab.document.title, 'no title', { timeout: 5000 });
    expect(tab.document.title).to.equal('Certificat d’exonération, Washington');
    expect(tab.document.documentElement.lang).to.equal('fr');
    // A file name any system takes: no accents, no apostrophes.
    expect(tab.document.querySelector('a')!.download).to.match(/^certificat-d-exoneration-washington-\d+\.pdf$/);
  });

  it('downloads instead when the browser blocks the new tab', async () => {
    sinon.stub(window, 'open').returns(null);
    const click = sinon.stub(HTMLAnchorElement.prototype, 'click');
    const el = await statusOf({ customer: 'C-1001', region: 'CA' });
    buttons(el)[0]!.click();
    await waitUntil(() => click.called, 'no download', { timeout: 5000 });
    const a = click.firstCall.thisValue as HTMLAnchorElement;
    expect(a.href).to.match(/^blob:/);
    expect(a.download).to.match(/^exemption-certificate-california-\d+\.pdf$/);
  });

  it('list mode has one button per certificate, named by zone, keyboard operable', async () => {
    const open = sinon.stub(window, 'open').returns(null);
    sinon.stub(HTMLAnchorElement.prototype, 'click');
    const el = await statusOf({ customer: 'C-1001' });
    const names = buttons(el).map((b) => b.textContent);
    expect(names).to.have.length(el.list!.certificates.length);
    expect(names.join()).to.contain('(Washington)').and.contain('(California)').and.contain('(Texas)');
    await expect(el).to.be.accessible();
    const { sendKeys } = await import('@web/test-runner-commands');
    buttons(el)[1]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => open.called, 'Enter did not open', { timeout: 5000 });
  });

  it('no button without the certificate:read scope, and none in compact cells', async () => {
    document.cookie = 'test-role=staff-no-documents; path=/';
    const el = await statusOf({ customer: 'C-1001', region: 'WA' });
    expect(el.state).to.equal('exempt');
    expect(buttons(el)).to.have.length(0);
    setRole('staff');
    const compact = await fixture<CertStatusElement>(html`<cert-status compact token-endpoint=${freshEndpoint()} customer-code="C-1001" region="WA"></cert-status>`);
    await waitUntil(() => compact.state === 'exempt');
    expect(buttons(compact)).to.have.length(0);
  });

  for (const [lang, text] of [['en', 'You may not open certificate documents.'], ['es', 'No puede abrir documentos de certificados.'], ['fr', 'Vous ne pouvez pas ouvrir les documents de certificat.']] as const) {
    it(`a 403 on the document says so in the live region, no crash (${lang})`, async () => {
      const open = sinon.stub(window, 'open');
      const real = window.fetch.bind(window);
      // The only stub: a companion that grants the scope in the token yet refuses the document.
      sinon.stub(window, 'fetch').callsFake(async (input, init) =>
        String(input).includes('/document')
          ? new Response(JSON.stringify({ error: { code: 'forbidden', message: 'No.', retryable: false } }), { status: 403, headers: { 'content-type': 'application/json' } })
          : real(input, init));
      const el = await statusOf({ customer: 'C-1001', region: 'WA', lang });
      buttons(el)[0]!.click();
      const label = el.shadowRoot!.querySelector('[part~=label]')!;
      await waitUntil(() => label.textContent!.includes(text), `label: ${label.textContent}`, { timeout: 5000 });
      expect(el.state).to.equal('exempt');
      expect(open.called).to.equal(false);
      expect(buttons(el)).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  }
});
