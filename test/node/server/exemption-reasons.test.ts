import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExemptionReason } from '../../../src/client/contract.js';
import { avataxGet, dayFromToday, errorOf, startStack, tinyPdf, uploadForm, type Stack } from './helpers.js';

describe('GET /v1/exemption-reasons', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  test('answers the sandbox catalogue, id and name, to any valid token', async () => {
    const token = await stack.token('C-1001', ['status:read']);
    const res = await stack.get('/v1/exemption-reasons', token);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('cache-control') ?? '', /max-age=3600/);
    const { exemptionReasons } = (await res.json()) as { exemptionReasons: ExemptionReason[] };

    const upstream = await avataxGet(stack.sandbox, '/definitions/certificateexemptreasons');
    const expected = (upstream.body as { value: Array<{ id: number; name: string }> }).value.map(({ id, name }) => ({ id, name }));
    assert.ok(expected.length >= 9);
    assert.deepEqual(exemptionReasons, expected);
    for (const name of ['RESALE', 'CHARITABLE/EXEMPT ORG', 'GOVERNMENT', 'EDUCATIONAL']) {
      assert.ok(exemptionReasons.some((r) => r.name === name), name);
    }
    for (const reason of exemptionReasons) assert.deepEqual(Object.keys(reason).sort(), ['id', 'name']);
  });

  test('is cached: a second read does not reach AvaTax', async () => {
    const staff = await stack.token('*', ['customer:search']);
    await stack.get('/v1/exemption-reasons', staff);
    stack.upstream.reset();
    const res = await stack.get('/v1/exemption-reasons', staff);
    assert.equal(res.status, 200);
    assert.equal(stack.upstream.count(/exemptreasons/), 0);
  });

  test('shares its cache with upload validation: one upstream read serves both', async () => {
    const fresh = await startStack();
    try {
      const token = await fresh.token('C-1005', ['certificate:upload']);
      fresh.upstream.reset();
      const { exemptionReasons } = (await (await fresh.get('/v1/exemption-reasons', token)).json()) as { exemptionReasons: ExemptionReason[] };
      const reason = exemptionReasons.find((r) => r.name === 'EDUCATIONAL')!.name;
      const form = uploadForm(
        { country: 'US', region: 'UT', exemptionReason: reason, signedDate: dayFromToday(-1) },
        { bytes: tinyPdf(), name: 'utah.pdf', type: 'application/pdf' },
      );
      const res = await fetch(`${fresh.base}/v1/certificates`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      assert.equal(res.status, 201);
      assert.equal(fresh.upstream.count(/certificateexemptreasons/), 1);
    } finally {
      await fresh.close();
    }
  });

  test('needs a token', async () => {
    const res = await stack.get('/v1/exemption-reasons');
    assert.equal(res.status, 401);
    assert.equal((await errorOf(res)).code, 'unauthorized');
  });
});
