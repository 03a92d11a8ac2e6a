import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/define-cert-status.js';
import '../../src/elements/define-certexpress-link.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import type { SelectedCustomer } from '../../src/elements/shared/cert-element.js';
import { freshEndpoint, hits, setRole, useRealBackend } from './fixtures/backend.js';

/** Stand-in for `<customer-lookup>`: fires the same bubbling, composed `customer-select`. */
class FakeLookup extends HTMLElement {
  customer?: SelectedCustomer;
  choose(customer: SelectedCustomer): void {
    this.customer = customer;
    this.dispatchEvent(new CustomEvent('customer-select', { detail: { customer }, bubbles: true, composed: true }));
  }
}
if (!customElements.get('fake-lookup')) customElements.define('fake-lookup', FakeLookup);

const label = (el: Element): string => el.shadowRoot!.querySelector('[part~=label]')!.textContent!;

describe('customer-source: elements follow a customer lookup', () => {
  useRealBackend('staff');

  it('shows a neutral "Choose a customer" state, asks nothing, then follows each selection', async () => {
    const host = await fixture<HTMLDivElement>(html`<div>
      <fake-lookup id="lookup"></fake-lookup>
      <cert-status customer-source="lookup" token-endpoint=${freshEndpoint()} region="WA"></cert-status>
    </div>`);
    const status = host.querySelector('cert-status')!;
    const lookup = host.querySelector<FakeLookup>('fake-lookup')!;
    await status.updateComplete;
    expect(status.state).to.equal('choose');
    expect(label(status)).to.equal('Choose a customer');
    expect(status.shadowRoot!.querySelector('[part~=label]')!.getAttribute('role')).to.equal('status');
    await expect(status).to.be.accessible();
    expect(await hits()).to.have.length(0);

    lookup.choose({ customerCode: 'C-1001', name: 'Rainier Supply Co.', emailAddress: 'purchasing@rainier-supply.example' });
    await waitUntil(() => status.state === 'exempt', `state ${status.state}`, { timeout: 5000 });
    expect(status.customerCode).to.equal('C-1001');
    expect(status.customer?.emailAddress).to.equal('purchasing@rainier-supply.example');
    await expect(status).to.be.accessible();

    lookup.choose({ customerCode: 'C-1002', name: 'Cascade Valley Clinic' });
    // The previous customer's verdict is not shown while the next one loads.
    await status.updateComplete;
    expect(status.verdict?.customerCode ?? 'C-1002').to.equal('C-1002');
    await waitUntil(() => status.state === 'expired', `state ${status.state}`, { timeout: 5000 });
    expect(status.verdict!.customerCode).to.equal('C-1002');
  });

  it('ignores selections from other lookups and stops listening once removed', async () => {
    const host = await fixture<HTMLDivElement>(html`<div>
      <fake-lookup id="mine"></fake-lookup><fake-lookup id="other"></fake-lookup>
      <cert-status customer-source="mine" token-endpoint=${freshEndpoint()} region="WA"></cert-status>
    </div>`);
    const status = host.querySelector('cert-status')!;
    await status.updateComplete;
    host.querySelector<FakeLookup>('#other')!.choose({ customerCode: 'C-1001' });
    await status.updateComplete;
    expect(status.state).to.equal('choose');
    expect(status.customerCode).to.equal(undefined);
    status.remove();
    host.querySelector<FakeLookup>('#mine')!.choose({ customerCode: 'C-1001' });
    expect(status.customerCode).to.equal(undefined);
  });

  it('adopts a choice the lookup already holds, and works inside a shadow root', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    root.innerHTML = `<fake-lookup id="lookup"></fake-lookup>`;
    const lookup = root.querySelector<FakeLookup>('fake-lookup')!;
    lookup.customer = { customerCode: 'C-1003', name: 'Olympic Builders LLC' };
    const status = document.createElement('cert-status');
    Object.assign(status, { customerSource: 'lookup', tokenEndpoint: freshEndpoint(), region: 'WA' });
    root.append(status);
    await waitUntil(() => status.state === 'pending', `state ${status.state}`, { timeout: 5000 });
    lookup.choose({ customerCode: 'C-1004' });
    await waitUntil(() => status.state === 'invalid', `state ${status.state}`, { timeout: 5000 });
  });

  it('<certexpress-link> follows too and drops the previous customer\'s link', async () => {
    setRole('staff');
    const host = await fixture<HTMLDivElement>(html`<div>
      <fake-lookup id="lookup"></fake-lookup>
      <certexpress-link customer-source="lookup" token-endpoint=${freshEndpoint()} region="AZ"></certexpress-link>
    </div>`);
    const link = host.querySelector('certexpress-link')!;
    const lookup = host.querySelector<FakeLookup>('fake-lookup')!;
    await link.updateComplete;
    expect(link.state).to.equal('choose');
    await expect(link).to.be.accessible();
    lookup.choose({ customerCode: 'C-1005' });
    await waitUntil(() => link.state === 'idle');
    link.request();
    await waitUntil(() => link.state === 'ready', `state ${link.state}`, { timeout: 5000 });
    lookup.choose({ customerCode: 'C-1002' });
    await waitUntil(() => link.state === 'idle');
    expect(link.url).to.equal(undefined);
    await link.updateComplete;
    expect(link.shadowRoot!.querySelector('a')).to.equal(null);
  });

  it('the plain-JS wiring (no customer-source) works as documented', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><fake-lookup></fake-lookup>
      <cert-status token-endpoint=${freshEndpoint()} customer-code="C-1002" region="WA"></cert-status></div>`);
    const status = host.querySelector<CertStatusElement>('cert-status')!;
    const lookup = host.querySelector<FakeLookup>('fake-lookup')!;
    lookup.addEventListener('customer-select', (e) => (status.customerCode = (e as CustomEvent<{ customer: SelectedCustomer }>).detail.customer.customerCode));
    await waitUntil(() => status.state === 'expired', `state ${status.state}`, { timeout: 5000 });
    lookup.choose({ customerCode: 'C-1001' });
    await waitUntil(() => status.state === 'exempt', `state ${status.state}`, { timeout: 5000 });
  });

  it('speaks Spanish and French in the choose state', async () => {
    for (const [lang, text] of [['es', 'Elija un cliente'], ['fr', 'Choisissez un client']] as const) {
      const host = await fixture<HTMLDivElement>(html`<div lang=${lang}><cert-status customer-source="nobody" token-endpoint=${freshEndpoint()} region="WA"></cert-status></div>`);
      const status = host.querySelector('cert-status')!;
      await status.updateComplete;
      expect(label(status)).to.equal(text);
    }
  });
});
