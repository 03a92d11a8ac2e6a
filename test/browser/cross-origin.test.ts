import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/define-cert-status.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import { resetBackend, setRole } from './fixtures/backend.js';

// The ERP page (this origin) embeds elements whose companion runs on another origin (another port).
let origins: { crossOrigin: string; foreignOrigin: string };
let n = 0;

describe('cross-origin companion', () => {
  before(async () => {
    origins = await (await fetch('/_test/origins')).json();
    expect(new URL(origins.crossOrigin).origin).to.not.equal(location.origin);
  });
  beforeEach(async () => {
    setRole('customer');
    await resetBackend();
  });

  it('works with token-credentials="include": cookie sent cross-origin, API on that origin with CORS', async () => {
    // A query makes a fresh token source per test.
    const endpoint = `${origins.crossOrigin}/token?t=${++n}`;
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${endpoint} token-credentials="include" customer-code="C-1001" region="WA"></cert-status>`);
    await waitUntil(() => el.state !== 'loading', `still loading`, { timeout: 8000 });
    expect(el.state, el.error?.message).to.equal('exempt');
    expect(el.verdict!.customerCode).to.equal('C-1001');
    await expect(el).to.be.accessible();
  });

  it('without credentials the cross-origin endpoint never sees the sign-in cookie: signed out', async () => {
    const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${`${origins.crossOrigin}/token?t=${++n}`} customer-code="C-1001" region="WA"></cert-status>`);
    await waitUntil(() => el.state !== 'loading', `still loading`, { timeout: 8000 });
    expect(el.state).to.equal('signed-out');
    expect(el.verdict).to.equal(undefined);
  });

  it('an origin the companion does not allow is refused: error state, no data', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const failed = oneEvent(host, 'cert-error');
    host.innerHTML = `<cert-status token-endpoint="${origins.foreignOrigin}/token?t=${++n}" token-credentials="include" customer-code="C-1001" region="WA"></cert-status>`;
    const el = host.querySelector('cert-status')!;
    const { detail } = await failed;
    // The browser blocks the answer (no CORS headers): the page only learns that it failed.
    expect(detail.code).to.equal('network_error');
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(el.verdict).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('[part~=details]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
