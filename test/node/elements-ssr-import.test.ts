// Importing the elements on a server (no DOM) must not throw: define modules skip registration.
// The specifiers are variables so the Node typecheck does not pull in the browser sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const load = (specifier: string): Promise<Record<string, unknown>> => import(specifier) as Promise<Record<string, unknown>>;

test('the element modules import in Node without a DOM', async () => {
  for (const specifier of ['../../src/index.js', '../../src/elements/define-cert-status.js', '../../src/elements/define-certexpress-link.js']) {
    const mod = await load(specifier);
    assert.ok(Object.keys(mod).length > 0, specifier);
  }
  const index = await load('../../src/index.js');
  assert.equal(typeof index.CertStatusElement, 'function');
  assert.equal(typeof index.CertExpressLinkElement, 'function');
});

test('the headless client imports and reports a configuration error without a token source', async () => {
  const { CertClient } = (await load('../../src/client/index.js')) as { CertClient: new (o: object) => unknown };
  assert.throws(() => new CertClient({}), (e: { code?: string }) => e.code === 'configuration_error');
});
