// With Lit's hydration support loaded (a page that server-renders its own Lit components loads
// it before any Lit code), the npm elements take over what @lit-labs/ssr rendered for them
// instead of trying to hydrate it: no hydration error, one live box.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import type { CertExpressLinkElement } from '../../src/elements/certexpress-link/certexpress-link.js';
import { freshEndpoint, useRealBackend } from './fixtures/backend.js';

describe('server-rendered elements with Lit hydration support', () => {
  useRealBackend('customer');

  it('status and link render live over the server output, without a hydration error', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent): void => void errors.push('reason' in e ? e.reason : e.error);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const ssr = '<template shadowrootmode="open"><style>:host{display:block}</style><!--lit-part--><!--/lit-part--></template>';
    const host = document.createElement('div');
    (host as unknown as { setHTMLUnsafe(html: string): void }).setHTMLUnsafe(
      `<cert-status token-endpoint="${freshEndpoint()}" customer-code="C-1001" region="WA">${ssr}</cert-status>` +
        `<certexpress-link token-endpoint="${freshEndpoint()}" customer-code="C-1005" region="WA">${ssr}</certexpress-link>`,
    );
    document.body.append(host);
    const status = host.querySelector('cert-status') as CertStatusElement;
    const link = host.querySelector('certexpress-link') as CertExpressLinkElement;
    try {
      await waitUntil(() => status.state === 'exempt' && !!link.shadowRoot!.querySelector('[part~=button]'), `state ${status.state}`, { timeout: 8000 });
      expect(status.shadowRoot!.querySelectorAll('[part~=base]')).to.have.length(1);
      expect(status.shadowRoot!.querySelector('[part~=label]')!.textContent).to.equal('Certificate on file');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
      host.remove();
    }
  });
});
