// A cold page: the element's first render waits for its language table, but its status does not.
// The status is asked beside the table (one round trip, not two in a row), and the ask begin()
// makes once the element renders joins the one in flight rather than asking again.
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import { LOADERS } from '../../src/elements/shared/i18n.js';
import { freshEndpoint } from './fixtures/backend.js';
import { gate, json, stubApi, verdict } from './fixtures/stub-api.js';

describe('<cert-status> on a cold page', () => {
  afterEach(() => {
    sinon.restore();
    delete LOADERS['xx'];
  });

  it('asks for its status while the language table is still on its way, once', async () => {
    const table = gate();
    // A language whose table arrives only when the test says so.
    LOADERS['xx'] = () => table.wait.then(() => LOADERS['en']!());
    const calls = stubApi(() => json(verdict('exempt')));
    const el = fixtureSync<CertStatusElement>(html`<cert-status lang="xx" token-endpoint=${freshEndpoint()} region="WA"></cert-status>`);
    const statusAsks = (): number => calls.filter((c) => c.url.pathname.endsWith('/v1/status')).length;
    await waitUntil(() => statusAsks() === 1, 'the status waited for the language table', { timeout: 1500 });
    expect(el.hasUpdated, 'rendered before its table arrived').to.equal(false);
    table.open();
    await waitUntil(() => el.state === 'exempt', `state ${el.state}`, { timeout: 3000 });
    expect(el.shadowRoot!.textContent).to.contain('Certificate on file');
    expect(statusAsks(), 'asked again once rendered').to.equal(1);
  });
});
