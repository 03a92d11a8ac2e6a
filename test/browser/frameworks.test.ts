// What frameworks rely on: every boolean property starts as `false` (Vue turns a bare attribute
// into `true` only for a boolean property), properties set before the tag is defined are kept
// (React and Vue set them on the not-yet-upgraded element when the define module loads late),
// and a server-rendered shadow root (declarative shadow DOM) never shows a second, stale box.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import { CertStatusBase } from '../../src/elements/index.js';
import { CertExpressLinkElement } from '../../src/elements/certexpress-link/certexpress-link.js';
import { CertExpressLinkBase } from '../../src/elements/index.js';
import { CustomerLookupElement } from '../../src/elements/customer-lookup/customer-lookup.js';
import { CertUploadElement } from '../../src/elements/cert-upload/cert-upload.js';
import type { TokenResponse } from '../../src/client/contract.js';
import { freshEndpoint, useRealBackend } from './fixtures/backend.js';

let tags = 0;
/** Registers a fresh subclass under a new tag, so a test controls when its definition happens. */
function defineLate<T extends CustomElementConstructor>(base: T): string {
  const name = `late-element-${++tags}`;
  customElements.define(name, class extends (base as unknown as CustomElementConstructor) {} as T);
  return name;
}

/** A `fetchToken` that asks the test backend's token route for `customerCode`. */
const fetchTokenVia = (endpoint: string) => async ({ customerCode }: { customerCode?: string }): Promise<TokenResponse> => {
  const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerCode }) });
  return (await res.json()) as TokenResponse;
};

describe('frameworks', () => {
  useRealBackend('customer');

  it('every boolean property of every element defaults to false', () => {
    const classes: CustomElementConstructor[] = [CertStatusBase, CertStatusElement, CertExpressLinkBase, CertExpressLinkElement, CustomerLookupElement, CertUploadElement];
    let booleans = 0;
    for (const ctor of classes) {
      const el = document.createElement(defineLate(ctor)) as unknown as Record<string, unknown>;
      const props = (ctor as unknown as { elementProperties: Map<string, { type?: unknown }> }).elementProperties;
      for (const [name, options] of props) {
        if (options.type !== Boolean) continue;
        booleans++;
        expect(el[name], `${ctor.name}.${name}`).to.equal(false);
      }
    }
    expect(booleans, 'compact, auto, options (and their subclasses)').to.be.greaterThanOrEqual(5);
  });

  it('properties set before the tag is defined are kept when it is (fetchToken, customerCode, compact)', async () => {
    const name = `late-element-${++tags}`;
    const el = document.createElement(name) as CertStatusElement;
    el.fetchToken = fetchTokenVia(freshEndpoint());
    el.customerCode = 'C-1002';
    el.region = 'WA';
    el.compact = true;
    document.body.append(el);
    try {
      customElements.define(name, class extends CertStatusElement {});
      await waitUntil(() => el.state === 'expired', `state ${el.state}`, { timeout: 8000 });
      expect(el.compact).to.equal(true);
      expect(el.hasAttribute('compact')).to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('properties set on an element defined while disconnected are kept too', async () => {
    const name = `late-element-${++tags}`;
    const el = document.createElement(name) as CertExpressLinkElement;
    el.fetchToken = fetchTokenVia(freshEndpoint());
    el.customerCode = 'C-1005';
    el.region = 'WA';
    customElements.define(name, class extends CertExpressLinkElement {});
    customElements.upgrade(el);
    document.body.append(el);
    try {
      await waitUntil(() => el.state === 'idle' && !!el.shadowRoot?.querySelector('[part~=button]'), `state ${el.state}`, { timeout: 8000 });
      expect(el.error).to.equal(undefined);
    } finally {
      el.remove();
    }
  });

  /** Puts `<tag …>` with a declarative shadow root holding `inner` on the page, as a server would. */
  function serverRendered(tag: string, attributes: string, inner: string): HTMLElement {
    const host = document.createElement('div');
    (host as unknown as { setHTMLUnsafe(html: string): void }).setHTMLUnsafe(`<${tag} ${attributes}><template shadowrootmode="open">${inner}</template></${tag}>`);
    document.body.append(host);
    return host.firstElementChild as HTMLElement;
  }

  // What @lit-labs/ssr emits for the elements (test/node/elements-ssr.test.ts): styles, empty part.
  const SSR_OUTPUT = '<style>:host{display:block}</style><!--lit-part--><!--/lit-part-->';

  it('the storefront classes (CDN bundle) render one box into what @lit-labs/ssr sent', async () => {
    const status = serverRendered(defineLate(CertStatusBase), `token-endpoint="${freshEndpoint()}" customer-code="C-1001" region="WA"`, SSR_OUTPUT) as CertStatusBase;
    const link = serverRendered(defineLate(CertExpressLinkBase), `token-endpoint="${freshEndpoint()}" customer-code="C-1005" region="WA"`, SSR_OUTPUT) as CertExpressLinkBase;
    try {
      await waitUntil(() => status.state === 'exempt' && !!link.shadowRoot!.querySelector('[part~=button]'), `state ${status.state}`, { timeout: 8000 });
      expect(status.shadowRoot!.querySelectorAll('[part~=base]')).to.have.length(1);
      expect(link.shadowRoot!.querySelectorAll('[part~=base]')).to.have.length(1);
    } finally {
      status.parentElement!.remove();
      link.parentElement!.remove();
    }
  });

  it('the npm classes replace a server-rendered shadow root, even one showing a stale box', async () => {
    for (const ctor of [CertStatusElement, CertExpressLinkElement, CustomerLookupElement, CertUploadElement] as CustomElementConstructor[]) {
      const el = serverRendered(defineLate(ctor), `token-endpoint="${freshEndpoint()}" customer-code="C-1001" region="WA"`, '<div part="base">stale server box</div>');
      try {
        await waitUntil(() => el.shadowRoot!.querySelector('[part~=base]:not(:empty)'), `${ctor.name} rendered nothing`, { timeout: 8000 });
        expect(el.shadowRoot!.querySelectorAll('[part~=base]'), ctor.name).to.have.length(1);
        expect(el.shadowRoot!.textContent).to.not.contain('stale server box');
        expect(el.shadowRoot!.adoptedStyleSheets.length, `${ctor.name} styled`).to.be.greaterThan(0);
      } finally {
        el.parentElement!.remove();
      }
    }
  });
});
