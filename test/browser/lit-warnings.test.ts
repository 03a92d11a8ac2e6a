/**
 * Lit's development build warns about wasteful or wrong element code (an update scheduled
 * after an update, a property that shadows an accessor, …). Every element, through a real
 * load, request and state change, must leave that console quiet.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import { freshEndpoint, setRole, useRealBackend } from './fixtures/backend.js';

/** Lit's one notice that the development build is in use is expected; anything else is not. */
const litWarnings = (warn: sinon.SinonStub): string[] =>
  warn.args.map((args) => args.map(String).join(' ')).filter((text) => /lit/i.test(text) && !/in dev mode/.test(text));

describe('Lit development warnings', () => {
  useRealBackend();
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
  });

  it('none from the storefront elements through a status and an invitation', async () => {
    setRole('customer');
    const endpoint = freshEndpoint();
    const el = await fixture(html`
      <cert-status token-endpoint=${endpoint} customer-code="C-1001" region="NV">
        <certexpress-link slot="missing" token-endpoint=${endpoint} customer-code="C-1001" region="NV"></certexpress-link>
      </cert-status>`);
    await waitUntil(() => el.getAttribute('state') === 'missing', 'no status');
    const link = el.querySelector('certexpress-link')!;
    link.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => link.getAttribute('state') === 'ready', `link ${link.getAttribute('state')}`, { timeout: 8000 });
    expect(litWarnings(warn)).to.deep.equal([]);
  });

  it('none from the ERP elements through a search and a form', async () => {
    setRole('staff');
    const endpoint = freshEndpoint();
    const host = await fixture(html`<div>
      <customer-lookup id="who" token-endpoint=${endpoint}></customer-lookup>
      <cert-status compact customer-source="who" token-endpoint=${endpoint} region="WA"></cert-status>
      <cert-upload customer-source="who" token-endpoint=${endpoint} region="WA"></cert-upload>
    </div>`);
    const lookup = host.querySelector('customer-lookup')!;
    const input = lookup.shadowRoot!.querySelector('input')!;
    input.focus();
    input.value = 'Rainier';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => lookup.getAttribute('state') === 'results', `lookup ${lookup.getAttribute('state')}`, { timeout: 8000 });
    lookup.shadowRoot!.querySelector<HTMLElement>('[role=option]')!.click();
    const status = host.querySelector('cert-status')!;
    await waitUntil(() => status.getAttribute('state') === 'exempt', `status ${status.getAttribute('state')}`, { timeout: 8000 });
    const upload = host.querySelector('cert-upload')!;
    await waitUntil(() => upload.getAttribute('state') === 'idle', `upload ${upload.getAttribute('state')}`, { timeout: 8000 });
    expect(litWarnings(warn)).to.deep.equal([]);
  });
});
