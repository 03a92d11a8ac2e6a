/**
 * Three companion instances behind a round-robin client, sharing a real `redis-server`: the
 * invitation rate limit holds across them, an upload through one makes the others answer
 * fresh, concurrent identical creates make one invitation, and a Redis restart mid-test costs
 * no correctness (rate-limited writes refuse while it is down, reads go to AvaTax).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Health, Invitation, StatusVerdict } from '../../../src/client/contract.js';
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { createCertServer, listen, type CertServer, type Listening } from '../../../src/server/index.js';
import { redisStore, type RedisStore } from '../../../src/server/redis.js';
import { redisUnavailable, startRedis, type RedisServer } from '../../support/redis-server.js';
import { SECRET, avataxGet, dayFromToday, errorOf, tinyPdf, uploadForm } from './helpers.js';

const skip = redisUnavailable();

describe('three instances over one Redis', { skip }, () => {
  let redis: RedisServer;
  let sandbox: Sandbox;
  const instances: Array<{ server: CertServer; http: Listening; store: RedisStore }> = [];
  let turn = 0;

  before(async () => {
    redis = await startRedis();
    sandbox = await createSandbox({ inviteDelayMs: 50 });
    for (let i = 0; i < 3; i++) {
      const store = redisStore({ url: redis.url });
      await store.ready();
      const server = createCertServer({
        avatax: { accountId: sandbox.credentials.accountId, licenseKey: sandbox.credentials.licenseKey, companyId: sandbox.companyId, environment: sandbox.url, timeoutMs: 2000 },
        secret: SECRET,
        logger: false,
        store,
        inviteRateLimit: 5,
      });
      instances.push({ server, http: await listen(server), store });
    }
  });
  after(async () => {
    for (const { http, store } of instances) {
      await http.close();
      await store.close();
    }
    await sandbox?.close();
    await redis?.stop();
  });

  /** The next instance in turn (or instance `i`). */
  const base = (i?: number) => instances[i ?? turn++ % instances.length]!.http.url;
  const token = (customerCode: string) => instances[0]!.server.issueToken({ customerCode, scopes: ['status:read', 'invite:create', 'certificate:upload'] }).then((t) => t.token);
  const invite = async (customerCode: string, region: string, i?: number) =>
    fetch(`${base(i)}/v1/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(customerCode)}` },
      body: JSON.stringify({ country: 'US', region, deliveryMethod: 'Download' }),
    });
  const status = async (customerCode: string, region: string, i: number) =>
    (await (await fetch(`${base(i)}/v1/status?country=US&region=${region}`, { headers: { authorization: `Bearer ${await token(customerCode)}` } })).json()) as StatusVerdict;
  const invitationsOf = async (customerCode: string) =>
    ((await avataxGet(sandbox, `/companies/${sandbox.companyId}/certexpressinvites?$filter=customerCode eq '${customerCode}'`)).body as { value: unknown[] }).value;

  test('the invitation rate limit holds across instances', async () => {
    const statuses: number[] = [];
    for (const region of ['AL', 'AK', 'AZ', 'AR', 'CO', 'CT', 'DE']) statuses.push((await invite('C-1004', region)).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429]);
    assert.equal((await invitationsOf('C-1004')).length, 5);
  });

  test('an upload through one instance makes the others answer fresh', async () => {
    assert.equal((await status('C-1005', 'OR', 1)).status, 'missing');
    assert.equal((await status('C-1005', 'OR', 2)).status, 'missing');
    const form = uploadForm({ country: 'US', region: 'OR', exemptionReason: 'RESALE', signedDate: dayFromToday(-1) }, { bytes: tinyPdf(), name: 'c.pdf', type: 'application/pdf' });
    const uploaded = await fetch(`${base(0)}/v1/certificates`, { method: 'POST', headers: { authorization: `Bearer ${await token('C-1005')}` }, body: form });
    assert.equal(uploaded.status, 201);
    assert.equal((await status('C-1005', 'OR', 1)).status, 'exempt');
    assert.equal((await status('C-1005', 'OR', 2)).status, 'exempt');
  });

  test('twenty concurrent identical creates spread over the instances make one upstream invitation', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => invite('C-1002', 'NV', i % 3)));
    assert.ok(answers.every((r) => r.status === 200 || r.status === 201), answers.map((r) => r.status).join());
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as Invitation[];
    assert.equal(new Set(bodies.map((b) => b.id)).size, 1);
    assert.equal((await invitationsOf('C-1002')).length, 1);
  });

  test('cert-elements serve shares state through CERT_ELEMENTS_REDIS_URL', async () => {
    const { startServe } = await import('../../../src/cli/serve-command.js');
    const lines: string[] = [];
    const env = {
      CERT_ELEMENTS_SECRET: SECRET,
      PORT: '0',
      CERT_ELEMENTS_REDIS_URL: redis.url,
      AVATAX_ACCOUNT_ID: sandbox.credentials.accountId,
      AVATAX_LICENSE_KEY: sandbox.credentials.licenseKey,
      AVATAX_COMPANY_ID: String(sandbox.companyId),
      AVATAX_ENVIRONMENT: sandbox.url,
    };
    const served = await startServe(env, (l) => lines.push(l), false);
    assert.ok(!('problems' in served));
    try {
      assert.ok(lines.some((l) => l.includes('Redis')));
      const health = (await (await fetch(`${served.url}/v1/health`)).json()) as Health;
      assert.equal(health.store, 'ok');
      // Its rate limit is the one the instances above share (C-1004 used all five).
      const refused = await fetch(`${served.url}/v1/invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await token('C-1004')}` },
        body: JSON.stringify({ country: 'US', region: 'FL', deliveryMethod: 'Download' }),
      });
      assert.equal(refused.status, 429);
    } finally {
      await served.close();
    }
    const { readServeEnv } = await import('../../../src/cli/serve-command.js');
    assert.ok('problems' in readServeEnv({ CERT_ELEMENTS_SECRET: SECRET, CERT_ELEMENTS_REDIS_URL: 'http://nope' }));
  });

  test('a Redis restart loses no correctness', async () => {
    assert.equal((await status('C-1003', 'ID', 0)).status, 'missing');
    await redis.stop();
    // Reads go to AvaTax: still the truth.
    assert.equal((await status('C-1003', 'ID', 1)).status, 'missing');
    assert.equal((await status('C-1001', 'WA', 2)).status, 'exempt');
    // Writes that need the shared limit and lock refuse, saying nothing was sent.
    const refused = await invite('C-1003', 'ID', 0);
    assert.equal(refused.status, 503);
    assert.equal((await errorOf(refused)).retryable, true);
    assert.equal((await invitationsOf('C-1003')).length, 0);
    const health = (await (await fetch(`${base(1)}/v1/health`)).json()) as Health;
    assert.equal(health.store, 'unavailable');

    await redis.start();
    let created: Response | undefined;
    for (let i = 0; i < 50 && created?.status !== 201; i++) {
      created = await invite('C-1003', 'ID', i % 3);
      if (created.status !== 201) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(created?.status, 201, 'writes work again once Redis is back');
    // The shared cache works again: one instance's upload refreshes the others.
    assert.equal((await status('C-1003', 'ID', 1)).status, 'missing');
    const form = uploadForm({ country: 'US', region: 'ID', exemptionReason: 'RESALE', signedDate: dayFromToday(-1) }, { bytes: tinyPdf(), name: 'c.pdf', type: 'application/pdf' });
    await fetch(`${base(2)}/v1/certificates`, { method: 'POST', headers: { authorization: `Bearer ${await token('C-1003')}` }, body: form });
    assert.equal((await status('C-1003', 'ID', 1)).status, 'exempt');
  });
});
