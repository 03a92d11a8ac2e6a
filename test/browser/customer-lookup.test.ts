import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/elements/define-customer-lookup.js';
import '../../src/elements/define-cert-status.js';
import type { CustomerLookupElement } from '../../src/elements/customer-lookup/customer-lookup.js';
import type { CustomerSummary, ErrorDetail } from '../../src/client/contract.js';
import { freshEndpoint, hits, injectFaults, setRole, useRealBackend } from './fixtures/backend.js';

const SEARCH = 'GET /v1/customers';

/** A lookup inside a wrapper (events bubble to it; `lang` is set on it). */
async function mount(attrs: Record<string, string> = {}, lang = 'en'): Promise<{ host: HTMLDivElement; el: CustomerLookupElement }> {
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  const el = document.createElement('customer-lookup');
  // 100 ms: well above the gap between keystrokes of one `sendKeys` even on a loaded machine,
  // so one typed word makes one search.
  const all: Record<string, string> = { 'token-endpoint': freshEndpoint(), 'debounce-ms': '100', ...attrs };
  for (const [name, value] of Object.entries(all)) el.setAttribute(name, value);
  host.append(el);
  await el.updateComplete;
  return { host, el };
}

const part = (el: CustomerLookupElement, name: string): HTMLElement | null => el.shadowRoot!.querySelector(`[part~=${name}]`);
const input = (el: CustomerLookupElement): HTMLInputElement => el.shadowRoot!.querySelector('input')!;
const liveText = (el: CustomerLookupElement): string => part(el, 'label')!.textContent!;
const options = (el: CustomerLookupElement): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')];
const codes = (el: CustomerLookupElement): string[] => options(el).map((o) => o.querySelector('[part~=code]')!.textContent!);

async function type(el: CustomerLookupElement, text: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: text });
}

async function settle(el: CustomerLookupElement, state: string): Promise<void> {
  await waitUntil(() => el.state === state, `state ${el.state}, expected ${state}`, { timeout: 5000 });
  await el.updateComplete;
}

