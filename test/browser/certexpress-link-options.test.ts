import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/elements/define-certexpress-link.js';
import type { CertExpressLinkElement } from '../../src/elements/certexpress-link/certexpress-link.js';
import { freshEndpoint, hits, useRealBackend } from './fixtures/backend.js';

// Each test takes a zone of its own: the companion reuses open invitations per zone and recipient.
async function mount(region: string, customer = 'C-1005', lang = 'en'): Promise<CertExpressLinkElement> {
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang}><certexpress-link options token-endpoint=${freshEndpoint()} customer-code=${customer} region=${region}></certexpress-link></div>`);
  const el = host.querySelector('certexpress-link')!;
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form did not load', { timeout: 5000 });
  return el;
}

const $ = <T extends Element>(el: Element, selector: string): T => el.shadowRoot!.querySelector<T>(selector)!;
const recipient = (el: Element): HTMLInputElement => $(el, '#recipient');
const label = (el: Element): string => $(el, '[part~=label]').textContent!;

describe('<certexpress-link options>: the staff delivery form', () => {
  useRealBackend('staff');

  it('prefills the recipient from the customer record and the cover letters from the companion', async () => {
    const el = await mount('NM');
    await waitUntil(() => recipient(el).value !== '' && $<HTMLSelectElement>(el, '#letter').options.length > 1, 'prefill', { timeout: 5000 });
    expect(recipient(el).value).to.match(/@/);
    expect(recipient(el).type).to.equal('email');
    expect($<HTMLSelectElement>(el, '#letter').value).to.equal('STANDARD_REQUEST');
    expect(await hits('GET /v1/customers')).to.have.length(1);
    expect(await hits('GET /v1/cover-letters')).to.have.length(1);
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.value)).to.deep.equal(['Email', 'Fax', 'Download']);
    expect(radios[0]!.checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a bad email is an error tied to the field, focused, nothing sent', async () => {
    const el = await mount('ND');
    await waitUntil(() => recipient(el).value !== '', 'prefill', { timeout: 5000 });
    recipient(el).value = 'not-an-address';
    recipient(el).dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    const input = recipient(el);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('recipient-error');
    expect($(el, '#recipient-error').textContent).to.equal('Enter a valid email address.');
    await waitUntil(() => el.shadowRoot!.activeElement === input, 'field not focused');
    expect(el.state).to.equal('idle');
    expect(await hits('POST /v1/invitations')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('Email: sends with the chosen cover letter and says to whom', async () => {
    const el = await mount('SD');
    await waitUntil(() => $<HTMLSelectElement>(el, '#letter').options.length > 1, 'letters', { timeout: 5000 });
    recipient(el).value = 'buyer@evergreen.example';
    recipient(el).dispatchEvent(new Event('input'));
    const select = $<HTMLSelectElement>(el, '#letter');
    select.value = 'RENEWAL_REQUEST';
    select.dispatchEvent(new Event('change'));
    const created = oneEvent(el, 'certexpress-invite-created');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await created;
    await waitUntil(() => el.state === 'sent', `state ${el.state}`, { timeout: 5000 });
    await el.updateComplete;
    expect(label(el)).to.equal('Request sent to buyer@evergreen.example (Email)');
    expect(el.invitation!.deliveryMethod).to.equal('Email');
    await expect(el).to.be.accessible();
  });

  it('Fax needs a number; Link goes through preparing to a ready link with a copy button', async () => {
    const writeText = sinon.stub(navigator.clipboard, 'writeText').resolves();
    const el = await mount('NE');
    ($<HTMLInputElement>(el, 'input[value=Fax]')).click();
    await el.updateComplete;
    expect(recipient(el).type).to.equal('tel');
    expect($(el, 'label[for=recipient]').textContent).to.equal('Fax number');
    recipient(el).value = '';
    recipient(el).dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '#recipient-error').textContent).to.contain('fax number');
    await expect(el).to.be.accessible();

    ($<HTMLInputElement>(el, 'input[value=Download]')).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#recipient')).to.equal(null);
    expect($(el, 'button[type=submit]').textContent).to.equal('Get link');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => el.state === 'ready', `state ${el.state}`, { timeout: 5000 });
    await el.updateComplete;
    const copy = $<HTMLButtonElement>(el, 'button[part~=copy]');
    expect($<HTMLAnchorElement>(el, 'a[part~=link]').href).to.equal(el.url);
    copy.click();
    await waitUntil(() => label(el).includes('Link copied'), 'not copied');
    expect(writeText).to.have.been.calledOnceWith(el.url);
    await expect(el).to.be.accessible();
  });

  it('is usable by keyboard alone: arrows pick the channel, Tab moves, Enter sends', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const el = await mount('KY');
    await waitUntil(() => recipient(el).value !== '', 'prefill', { timeout: 5000 });
    $<HTMLInputElement>(el, 'input[value=Email]').focus();
    await sendKeys({ press: 'ArrowRight' }); // → Fax
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[value=Fax]').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('recipient');
    // Prefilled with the fax number on the customer record (the only one the companion accepts).
    const fax = recipient(el).value;
    expect(fax).to.match(/\d{3}/);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('letter');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('type')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.state === 'sent', `state ${el.state}`, { timeout: 5000 });
    await el.updateComplete;
    expect(label(el)).to.equal(`Request sent to ${fax} (Fax)`);
  });

  it('a recipient the companion refuses comes back to the field, focused, with its message', async () => {
    const el = await mount('TN');
    $<HTMLInputElement>(el, 'input[value=Fax]').click();
    await el.updateComplete;
    recipient(el).value = '+1 999 555 0199';
    recipient(el).dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(async () => (await hits('POST /v1/invitations')).length === 1 && el.state === 'idle' && el.shadowRoot!.querySelector('form'), `state ${el.state}`, { timeout: 5000 });
    await waitUntil(() => el.shadowRoot!.activeElement === recipient(el), 'field not focused');
    expect(recipient(el).getAttribute('aria-invalid')).to.equal('true');
    expect(recipient(el).value).to.equal('+1 999 555 0199');
    expect($(el, '#recipient-error').textContent).to.contain('fax number on the customer record');
    await expect(el).to.be.accessible();
  });

  for (const [lang, legend, send] of [['es', 'Enviar la solicitud por', 'Enviar solicitud'], ['fr', 'Envoyer la demande par', 'Envoyer la demande']] as const) {
    it(`speaks ${lang}`, async () => {
      const el = await mount('WY', 'C-1005', lang);
      expect($(el, 'legend').textContent).to.equal(legend);
      expect($(el, 'button[type=submit]').textContent).to.equal(send);
      await expect(el).to.be.accessible();
    });
  }

  it('the storefront button stays when options is not set (no form module work)', async () => {
    const el = await fixture<CertExpressLinkElement>(html`<certexpress-link token-endpoint=${freshEndpoint()} customer-code="C-1005" region="WV"></certexpress-link>`);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect($(el, '[part~=button]').textContent).to.equal('Request certificate');
  });
});
