/**
 * The freshness contract: a re-check a person caused (`Cache-Control: no-cache`) reads AvaTax
 * now, within a per-customer budget; an answer that no certificate covers is cached at most
 * 10 s, a covered one `statusCacheSeconds`; writes through the companion clear the customer.
 * Certificates are added behind the companion's back through the official SDK, as a buyer
 * signing on CertExpress would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import avatax from 'avatax';
import type { StatusList, StatusVerdict } from '../../../src/client/contract.js';
import { startStack, type Stack } from './helpers.js';

type AvaTaxClientClass = typeof avatax.default;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const AvaTaxClient: AvaTaxClientClass = ((avatax as any).default ?? avatax) as AvaTaxClientClass;
const LIST = /\/customers\/[^/]+\/certificates(\?|$)/;

describe('freshness', () => {
  let stack: Stack;
  let clock = Date.now();
  before(async () => {
    stack = await startStack({ server: { freshReadsPerMinute: 3, now: () => new Date(clock) } });
  });
  after(() => stack.close());

  /** A certificate filed straight in AvaTax (the CertExpress page does this when a buyer signs). */
  const fileDirectly = async (customerCode: string, zone: string) => {
    const { accountId, licenseKey } = stack.sandbox.credentials;
    const sdk = new AvaTaxClient({ appName: 'test', appVersion: '1', machineName: 'test', environment: stack.sandbox.url }).withSecurity({ accountId, licenseKey });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await (sdk as any).createCertificates({
      companyId: stack.sandbox.companyId,
      model: [{ signedDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), exemptionReason: { name: 'RESALE' }, exposureZone: { name: zone }, customers: [{ customerCode }], filename: 'signed.pdf' }],
    });
  };
  const status = async (customerCode: string, region: string, fresh = false) =>
    (await (await stack.get(`/v1/status?country=US&region=${region}`, await stack.token(customerCode, ['status:read']), fresh ? { 'cache-control': 'no-cache' } : {})).json()) as StatusVerdict;

  test("a person's re-check sees a certificate filed a moment ago; an ordinary read may still be cached", async () => {
    assert.equal((await status('C-1005', 'WA')).status, 'missing');
    await fileDirectly('C-1005', 'Washington');
    assert.equal((await status('C-1005', 'WA')).status, 'missing', 'cached (a few seconds old)');
    const fresh = await status('C-1005', 'WA', true);
    assert.equal(fresh.status, 'exempt');
    assert.equal(fresh.checkedAt, new Date(clock).toISOString());
    assert.equal((await status('C-1005', 'WA')).status, 'exempt', 'the fresh answer refreshed the cache for everyone');
  });

  test('fresh reads per customer are bounded; past the budget the cache answers', async () => {
    await status('C-1004', 'WA');
    stack.upstream.reset();
    for (let i = 0; i < 5; i++) await status('C-1004', 'WA', true);
    assert.equal(stack.upstream.count(LIST), 3, 'three fresh reads a minute');
    clock += 61_000;
    await status('C-1004', 'WA', true);
    assert.equal(stack.upstream.count(LIST), 4, 'the budget comes back with the window');
  });

  test('an answer no certificate covers is cached at most 10 s, a covered one for statusCacheSeconds', async () => {
    await status('C-1002', 'WA'); // expired
    await status('C-1001', 'WA'); // exempt
    stack.upstream.reset();
    clock += 9_000;
    await status('C-1002', 'WA');
    await status('C-1001', 'WA');
    assert.equal(stack.upstream.count(LIST), 0);
    clock += 2_000;
    await status('C-1002', 'WA');
    await status('C-1001', 'WA');
    assert.equal(stack.upstream.count(LIST), 1, 'only the uncovered answer was read again');
    clock += 20_000;
    await status('C-1001', 'WA');
    assert.equal(stack.upstream.count(LIST), 2, 'the covered answer after 30 s');
  });

  test('without a country, the list covers every country the customer has certificates in', async () => {
    const all = (await (await stack.get('/v1/status', await stack.token('C-1006', ['status:read']))).json()) as StatusList;
    assert.deepEqual(all.certificates.map((c) => c.zone.country).sort(), ['CA', 'CA']);
    assert.equal(all.country, undefined);
  });

  test('a checked-at time tells how old a cached answer is', async () => {
    const first = await status('C-1003', 'WA');
    clock += 5_000;
    const second = await status('C-1003', 'WA');
    assert.equal(second.checkedAt, first.checkedAt, 'served from the cache, stamped with the time AvaTax was asked');
  });
});

describe('re-checks of one page share one read', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  test('with Recheck-Age, the re-checks a person caused at once share one AvaTax read; without it each reads', async () => {
    const token = await stack.token('C-1001', ['status:read']);
    const ask = (path: string, headers: Record<string, string>) => stack.get(path, token, headers);
    await ask('/v1/status?country=US&region=WA', {});
    // The person acts (40 ms before their page's requests arrive) after that answer was cached.
    await new Promise((r) => setTimeout(r, 100));
    stack.upstream.reset();
    const page = { 'cache-control': 'no-cache', 'recheck-age': '40' };
    await Promise.all([ask('/v1/status?country=US&region=WA', page), ask('/v1/status?country=US&region=NV', page), ask('/v1/status', page)]);
    assert.equal(stack.upstream.count(LIST), 1, 'one read for the three elements');
    // A moment later, a new action: the answer from before it will not do.
    await new Promise((r) => setTimeout(r, 60));
    await ask('/v1/status?country=US&region=WA', { 'cache-control': 'no-cache', 'recheck-age': '5' });
    assert.equal(stack.upstream.count(LIST), 2);
    await ask('/v1/status?country=US&region=WA', { 'cache-control': 'no-cache' });
    await ask('/v1/status?country=US&region=WA', { 'cache-control': 'no-cache' });
    assert.equal(stack.upstream.count(LIST), 4, 'without an age every re-check reads anew');
  });
});