describe('<customer-lookup> against the real companion and sandbox', () => {
  useRealBackend('staff');
  afterEach(() => resetMouse());

  it('starts closed: labelled combobox wired to its listbox, no configuration error, accessible', async () => {
    const { el } = await mount();
    expect(el.state).to.equal('idle');
    const field = input(el);
    const label = el.shadowRoot!.querySelector('label')!;
    expect(label.textContent).to.equal('Customer');
    expect(label.htmlFor).to.equal(field.id);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.getAttribute('aria-autocomplete')).to.equal('list');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
    const listbox = el.shadowRoot!.getElementById(field.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).to.equal('listbox');
    expect(listbox.hidden).to.equal(true);
    expect(part(el, 'label')!.getAttribute('role')).to.equal('status');
    expect(liveText(el)).to.equal('Type at least 2 characters to search.');
    await expect(el).to.be.accessible();
  });

  it('a custom label names the field and the list', async () => {
    const { el } = await mount({ label: 'Bill-to account' });
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Bill-to account');
    expect(part(el, 'listbox')!.getAttribute('aria-label')).to.equal('Bill-to account');
  });

  it('finds a customer by name, shows code, name and place, and announces the count', async () => {
    const { el } = await mount();
    await type(el, 'Rainier');
    await settle(el, 'results');
    expect(codes(el)).to.deep.equal(['C-1001']);
    expect(options(el)[0]!.textContent).to.contain('Rainier Supply Co.').and.contain('Seattle, WA');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(part(el, 'listbox')!.hidden).to.equal(false);
    expect(liveText(el)).to.equal('1 customer found');
    await expect(el).to.be.accessible();
  });

  it('finds by city and by code prefix', async () => {
    const { el } = await mount();
    await type(el, 'Tacoma');
    await settle(el, 'results');
    expect(codes(el)).to.include('C-1002');
    expect(codes(el).every((code) => code !== 'C-1001')).to.equal(true);
    input(el).select();
    await sendKeys({ type: 'C-100' });
    await waitUntil(() => el.state === 'results' && codes(el).length > 1, `state ${el.state}`, { timeout: 5000 });
    expect(codes(el)).to.include.members(['C-1001', 'C-1002', 'C-1003', 'C-1004', 'C-1005', 'C-1006']);
    expect(liveText(el)).to.equal(`${codes(el).length} customers found`);
  });

  it('keyboard only: Down/Down/Up/Enter chooses the matching option and fires customer-select', async () => {
    const { host, el } = await mount();
    await type(el, 'C-100');
    await settle(el, 'results');
    const listed = codes(el);
    expect(listed.length).to.be.greaterThan(2);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    const field = input(el);
    const active = el.shadowRoot!.getElementById(field.getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('aria-selected')).to.equal('true');
    expect(active.querySelector('[part~=code]')!.textContent).to.equal(listed[1]);
    expect(options(el).filter((o) => o.getAttribute('aria-selected') === 'true')).to.have.length(1);
    await expect(el).to.be.accessible();

    const chosen = oneEvent(host, 'customer-select');
    await sendKeys({ press: 'Enter' });
    const { detail } = await chosen;
    expect(detail.customer.customerCode).to.equal(listed[1]);
    await el.updateComplete;
    expect(el.selected?.customerCode).to.equal(listed[1]);
    expect(el.getAttribute('value')).to.equal(listed[1]);
    expect(field.value).to.equal(`${detail.customer.customerCode} — ${detail.customer.name}`);
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(el.state).to.equal('selected');
    expect(liveText(el)).to.equal(`Selected: ${field.value}`);
    // Said to screen readers, not shown: the field already reads what was chosen.
    const said = el.shadowRoot!.querySelector('[part~=badge]')!.parentElement!.getBoundingClientRect();
    expect(said.width * said.height, 'the choice is shown twice').to.be.at.most(1);
    await expect(el).to.be.accessible();
  });

  it('Up and Down wrap around the list', async () => {
    const { el } = await mount();
    await type(el, 'C-100');
    await settle(el, 'results');
    const listed = codes(el);
    const activeCode = (): string | undefined =>
      el.shadowRoot!.getElementById(input(el).getAttribute('aria-activedescendant') ?? '')?.querySelector('[part~=code]')?.textContent ?? undefined;
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(activeCode()).to.equal(listed.at(-1));
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeCode()).to.equal(listed[0]);
    // Home and End stay with the text field: they move the caret, not the active option.
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(input(el).selectionStart).to.equal(0);
    expect(activeCode()).to.equal(listed[0]);
    await sendKeys({ press: 'End' });
    expect(input(el).selectionStart).to.equal('C-100'.length);
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
  });

  it('Escape closes the list, a second Escape clears the field; Tab leaves', async () => {
    const { host, el } = await mount();
    await type(el, 'Rainier');
    await settle(el, 'results');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(part(el, 'listbox')!.hidden).to.equal(true);
    expect(input(el).value).to.equal('Rainier');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(el.state).to.equal('idle');
    expect(el.selected).to.equal(null);

    await sendKeys({ type: 'Rainier' });
    await settle(el, 'results');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    // Something to Tab to: without it Firefox moves focus out of the page into its own toolbar,
    // and the next test files' pages start without focus.
    const next = host.appendChild(document.createElement('button'));
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(null);
    expect(document.activeElement).to.equal(next);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('a mouse click on an option chooses it', async () => {
    const { host, el } = await mount();
    await type(el, 'Olympic');
    await settle(el, 'results');
    const option = options(el).find((o) => o.textContent!.includes('C-1003'))!;
    const box = option.getBoundingClientRect();
    const chosen = oneEvent(host, 'customer-select');
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    const { detail } = await chosen;
    expect(detail.customer).to.include({ customerCode: 'C-1003', name: 'Olympic Builders LLC', city: 'Spokane', region: 'WA', country: 'US' });
    expect(el.value).to.equal('C-1003');
    expect(input(el).value).to.equal('C-1003 — Olympic Builders LLC');
  });

  it('says so when nothing matches', async () => {
    const { el } = await mount();
    await type(el, 'zzz');
    await settle(el, 'no-results');
    expect(liveText(el)).to.equal('No customer matches “zzz”.');
    expect(options(el)).to.have.length(0);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('below min-chars nothing is searched', async () => {
    const { el } = await mount({ 'min-chars': '3' });
    await type(el, 'Ra');
    await aTimeout(100);
    expect(await hits(SEARCH)).to.have.length(0);
    expect(liveText(el)).to.equal('Type at least 3 characters to search.');
    await sendKeys({ type: 'i' });
    await settle(el, 'results');
    expect(await hits(SEARCH)).to.have.length(1);
  });

  it('debounces: typing five characters quickly makes one request', async () => {
    const { el } = await mount({ 'debounce-ms': '250' });
    await type(el, 'Tacom');
    await settle(el, 'results');
    await aTimeout(300);
    expect(await hits(SEARCH)).to.have.length(1);
    expect(codes(el)).to.deep.equal(['C-1002']);
  });

  it('a late answer to an older search never replaces the newer one', async () => {
    const { el } = await mount();
    // The first search ("C-", every seeded customer) is held 800 ms; the second ("C-1003") is not.
    await post('/_test/faults', { slow: { ms: 800, count: 1 } });
    await type(el, 'C-');
    await waitUntil(async () => (await hits(SEARCH)).length === 1, 'first search not sent');
    await sendKeys({ type: '1003' });
    await settle(el, 'results');
    expect(codes(el)).to.deep.equal(['C-1003']);
    const started = (await hits(SEARCH))[0]!.at;
    await waitUntil(() => Date.now() > started + 1000, '', { timeout: 2000, interval: 50 });
    await el.updateComplete;
    expect((await hits(SEARCH)).length).to.be.at.least(2);
    expect(codes(el)).to.deep.equal(['C-1003']);
    expect(liveText(el)).to.equal('1 customer found');
  });

  it('removed while waiting to search: no request is sent', async () => {
    const { el } = await mount({ 'debounce-ms': '400' });
    await type(el, 'Rainier');
    el.remove();
    await aTimeout(600);
    expect(await hits(SEARCH)).to.have.length(0);
  });

  it('a customer token (not staff) shows the not-allowed state and fires cert-error', async () => {
    setRole('customer');
    const { host, el } = await mount();
    const failed = oneEvent(host, 'cert-error');
    await type(el, 'Rainier');
    const { detail } = (await failed) as CustomEvent<ErrorDetail>;
    expect(detail.code).to.equal('forbidden');
    await settle(el, 'not-allowed');
    expect(liveText(el)).to.equal('Not allowed');
    expect(part(el, 'message')!.textContent).to.not.equal('');
    expect(input(el).getAttribute('aria-describedby')).to.equal(part(el, 'message')!.id);
    expect(options(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('signed out (401 from the token endpoint) shows the signed-out state', async () => {
    setRole('anonymous');
    const { el } = await mount();
    await type(el, 'Rainier');
    await settle(el, 'signed-out');
    expect(liveText(el)).to.equal('Please sign in');
    await expect(el).to.be.accessible();
  });

  it('an upstream error shows a retry that searches again', async () => {
    const { host, el } = await mount();
    // One more 503 than the client retries by itself.
    await injectFaults({ unavailable: 4 });
    const failed = oneEvent(host, 'cert-error');
    await type(el, 'Rainier');
    const { detail } = (await failed) as CustomEvent<ErrorDetail>;
    expect(detail).to.include({ code: 'upstream_unavailable', retryable: true });
    await settle(el, 'error');
    expect(liveText(el)).to.equal('Unavailable');
    // The buyer's language, the same words as every element's for an unreachable service.
    expect(part(el, 'message')!.textContent).to.equal('The certificate service can’t be reached right now.');
    await expect(el).to.be.accessible();
    part(el, 'button')!.click();
    await settle(el, 'results');
    expect(codes(el)).to.deep.equal(['C-1001']);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    expect(part(el, 'message')).to.equal(null);
    expect(input(el).hasAttribute('aria-describedby')).to.equal(false);
  });

  it('editing the text of a choice drops the choice', async () => {
    const { el } = await mount();
    await type(el, 'Pier');
    await settle(el, 'results');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(el, 'selected');
    expect(el.getAttribute('value')).to.equal('C-1004');
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(el.selected).to.equal(null);
    expect(el.hasAttribute('value')).to.equal(false);
  });

  it('value set by the host chooses that customer; clear() empties everything', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const chosen = oneEvent(host, 'customer-select');
    host.innerHTML = `<customer-lookup token-endpoint="${freshEndpoint()}" value="C-1005"></customer-lookup>`;
    const el = host.querySelector('customer-lookup')!;
    const { detail } = await chosen;
    expect(detail.customer).to.include({ customerCode: 'C-1005', name: 'Evergreen School District' });
    await el.updateComplete;
    expect(input(el).value).to.equal('C-1005 — Evergreen School District');
    expect(el.state).to.equal('selected');
    el.clear();
    await el.updateComplete;
    expect(el.selected).to.equal(null);
    expect(el.hasAttribute('value')).to.equal(false);
    expect(input(el).value).to.equal('');
    expect(el.state).to.equal('idle');
  });

  it('a bad min-chars is a configuration error naming it', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const failed = oneEvent(host, 'cert-error');
    host.innerHTML = `<customer-lookup token-endpoint="${freshEndpoint()}" min-chars="0"></customer-lookup>`;
    const { detail } = (await failed) as CustomEvent<ErrorDetail>;
    expect(detail.code).to.equal('configuration_error');
    expect(detail.message).to.contain('min-chars');
    const el = host.querySelector('customer-lookup')!;
    await el.updateComplete;
    expect(liveText(el)).to.equal('Configuration error');
    expect(input(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('customer-source makes no sense on the lookup itself: configuration error', async () => {
    const { el } = await mount({ 'customer-source': 'other' });
    await settle(el, 'error');
    expect(el.error?.message).to.contain('customer-source');
  });

  it('a <cert-status customer-source> follows the choice, also when added after it', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const endpoint = freshEndpoint();
    host.innerHTML = `<customer-lookup id="who" debounce-ms="100" token-endpoint="${endpoint}"></customer-lookup>
      <cert-status customer-source="who" region="WA" token-endpoint="${endpoint}"></cert-status>`;
    const el = host.querySelector('customer-lookup')!;
    const status = host.querySelector('cert-status')!;
    await el.updateComplete;
    await type(el, 'Cascade');
    await settle(el, 'results');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status.state === 'expired', `cert-status state ${status.state}`, { timeout: 5000 });
    expect(status.customerCode).to.equal('C-1002');
    expect(el.customer?.customerCode).to.equal('C-1002');
    const late = document.createElement('cert-status');
    Object.assign(late, { tokenEndpoint: endpoint, region: 'WA', customerSource: 'who' });
    host.append(late);
    await waitUntil(() => late.state === 'expired', `late cert-status state ${late.state}`, { timeout: 5000 });
  });

  for (const [lang, label, found, none] of [
    ['es', 'Cliente', '1 cliente encontrado', 'Ningún cliente coincide con «zzz».'],
    // French typography: no-break spaces inside the guillemets.
    ['fr', 'Client', '1 client trouvé', 'Aucun client ne correspond à «\u00a0zzz\u00a0».'],
  ] as const) {
    it(`speaks ${lang}`, async () => {
      const { el } = await mount({}, lang);
      expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal(label);
      await type(el, 'Rainier');
      await settle(el, 'results');
      expect(liveText(el)).to.equal(found);
      input(el).select();
      await sendKeys({ type: 'zzz' });
      await settle(el, 'no-results');
      expect(liveText(el)).to.equal(none);
      await expect(el).to.be.accessible();
    });
  }

  it('says when the companion cut the list (more matches than shown)', async () => {
    // The seeded backend holds too few customers to exceed the companion's first page of 20.
    const customer = (n: number): CustomerSummary => ({
      customerCode: `G-${String(n).padStart(6, '0')}`, name: `Generated ${n}`, city: 'Bellevue', region: 'WA', country: 'US',
      postalCode: null, emailAddress: null, faxNumber: null,
    });
    const json = (body: unknown): Response => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    const fetch = sinon.stub(window, 'fetch').callsFake(async (input) =>
      String(input).includes('token')
        ? json({ token: 'tok', expiresAt: new Date(Date.now() + 600_000).toISOString(), customerCode: '*', apiBase: '/stub-api' })
        : json({ customers: Array.from({ length: 20 }, (_, i) => customer(i + 1)), total: 57 }));
    try {
      const { el } = await mount();
      await type(el, 'Gen');
      await settle(el, 'results');
      expect(options(el)).to.have.length(20);
      expect(liveText(el)).to.equal('First 20 of 57 customers shown. Type more to narrow the search.');
      expect(String(fetch.lastCall.args[0])).to.match(/\/stub-api\/v1\/customers\?q=Gen$/);
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      const last = options(el).at(-1)!;
      expect(last.getAttribute('aria-selected')).to.equal('true');
      // The active row is scrolled into the list's view.
      const list = part(el, 'listbox')!.getBoundingClientRect();
      expect(last.getBoundingClientRect().bottom).to.be.at.most(list.bottom + 1);
      await expect(el).to.be.accessible();
    } finally {
      fetch.restore();
    }
  });

  it('the dark theme stays accessible with the list open', async () => {
    const { el } = await mount({ theme: 'dark' });
    await type(el, 'C-100');
    await settle(el, 'results');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

async function post(path: string, body: unknown): Promise<void> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
}
