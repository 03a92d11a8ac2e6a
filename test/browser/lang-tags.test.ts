// A language that is not a BCP 47 tag (a page's `lang="en_US"`, or WebKitGTK reporting the
// POSIX locale "C" as navigator.language) must not stop an element from rendering: Intl throws
// a RangeError for such tags.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CertUploadElement } from '../../src/elements/cert-upload/cert-upload.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import { freshEndpoint, useRealBackend } from './fixtures/backend.js';

describe('invalid language tags', () => {
  useRealBackend('staff');

  for (const lang of ['en_US', 'C']) {
    it(`lang="${lang}": the upload form and a dated status render, in English`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
      host.innerHTML = `<cert-upload token-endpoint="${freshEndpoint()}" customer-code="C-1005" region="WA"></cert-upload>
        <cert-status token-endpoint="${freshEndpoint()}" customer-code="C-1001" region="TX"></cert-status>`;
      const upload = host.querySelector('cert-upload') as CertUploadElement;
      const status = host.querySelector('cert-status') as CertStatusElement;
      await waitUntil(() => upload.state === 'idle' && status.state === 'expiring', `states ${upload.state}, ${status.state}`, { timeout: 8000 });
      const zones = [...upload.shadowRoot!.querySelectorAll<HTMLOptionElement>('#zone option')].map((o) => o.textContent);
      expect(zones.length).to.be.greaterThan(10);
      expect(zones.slice(1, 3)).to.deep.equal([...zones.slice(1, 3)].sort());
      expect(status.shadowRoot!.querySelector('[part~=details]')!.textContent).to.contain('Expires');
    });
  }
});
