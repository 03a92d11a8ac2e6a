import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BatchStatusResponse, StatusList, StatusVerdict } from '../../../src/client/contract.js';
import { errorOf, startStack, type Stack } from './helpers.js';

// The verdict lookup: ListCertificatesForCustomer (one answer serves every zone of the customer).
const VALID_LOOKUP = /\/customers\/[^/]+\/certificates(\?|$)/;

describe('GET /v1/status', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  const verdict = async (customer: string, country: string, region: string): Promise<StatusVerdict> => {
    const res = await stack.get(`/v1/status?country=${country}&region=${region}`, await stack.token(customer, ['status:read']));
    assert.equal(res.status, 200, `${customer} ${country}-${region}`);
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    return (await res.json()) as StatusVerdict;
  };

  test('maps every seeded state', async () => {
    const cases: Array<[string, string, string, string]> = [
      ['C-1001', 'US', 'WA', 'exempt'],
      ['C-1001', 'US', 'CA', 'exempt'],
      ['C-1001', 'US', 'TX', 'expiring'],
      ['C-1001', 'US', 'NV', 'missing'],
      ['C-1002', 'US', 'WA', 'expired'],
      ['C-1003', 'US', 'WA', 'pending'],
      ['C-1004', 'US', 'WA', 'invalid'],
      ['C-1005', 'US', 'WA', 'missing'],
      ['C-1006', 'CA', 'ON', 'exempt'],
      ['C-9999', 'US', 'WA', 'missing'],
    ];
    for (const [customer, country, region, expected] of cases) {
      const v = await verdict(customer, country, region);
      assert.equal(v.status, expected, `${customer} ${country}-${region}`);
      assert.equal(v.customerCode, customer);
      assert.deepEqual({ country: v.zone.country, region: v.zone.region }, { country, region });
    }
  });

  test('an exempt verdict carries the certificate as the elements show it', async () => {
    const v = await verdict('C-1001', 'us', 'wa');
    assert.equal(v.zone.name, 'Washington');
    assert.ok(v.certificate);
    assert.equal(v.certificate.exemptionReason, 'RESALE');
    assert.match(v.certificate.signedDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(v.certificate.expirationDate ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(v.certificate.exposureZone, 'Washington');
    assert.equal(v.certificate.documentAvailable, true);
    assert.ok(!Number.isNaN(Date.parse(v.checkedAt)));
    assert.equal((await verdict('C-1001', 'US', 'NV')).certificate, null);
  });

  test('lists every certificate on file, optionally for one country', async () => {
    const token = await stack.token('C-1001', ['status:read']);
    const all = (await (await stack.get('/v1/status', token)).json()) as StatusList;
    assert.deepEqual(
      all.certificates.map((c) => `${c.zone.region}:${c.status}`).sort(),
      ['CA:exempt', 'TX:expiring', 'WA:exempt'],
    );
    const canada = (await (await stack.get('/v1/status?country=CA', await stack.token('C-1006', ['status:read']))).json()) as StatusList;
    assert.equal(canada.country, 'CA');
    assert.deepEqual(canada.certificates.map((c) => c.zone.region).sort(), ['BC', 'ON']);
    const us = (await (await stack.get('/v1/status?country=US', await stack.token('C-1006', ['status:read']))).json()) as StatusList;
    assert.deepEqual(us.certificates, []);
    const unknown = (await (await stack.get('/v1/status', await stack.token('C-9999', ['status:read']))).json()) as StatusList;
    assert.deepEqual(unknown.certificates, []);
  });

  test('bad zones are 400 with the fields at fault', async () => {
    const token = await stack.token('C-1001', ['status:read']);
    for (const [query, field] of [
      ['country=US&region=XX', 'region'],
      ['country=USA&region=WA', 'country'],
      ['region=WA', 'country'],
      ['country=US&region=W%20A', 'region'],
    ] as const) {
      const res = await stack.get(`/v1/status?${query}`, token);
      assert.equal(res.status, 400, query);
      const error = await errorOf(res);
      assert.equal(error.code, 'invalid_request');
      assert.ok(error.fields?.includes(field), `${query}: ${error.fields}`);
    }
  });

  test('caches verdicts and shares one lookup between identical concurrent requests', async () => {
    // A customer no earlier test asked about (one AvaTax answer serves all zones of a customer).
    const token = await stack.token('C-7777', ['status:read']);
    await stack.get('/v1/status?country=US&region=OR', await stack.token('C-1003', ['status:read'])); // warm definitions
    stack.upstream.reset();
    const answers = await Promise.all(Array.from({ length: 6 }, () => stack.get('/v1/status?country=US&region=ID', token)));
    assert.ok(answers.every((r) => r.status === 200));
    assert.equal(stack.upstream.count(VALID_LOOKUP), 1, 'one upstream lookup for six requests');
    await stack.get('/v1/status?country=US&region=ID', token);
    assert.equal(stack.upstream.count(VALID_LOOKUP), 1, 'served from cache');
  });
});

describe('GET /v1/status without a cache', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ server: { statusCacheSeconds: 0 } });
  });
  after(() => stack.close());

  test('each sequential request goes upstream', async () => {
    const token = await stack.token('C-1001', ['status:read']);
    await stack.get('/v1/status?country=US&region=WA', token);
    stack.upstream.reset();
    await stack.get('/v1/status?country=US&region=WA', token);
    await stack.get('/v1/status?country=US&region=WA', token);
    assert.equal(stack.upstream.count(VALID_LOOKUP), 2);
  });
});

