import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BatchStatusResponse, Health } from '../../../src/client/contract.js';
import { errorOf, startStack, type Stack } from './helpers.js';

// The verdict lookup: ListCertificatesForCustomer (one answer serves every zone).
const LOOKUP = /\/customers\/C-1001\/certificates(\?|$)/;

describe('upstream faults', () => {
  let stack: Stack;
  before(async () => {
    // A short upstream timeout keeps the hung-request case fast; the cache is off so every call goes upstream.
    stack = await startStack({ server: { statusCacheSeconds: 0, avatax: { timeoutMs: 300 } } });
    const token = await stack.token('C-1001', ['status:read']);
    assert.equal((await stack.get('/v1/status?country=US&region=WA', token)).status, 200); // definitions warm
  });
  after(() => stack.close());

  test('added latency still answers', async () => {
    stack.sandbox.setFaults({ latencyMs: 120 });
    try {
      const started = performance.now();
      const res = await stack.get('/v1/status?country=US&region=WA', await stack.token('C-1001', ['status:read']));
      assert.equal(res.status, 200);
      assert.ok(performance.now() - started >= 120);
    } finally {
      stack.sandbox.clearFaults();
    }
  });

  test('5xx: reads retry once, then 503 upstream_unavailable with Retry-After; recovers afterwards', async () => {
    const token = await stack.token('C-1001', ['status:read']);
    stack.sandbox.setFaults({ errorRate: 1 });
    stack.upstream.reset();
    try {
      const res = await stack.get('/v1/status?country=US&region=WA', token);
      assert.equal(res.status, 503);
      const error = await errorOf(res);
      assert.equal(error.code, 'upstream_unavailable');
      assert.equal(error.retryable, true);
      assert.ok(Number(res.headers.get('retry-after')) > 0);
      assert.equal(stack.upstream.count(LOOKUP), 2, 'one retry');
      assert.doesNotMatch(error.message, /UnhandledException|stack|at /);
    } finally {
      stack.sandbox.clearFaults();
    }
    assert.equal((await stack.get('/v1/status?country=US&region=WA', token)).status, 200);
  });

  test('writes are not retried', async () => {
    const token = await stack.token('C-1005', ['invite:create']);
    await stack.get('/v1/cover-letters', token);
    stack.sandbox.setFaults({ errorRate: 1 });
    stack.upstream.reset();
    try {
      const res = await stack.post('/v1/invitations', { country: 'US', region: 'WA', deliveryMethod: 'Download' }, token);
      assert.equal(res.status, 503);
      assert.ok(stack.upstream.count(/^POST .*certexpressinvites/) <= 1);
    } finally {
      stack.sandbox.clearFaults();
    }
  });

  test('batch items fail one by one', async () => {
    const staff = await stack.token('*', ['status:read']);
    stack.sandbox.setFaults({ errorRate: 1 });
    try {
      const res = await stack.post('/v1/status/batch', { items: [{ customerCode: 'C-1001', country: 'US', region: 'WA' }, { customerCode: 'C-1002', country: 'US', region: 'WA' }] }, staff);
      assert.equal(res.status, 200);
      const body = (await res.json()) as BatchStatusResponse;
      assert.deepEqual(body.items.map((i) => (i.ok ? 'ok' : i.error.code)), ['upstream_unavailable', 'upstream_unavailable']);
    } finally {
      stack.sandbox.clearFaults();
    }
  });

  test('hung requests time out in bounded time; recovers afterwards', async () => {
    const token = await stack.token('C-1001', ['status:read']);
    stack.sandbox.setFaults({ hangRate: 1 });
    try {
      const started = performance.now();
      const res = await stack.get('/v1/status?country=US&region=WA', token);
      const elapsed = performance.now() - started;
      assert.equal(res.status, 503);
      assert.equal((await errorOf(res)).code, 'upstream_unavailable');
      assert.ok(elapsed < 2000, `answered after ${Math.round(elapsed)} ms`);
      const health = (await (await stack.get('/v1/health')).json()) as Health;
      assert.equal(health.ok, false);
      assert.equal(health.upstream, 'unreachable');
    } finally {
      stack.sandbox.clearFaults();
    }
    assert.equal((await stack.get('/v1/status?country=US&region=WA', token)).status, 200);
  });

  test('bad credentials: 502 upstream_error with a safe message; recovers afterwards', async () => {
    const token = await stack.token('C-1001', ['status:read']);
    stack.sandbox.setFaults({ badCredentials: true });
    stack.upstream.reset();
    try {
      const res = await stack.get('/v1/status?country=US&region=WA', token);
      assert.equal(res.status, 502);
      const error = await errorOf(res);
      assert.equal(error.code, 'upstream_error');
      assert.equal(error.retryable, false);
      assert.doesNotMatch(error.message, /AuthenticationException|license|sandbox-license-key|2000000001/i);
      assert.equal(stack.upstream.count(LOOKUP), 1, 'credential errors are not retried');
    } finally {
      stack.sandbox.clearFaults();
    }
    assert.equal((await stack.get('/v1/status?country=US&region=WA', token)).status, 200);
  });
});

describe('health under bad credentials', () => {
  test(
    'reports upstream unauthorized',
    async () => {
      const stack = await startStack();
      try {
        stack.sandbox.setFaults({ badCredentials: true });
        const health = (await (await stack.get('/v1/health')).json()) as Health;
        assert.deepEqual([health.ok, health.upstream], [false, 'unauthorized']);
      } finally {
        await stack.close();
      }
    },
  );
});

describe('upstream down', () => {
  test('a closed sandbox is 503, fast', async () => {
    const stack = await startStack({ server: { avatax: { timeoutMs: 500 } } });
    const token = await stack.token('C-1001', ['status:read']);
    await stack.sandbox.close();
    try {
      const res = await stack.get('/v1/status?country=US&region=WA', token);
      assert.equal(res.status, 503);
      const health = (await (await stack.get('/v1/health')).json()) as Health;
      assert.deepEqual([health.ok, health.upstream], [false, 'unreachable']);
    } finally {
      await stack.close().catch(() => undefined); // the sandbox is already closed
    }
  });
});
