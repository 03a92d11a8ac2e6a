import { expect, waitUntil } from '@open-wc/testing';
import { freshEndpoint, resetBackend, setRole } from './fixtures/backend.js';

// The built CDN bundles (`npm run build`), each on a plain page of its own (an iframe, so its
// registrations do not meet the source modules this page has loaded). Skipped without a build.
// Assertions compare plain values: a failing match on another frame's DOM node would make the
// runner serialise that node.

/** An iframe whose page loads `bundle` with a module script, then shows `body`. */
async function page(bundle: string, body: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html lang="en"><head><script type="module" src="/dist/${bundle}"></script></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

const registry = (frame: HTMLIFrameElement): CustomElementRegistry => frame.contentWindow!.customElements;

/** Class registered for `tag` in the frame, once defined. */
async function defined(frame: HTMLIFrameElement, tag: string): Promise<CustomElementConstructor & { elementProperties: Map<PropertyKey, unknown> }> {
  await waitUntil(() => registry(frame).get(tag), `<${tag}> not defined`, { timeout: 5000 });
  return registry(frame).get(tag) as CustomElementConstructor & { elementProperties: Map<PropertyKey, unknown> };
}

const state = (frame: HTMLIFrameElement, tag: string): string | null | undefined => frame.contentDocument?.querySelector(tag)?.getAttribute('state');

describe('built bundles (after npm run build)', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(async () => {
    for (const frame of frames.splice(0)) frame.remove();
    setRole('customer');
    await resetBackend();
  });

  async function bundlePage(ctx: Mocha.Context, bundle: string, body: string): Promise<HTMLIFrameElement> {
    if (!(await fetch(`/dist/${bundle}`, { method: 'HEAD' })).ok) ctx.skip();
    const frame = await page(bundle, body);
    frames.push(frame);
    return frame;
  }

  it('cert-elements.min.js registers the same classes as the npm modules, which render a real status', async function () {
    // A staff token grants certificate:read: the storefront's <cert-status> offers the document too.
    setRole('staff');
    await resetBackend();
    const endpoint = freshEndpoint();
    const frame = await bundlePage(this, 'cert-elements.min.js',
      `<cert-status token-endpoint="${endpoint}" customer-code="C-1001" region="WA"></cert-status>
       <certexpress-link token-endpoint="${endpoint}" customer-code="C-1005" region="WA"></certexpress-link>`);
    const status = await defined(frame, 'cert-status');
    const link = await defined(frame, 'certexpress-link');
    await waitUntil(() => state(frame, 'cert-status') === 'exempt', `cert-status did not render (${state(frame, 'cert-status')})`, { timeout: 8000 });

    const el = frame.contentDocument!.querySelector('cert-status')!;
    expect(el.shadowRoot!.querySelector('[part~=label]')!.textContent).to.equal('Certificate on file');
    expect(el.shadowRoot!.querySelector('[part~=details]')!.textContent).to.contain('Washington');
    await waitUntil(() => el.shadowRoot!.querySelector('button[part~=document]'), 'no "View certificate" button', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('button[part~=document]')!.textContent).to.equal('View certificate (Washington)');
    expect('openDocument' in status.prototype).to.equal(true);
    expect(status.elementProperties.has('customerSource')).to.equal(true);
    expect(status.elementProperties.has('compact')).to.equal(true);

    const button = frame.contentDocument!.querySelector('certexpress-link')!.shadowRoot!.querySelector('[part~=button]');
    expect(button!.textContent).to.equal('Request certificate');
    expect(link.elementProperties.has('options')).to.equal(true);
    expect(link.elementProperties.has('customerSource')).to.equal(true);
    // Only the two storefront tags, and the page fetched nothing besides the bundle, its
    // language's strings (every language is a small chunk, fetched alongside the token) and,
    // for the stored document, document viewing: no options form, customer-source or request flow.
    expect(['customer-lookup', 'cert-upload'].filter((tag) => registry(frame).get(tag))).to.deep.equal([]);
    const scripts = frame.contentWindow!.performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.js'));
    // Names without their content hash (six characters, see vite.config.ts).
    expect(scripts.map((p) => p.replace(/-[\w-]{6}\.js$/, '.js')).sort()).to.deep.equal(
      ['/dist/cert-elements.min.js', '/dist/chunks/adopt-style.js', '/dist/chunks/cert-status.documents.js', '/dist/chunks/en.js'],
    );
  });

  it('cert-elements.min.js: <certexpress-link options customer-source> loads its form and follows the chosen customer', async function () {
    setRole('staff');
    await resetBackend();
    const frame = await bundlePage(this, 'cert-elements.min.js',
      `<div id="picker"></div>
       <certexpress-link token-endpoint="${freshEndpoint()}" customer-source="picker" region="WA" options></certexpress-link>`);
    await defined(frame, 'certexpress-link');
    await waitUntil(() => state(frame, 'certexpress-link') === 'choose', `not waiting for a customer (${state(frame, 'certexpress-link')})`, { timeout: 5000 });
    // What a <customer-lookup> does when a customer is chosen (the storefront bundle registers
    // none): it holds the choice, adopted by an element that starts following later, and fires
    // customer-select.
    const win = frame.contentWindow as Window & typeof globalThis;
    const customer = { customerCode: 'C-1005', emailAddress: 'buyer@example.com' };
    const picker = Object.assign(frame.contentDocument!.getElementById('picker')!, { customer });
    picker.dispatchEvent(new win.CustomEvent('customer-select', { detail: { customer }, bubbles: true, composed: true }));
    const el = frame.contentDocument!.querySelector('certexpress-link')! as HTMLElement & { customerCode?: string };
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=form]'), `no options form (${state(frame, 'certexpress-link')})`, { timeout: 8000 });
    expect(el.customerCode).to.equal('C-1005');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('[part~=input]')!.value).to.equal('buyer@example.com');
  });

  it('cert-elements-erp.min.js registers all four elements with their staff features', async function () {
    setRole('staff');
    await resetBackend();
    const frame = await bundlePage(this, 'cert-elements-erp.min.js',
      `<cert-status token-endpoint="${freshEndpoint()}" customer-code="C-1001" region="WA"></cert-status>`);
    for (const tag of ['cert-status', 'certexpress-link', 'customer-lookup', 'cert-upload']) await defined(frame, tag);
    const status = registry(frame).get('cert-status') as CustomElementConstructor & { elementProperties: Map<PropertyKey, unknown> };
    expect('openDocument' in status.prototype).to.equal(true);
    expect(status.elementProperties.has('customerSource')).to.equal(true);
    const link = registry(frame).get('certexpress-link') as CustomElementConstructor & { elementProperties: Map<PropertyKey, unknown> };
    expect(link.elementProperties.has('options')).to.equal(true);

    await waitUntil(() => state(frame, 'cert-status') === 'exempt', `cert-status did not render (${state(frame, 'cert-status')})`, { timeout: 8000 });
    const el = frame.contentDocument!.querySelector('cert-status')!;
    await waitUntil(() => el.shadowRoot!.querySelector('button[part~=document]'), 'no "View certificate" button', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('button[part~=document]')!.textContent).to.equal('View certificate (Washington)');
  });
});
