import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CertServerConfigError, createCertServer, type CertServerConfig } from '../../../src/server/index.js';
import { readServeEnv, startServe } from '../../../src/cli/serve-command.js';
import { SECRET, startStack, tinyPdf, uploadForm, type Stack } from './helpers.js';

const GOOD: CertServerConfig = {
  avatax: { accountId: '1', licenseKey: 'super-secret-license', companyId: 1, environment: 'sandbox' },
  secret: SECRET,
};

describe('configuration', () => {
  test('invalid settings throw one line per problem, without echoing secrets', () => {
    assert.throws(
      () =>
        createCertServer({
          ...GOOD,
          avatax: { ...GOOD.avatax, companyId: -5, environment: 'ftp://x/' },
          secret: 'short-but-secret-value',
          allowedOrigins: ['https://shop.example/'],
          basePath: 'api/',
        }),
      (error: unknown) => {
        assert.ok(error instanceof CertServerConfigError);
        assert.equal(error.problems.length, 5, error.problems.join('\n'));
        assert.ok(error.problems.some((p) => p.startsWith('secret ')));
        assert.ok(error.problems.some((p) => p.startsWith('avatax.companyId ')));
        assert.ok(error.problems.some((p) => p.startsWith('allowedOrigins.0 ')));
        assert.doesNotMatch(error.message, /short-but-secret-value|super-secret-license/);
        return true;
      },
    );
    assert.ok(createCertServer(GOOD));
  });

  test('serve reads its environment and names each problem', () => {
    const bad = readServeEnv({ CERT_ELEMENTS_SECRET: 'tiny', AVATAX_ACCOUNT_ID: '1', AVATAX_COMPANY_ID: 'abc', PORT: '99999', CERT_ELEMENTS_ALLOWED_ORIGINS: 'https://ok.example, nope' });
    assert.ok('problems' in bad);
    assert.deepEqual(
      bad.problems.map((p) => p.split(' ')[0]),
      ['CERT_ELEMENTS_SECRET', 'PORT', 'CERT_ELEMENTS_ALLOWED_ORIGINS', 'AVATAX_LICENSE_KEY', 'AVATAX_COMPANY_ID'],
    );
    assert.doesNotMatch(bad.problems.join('\n'), /tiny/);
    const good = readServeEnv({ CERT_ELEMENTS_SECRET: SECRET, PORT: '0' });
    assert.ok(!('problems' in good));
    assert.equal(good.avatax, null);
  });

  test('serve without AVATAX_* runs on an in-process sandbox', async () => {
    const lines: string[] = [];
    const served = await startServe({ CERT_ELEMENTS_SECRET: SECRET, PORT: '0' }, (l) => lines.push(l), false);
    assert.ok(!('problems' in served));
    try {
      assert.ok(served.sandboxUrl);
      assert.ok(lines.some((l) => l.includes('sandbox')));
      const health = (await (await fetch(`${served.url}/v1/health`)).json()) as { ok: boolean };
      assert.equal(health.ok, true);
      const token = await fetch(`${served.url}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(token.status, 401, 'standalone mode mints no tokens');
    } finally {
      await served.close();
    }
  });
});

describe('logging', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ server: { authorize: () => ({ customerCode: 'C-1001', scopes: ['status:read', 'certificate:upload'] }) } });
  });
  after(() => stack.close());

  test('one JSON line per request with route, status and AvaTax timing; no tokens, keys or upload bodies', async () => {
    const minted = (await (await stack.post('/token', {})).json()) as { token: string };
    const res = await stack.get('/v1/status?country=US&region=WA', minted.token, { 'x-request-id': 'req-42' });
    assert.equal(res.status, 200);
    await stack.get('/v1/status?country=US&region=WA', 'forged.token.value');
    const marker = 'UPLOAD-BODY-MARKER';
    await fetch(`${stack.base}/v1/certificates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${minted.token}` },
      body: uploadForm({ country: 'US', region: 'WA', exemptionReason: marker, signedDate: '2024-01-01' }, { bytes: tinyPdf(), name: `${marker}.pdf` }),
    });
    const text = stack.logs.join('');
    const records = stack.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    const statusLine = records.find((r) => r['reqId'] === 'req-42');
    assert.ok(statusLine, text);
    assert.equal(statusLine['method'], 'GET');
    assert.equal(statusLine['route'], '/v1/status');
    assert.equal(statusLine['status'], 200);
    assert.equal(typeof statusLine['durationMs'], 'number');
    assert.ok((statusLine['avataxCalls'] as number) >= 1);
    assert.equal(typeof statusLine['avataxMs'], 'number');
    assert.ok(!text.includes(minted.token), 'token leaked into the log');
    assert.ok(!text.includes('forged.token.value'));
    assert.ok(!text.includes(stack.sandbox.credentials.licenseKey), 'license key leaked');
    assert.ok(!text.includes(SECRET));
    assert.ok(!/Bearer /.test(text));
    assert.ok(!text.includes(marker), 'upload content leaked');
  });
});