describe('POST /v1/status/batch', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  test('answers each item in order, deduplicating identical items upstream', async () => {
    const staff = await stack.token('*', ['status:read']);
    await stack.get('/v1/exposure-zones', staff); // definitions warm, so only verdict lookups are counted
    stack.upstream.reset();
    const items = [
      { customerCode: 'C-1001', country: 'US', region: 'WA' },
      { customerCode: 'C-1002', country: 'US', region: 'WA' },
      { customerCode: 'C-1001', country: 'US', region: 'WA' },
      { customerCode: 'C-1004', country: 'US', region: 'XX' },
      { customerCode: 'C-1001', country: 'US', region: 'WA' },
    ];
    const res = await stack.post('/v1/status/batch', { items }, staff);
    assert.equal(res.status, 200);
    const body = (await res.json()) as BatchStatusResponse;
    assert.equal(body.items.length, 5);
    assert.deepEqual(
      body.items.map((i) => (i.ok ? i.status : i.error.code)),
      ['exempt', 'expired', 'exempt', 'invalid_request', 'exempt'],
    );
    const failed = body.items[3];
    assert.ok(failed && !failed.ok && failed.customerCode === 'C-1004' && failed.region === 'XX');
    assert.equal(stack.upstream.count(VALID_LOOKUP), 2, 'C-1001/WA looked up once, C-1002/WA once');
  });

  test('runs many distinct items and refuses more than 100', async () => {
    const staff = await stack.token('*', ['status:read']);
    const regions = ['WA', 'OR', 'CA', 'TX', 'NV', 'ID', 'MT', 'UT', 'AZ', 'NM', 'CO', 'WY'];
    const items = regions.flatMap((region) => ['C-1001', 'C-1005'].map((customerCode) => ({ customerCode, country: 'US', region })));
    const res = await stack.post('/v1/status/batch', { items }, staff);
    assert.equal(res.status, 200);
    const body = (await res.json()) as BatchStatusResponse;
    assert.equal(body.items.length, items.length);
    assert.ok(body.items.every((i) => i.ok));

    const tooMany = Array.from({ length: 101 }, () => items[0]);
    const refused = await stack.post('/v1/status/batch', { items: tooMany }, staff);
    assert.equal(refused.status, 400);
    assert.deepEqual((await errorOf(refused)).fields, ['items']);
    const empty = await stack.post('/v1/status/batch', { items: [] }, staff);
    assert.equal(empty.status, 400);
    const badItem = await stack.post('/v1/status/batch', { items: [{ customerCode: '', country: 'US', region: 'WA' }] }, staff);
    assert.equal(badItem.status, 400);
    assert.deepEqual((await errorOf(badItem)).fields, ['items.0.customerCode']);
  });

  test('is staff-only', async () => {
    const res = await stack.post('/v1/status/batch', { items: [{ customerCode: 'C-1001', country: 'US', region: 'WA' }] }, await stack.token('C-1001'));
    assert.equal(res.status, 403);
  });
});

describe('one AvaTax call per verdict', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ server: { statusCacheSeconds: 0 } });
  });
  after(() => stack.close());

  test('a verdict no certificate covers costs one call with the cache off, too', async () => {
    const token = await stack.token('C-1001', ['status:read']);
    await stack.get('/v1/status?country=US&region=WA', token); // definitions warm
    stack.upstream.reset();
    for (const region of ['NV', 'WA', 'OR']) await stack.get(`/v1/status?country=US&region=${region}`, token);
    assert.equal(stack.upstream.count(), 3);
  });
});

describe('calls in flight towards AvaTax', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ proxy: true, sandbox: { customers: 40 }, server: { upstreamConcurrency: 6 } });
  });
  after(() => stack.close());

  test('a batch of many customers runs as many at once as upstreamConcurrency allows, and no more', async () => {
    const staff = await stack.token('*', ['status:read']);
    await stack.get('/v1/exposure-zones', staff);
    stack.proxy!.rules([{ method: 'GET', path: /\/customers\/[^/]+\/certificates/, action: 'slow', ms: 150 }]);
    const items = Array.from({ length: 30 }, (_, i) => ({ customerCode: `G-${String(i + 1).padStart(6, '0')}`, country: 'US', region: 'WA' }));
    const res = await stack.post('/v1/status/batch', { items }, staff);
    assert.equal(res.status, 200);
    assert.equal(stack.upstream.count(/\/customers\/G-\d+\/certificates$/), 30, 'one call per customer');
    assert.equal(stack.proxy!.concurrency('GET').max, 6);
  });
});
