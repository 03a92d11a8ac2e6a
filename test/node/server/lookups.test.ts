import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CoverLetter, CustomerSearchResult, ExposureZone, Health } from '../../../src/client/contract.js';
import { errorOf, startStack, type Stack } from './helpers.js';

describe('definitions, customer search, health', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  test('exposure zones and cover letters are served to any token and cached', async () => {
    const token = await stack.token('C-1001', ['status:read']);
    stack.upstream.reset();
    const zones = (await (await stack.get('/v1/exposure-zones', token)).json()) as { exposureZones: ExposureZone[] };
    assert.equal(zones.exposureZones.length, 64);
    assert.deepEqual(
      zones.exposureZones.find((z) => z.region === 'WA' && z.country === 'US'),
      { id: zones.exposureZones.find((z) => z.region === 'WA')?.id, name: 'Washington', country: 'US', region: 'WA' },
    );
    const letters = (await (await stack.get('/v1/cover-letters', token)).json()) as { coverLetters: CoverLetter[] };
    const standard = letters.coverLetters.find((l) => l.title === 'STANDARD_REQUEST');
    assert.equal(standard?.subject, 'Please submit your exemption certificate');
    const calls = stack.upstream.count();
    await stack.get('/v1/exposure-zones', token);
    await stack.get('/v1/cover-letters', token);
    assert.equal(stack.upstream.count(), calls, 'second reads come from the cache');
    assert.equal((await stack.get('/v1/exposure-zones')).status, 401);
  });

  test('staff find customers by code, name or city', async () => {
    const staff = await stack.token('*', ['customer:search']);
    const search = async (q: string) => {
      const res = await stack.get(`/v1/customers?q=${encodeURIComponent(q)}`, staff);
      assert.equal(res.status, 200, q);
      return (await res.json()) as CustomerSearchResult;
    };
    assert.deepEqual((await search('C-100')).customers.map((c) => c.customerCode), ['C-1001', 'C-1002', 'C-1003', 'C-1004', 'C-1005', 'C-1006']);
    assert.deepEqual((await search('Rainier')).customers.map((c) => c.customerCode), ['C-1001']);
    const tacoma = await search('Tacoma');
    assert.equal(tacoma.customers[0]?.customerCode, 'C-1002');
    assert.equal(tacoma.customers[0]?.city, 'Tacoma');
    assert.equal(tacoma.total, 1);
    assert.deepEqual((await search("O'Brien's")).customers, [], 'quotes are escaped, not a filter error');
    const empty = await stack.get('/v1/customers?q=', staff);
    assert.equal(empty.status, 400);
    assert.deepEqual((await errorOf(empty)).fields, ['q']);
    assert.equal((await stack.get('/v1/customers', staff)).status, 400);
  });

  test('search returns at most 20', async () => {
    const big = await startStack({ sandbox: { customers: 30 } });
    try {
      const res = await big.get('/v1/customers?q=G-0000', await big.token('*', ['customer:search']));
      const body = (await res.json()) as CustomerSearchResult;
      assert.equal(body.customers.length, 20);
      assert.equal(body.total, 30);
    } finally {
      await big.close();
    }
  });

  test('health needs no token and reports the upstream', async () => {
    const res = await stack.get('/v1/health');
    assert.equal(res.status, 200);
    const health = (await res.json()) as Health;
    assert.deepEqual(health, { ok: true, upstream: 'reachable', store: 'ok', version: health.version });
    assert.match(health.version, /^\d+\.\d+\.\d+/);
  });
});
