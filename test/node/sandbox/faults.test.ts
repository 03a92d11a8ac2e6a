/**
 * Fault injection: seeded, reproducible decisions; injected errors as the SDK sees them;
 * latency; hung requests that end on client abort or on close(); rejected credentials.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { api, rejectsWithCode, sdk, startSandbox } from './support.js';

async function statuses(sandbox: Sandbox, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await api(sandbox, '/api/v2/utilities/ping');
    await response.arrayBuffer();
    out.push(response.status);
  }
  return out;
}

async function withSandbox(options: Parameters<typeof startSandbox>[0], run: (sandbox: Sandbox) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox(options);
  try {
    await run(sandbox);
  } finally {
    await sandbox.close();
  }
}

describe('fault injection', () => {
  it('makes the same decisions for the same seed, and restarts the sequence on each change', async () => {
    let first: number[] = [];
    await withSandbox({ seed: 42, faults: { errorRate: 0.5 } }, async (sandbox) => {
      first = await statuses(sandbox, 24);
      assert.ok(first.includes(200));
      assert.ok(first.some((s) => s === 500 || s === 503));
      sandbox.setFaults({ errorRate: 0.5 });
      assert.deepEqual(await statuses(sandbox, 24), first);
    });
    await withSandbox({ seed: 42 }, async (sandbox) => {
      sandbox.setFaults({ errorRate: 0.5 });
      assert.deepEqual(await statuses(sandbox, 24), first);
    });
    await withSandbox({ seed: 43, faults: { errorRate: 0.5 } }, async (sandbox) => {
      assert.notDeepEqual(await statuses(sandbox, 24), first);
    });
  });

  it('answers injected errors with AvaTax envelopes the SDK raises', async () => {
    await withSandbox({ faults: { errorRate: 1 } }, async (sandbox) => {
      const client = sdk(sandbox);
      const codes = new Set<string>();
      for (let i = 0; i < 12; i++) {
        try {
          await client.getCustomer({ companyId: sandbox.companyId, customerCode: 'C-1001' });
          assert.fail('expected an injected error');
        } catch (error) {
          codes.add(String((error as { code?: string }).code));
        }
      }
      assert.deepEqual([...codes].sort(), ['ServiceNotReady', 'UnhandledException']);
      const response = await fetch(`${sandbox.url}/_sandbox/stats`);
      assert.equal(response.status, 200, 'control routes are never faulted');
      await response.arrayBuffer();
      sandbox.clearFaults();
      assert.equal((await client.getCustomer({ companyId: sandbox.companyId, customerCode: 'C-1001' })).customerCode, 'C-1001');
    });
  });

  it('adds latency to API answers', async () => {
    await withSandbox({ faults: { latencyMs: 120 } }, async (sandbox) => {
      const started = performance.now();
      await (await api(sandbox, '/api/v2/utilities/ping')).arrayBuffer();
      assert.ok(performance.now() - started >= 110, 'the answer waited for the injected latency');
    });
  });

  it('ends a hung request when the client aborts, and keeps serving others', async () => {
    await withSandbox({}, async (sandbox) => {
      await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hangRate: 1 }) }).then((r) => r.arrayBuffer());
      const controller = new AbortController();
      const hung = api(sandbox, '/api/v2/utilities/ping', { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(hung, { name: 'AbortError' });
      const cleared = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
      assert.deepEqual(await cleared.json(), {});
      assert.equal((await api(sandbox, '/api/v2/utilities/ping')).status, 200);
    });
  });

  it('lets the SDK time out on a hung request', async () => {
    await withSandbox({ faults: { hangRate: 1 } }, async (sandbox) => {
      await assert.rejects(sdk(sandbox, undefined, 100).ping(), /timeout/);
    });
  });

  it('resolves close() while a request hangs, ending that request', async () => {
    const sandbox = await startSandbox({ faults: { hangRate: 1 } });
    const hung = api(sandbox, '/api/v2/utilities/ping', { signal: AbortSignal.timeout(10_000) });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = performance.now();
    await sandbox.close();
    assert.ok(performance.now() - started < 5_000);
    await assert.rejects(hung);
  });

  it('rejects every authenticated call while badCredentials is set', async () => {
    await withSandbox({ faults: { badCredentials: true } }, async (sandbox) => {
      const client = sdk(sandbox);
      await rejectsWithCode(client.getCustomer({ companyId: sandbox.companyId, customerCode: 'C-1001' }), 'AuthenticationException');
      assert.equal((await client.ping()).authenticated, false);
      sandbox.clearFaults();
      assert.equal((await client.ping()).authenticated, true);
    });
  });
});
