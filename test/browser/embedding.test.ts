import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { define } from '../../src/elements/shared/define.js';
import { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import '../../src/index.js';
import { resetBackend, setRole } from './fixtures/backend.js';

describe('embedding', () => {
  afterEach(() => sinon.restore());

  it('defining an element twice is harmless; another version warns and keeps the first', async () => {
    const warn = sinon.stub(console, 'warn');
    expect(customElements.get('cert-status')).to.equal(CertStatusElement);
    define('cert-status', CertStatusElement);
    await import('../../src/elements/define-cert-status.js');
    expect(warn).to.not.have.been.called;
    class Other extends CertStatusElement {
      static override version = '9.9.9';
    }
    define('cert-status', Other);
    expect(customElements.get('cert-status')).to.equal(CertStatusElement);
    expect(warn).to.have.been.calledOnce;
    expect(String(warn.firstCall.args[0])).to.contain('9.9.9');
  });

  it('renders both elements on a page with a strict CSP and litNonce, without violations', async () => {
    setRole('customer');
    await resetBackend();
    const frame = document.createElement('iframe');
    frame.src = '/_test/csp.html';
    document.body.append(frame);
    try {
      await waitUntil(() => frame.contentDocument?.querySelector('cert-status')?.getAttribute('state') === 'exempt', 'cert-status did not render', { timeout: 8000 });
      const doc = frame.contentDocument!;
      const link = doc.querySelector('certexpress-link')!;
      expect(link.shadowRoot!.querySelector('[part~=button]')!.textContent).to.equal('Request certificate');
      const status = doc.querySelector('cert-status')!;
      // Styles applied: the badge has the success colour, not the inherited text colour.
      const badge = status.shadowRoot!.querySelector('[part~=badge]')!;
      expect(frame.contentWindow!.getComputedStyle(badge).fontWeight).to.equal('600');
      expect((frame.contentWindow as unknown as { cspViolations: string[] }).cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('the one-file bundle works from a plain script tag (after npm run build)', async function () {
    if (!(await fetch('/dist/cert-elements.min.js', { method: 'HEAD' })).ok) this.skip();
    setRole('customer');
    await resetBackend();
    const frame = document.createElement('iframe');
    frame.src = '/_test/bundle.html';
    document.body.append(frame);
    try {
      await waitUntil(() => frame.contentDocument?.querySelector('cert-status')?.getAttribute('state') === 'expired', 'bundle did not render', { timeout: 8000 });
      const label = frame.contentDocument!.querySelector('cert-status')!.shadowRoot!.querySelector('[part~=label]')!;
      expect(label.textContent).to.equal('Certificat expiré');
    } finally {
      frame.remove();
    }
  });
});
