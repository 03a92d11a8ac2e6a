/**
 * The control routes under /_sandbox/: usable from loopback pages (CORS) and plain clients,
 * refused to other sites (a simple text/plain POST, `Origin: null`, a foreign Origin, a
 * DNS-rebinding Host) without changing anything, and statistics that stay bounded.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { api, startSandbox } from './support.js';

interface Stats {
  total: number;
  byRoute: Record<string, number>;
  process: { rssBytes: number; heapUsedBytes: number; eventLoopDelayMaxMs: number; eventLoopDelayP99Ms: number };
}

/** A raw request, so that headers fetch will not send (Host) can be set. */
function raw(sandbox: Sandbox, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${sandbox.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('control routes', () => {
  let sandbox: Sandbox;
  const faults = async () => (await (await fetch(`${sandbox.url}/_sandbox/faults`)).json()) as Record<string, unknown>;
  const post = (headers: Record<string, string>, body = JSON.stringify({ errorRate: 1 })) => raw(sandbox, 'POST', '/_sandbox/faults', headers, body);

  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());

  it('refuses cross-site changes and changes nothing', async () => {
    const attempts: Array<Record<string, string>> = [
      { 'content-type': 'text/plain', origin: 'https://evil.example' },
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/json', origin: 'null' },
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      { 'content-type': 'application/json', origin: 'http://localhost.evil.example:4010' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:5173' },
    ];
    for (const headers of attempts) {
      const answer = await post(headers);
      assert.ok(answer.status === 403 || answer.status === 415, `${JSON.stringify(headers)} → ${answer.status}`);
      assert.equal(answer.headers['access-control-allow-origin'], headers.origin?.startsWith('http://127.0.0.1') ? headers.origin : undefined);
      assert.deepEqual(await faults(), {}, `${JSON.stringify(headers)} changed nothing`);
    }
    await post({ 'content-type': 'application/json' }, JSON.stringify({ latencyMs: 1 }));
    assert.equal((await raw(sandbox, 'DELETE', '/_sandbox/faults', { origin: 'null' })).status, 403);
    assert.equal((await raw(sandbox, 'DELETE', '/_sandbox/stats', { origin: 'https://evil.example' })).status, 403);
    assert.deepEqual(await faults(), { latencyMs: 1 }, 'refused deletes changed nothing');
    sandbox.clearFaults();
  });

  it('refuses a DNS-rebinding Host, even for reads', async () => {
    const answer = await raw(sandbox, 'GET', '/_sandbox/outbox', { host: 'rebound.evil.example' });
    assert.equal(answer.status, 403);
    assert.equal((await raw(sandbox, 'GET', '/_sandbox/stats', { host: `localhost:${sandbox.port}` })).status, 200);
  });

  it('serves loopback pages with CORS, and plain JSON clients', async () => {
    const origin = 'http://localhost:5173';
    const preflight = await raw(sandbox, 'OPTIONS', '/_sandbox/faults', { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], origin);
    assert.match(String(preflight.headers['access-control-allow-headers']), /content-type/);
    const set = await post({ 'content-type': 'application/json', origin }, JSON.stringify({ stuckInvitations: true }));
    assert.equal(set.status, 200, set.text);
    assert.equal(set.headers['access-control-allow-origin'], origin);
    assert.deepEqual(await faults(), { stuckInvitations: true });
    assert.equal((await raw(sandbox, 'DELETE', '/_sandbox/faults', { origin })).status, 200);
    assert.deepEqual(await faults(), {});
    const foreignPreflight = await raw(sandbox, 'OPTIONS', '/_sandbox/faults', { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
    assert.equal(foreignPreflight.headers['access-control-allow-origin'], undefined);
  });

  it('keeps statistics bounded whatever paths and methods are requested, and reports the process', async () => {
    const before = (await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()) as Stats;
    for (let i = 0; i < 300; i++) {
      await (await fetch(`${sandbox.url}/_sandbox/x${i}/${'y'.repeat(i % 50)}`)).arrayBuffer();
      await (await api(sandbox, `/api/v2/companies/7000001/nothing-${i}`)).arrayBuffer();
      await (await api(sandbox, `/api/v2/companies/7000001/customers/G-${i}`)).arrayBuffer();
      await raw(sandbox, i % 2 ? 'PATCH' : 'PUT', `/_sandbox/z${i}`, {});
    }
    const after = (await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()) as Stats;
    const keys = Object.keys(after.byRoute);
    assert.ok(keys.length <= Object.keys(before.byRoute).length + 6, `${keys.length} keys: ${keys.join(', ')}`);
    assert.ok(keys.every((key) => !/x\d|nothing-\d|G-\d/.test(key)), 'no key holds a requested path');
    assert.ok(after.total >= before.total + 1200);
    assert.ok(after.process.rssBytes > 0 && after.process.heapUsedBytes > 0);
    assert.equal(typeof after.process.eventLoopDelayMaxMs, 'number');
    const reset = (await (await fetch(`${sandbox.url}/_sandbox/stats`, { method: 'DELETE' })).json()) as Stats;
    assert.equal(reset.total, 0);
  });
});
