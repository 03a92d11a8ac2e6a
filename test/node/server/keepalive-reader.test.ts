/**
 * The status read skips the SDK for Node's keep-alive client: it must read exactly what the
 * official SDK reads, and fail the way the SDK fails so the same error mapping applies.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import avatax from 'avatax';
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { basicAuth, CLIENT_HEADER } from '../../../src/server/avatax/environment.js';
import { keepAliveReader, type JsonReader } from '../../../src/server/avatax/keepalive-reader.js';
import { mapUpstreamError, writeOutcome } from '../../../src/server/avatax/upstream-errors.js';

type AvaTaxClientClass = typeof avatax.default;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const AvaTaxClient: AvaTaxClientClass = ((avatax as any).default ?? avatax) as AvaTaxClientClass;

describe('keep-alive reader', () => {
  let sandbox: Sandbox;
  let read: JsonReader;
  before(async () => {
    sandbox = await createSandbox({ customers: 20 });
    const headers = { authorization: basicAuth(sandbox.credentials.accountId, sandbox.credentials.licenseKey), 'x-avalara-client': CLIENT_HEADER };
    read = (await keepAliveReader(sandbox.url, headers))!;
    assert.ok(read, 'Node has the keep-alive client');
  });
  after(() => sandbox.close());

  const path = (code: string) => `/api/v2/companies/${sandbox.companyId}/customers/${encodeURIComponent(code)}/certificates?%24top=1000`;

  test('reads what the official SDK reads', async () => {
    const sdk = new AvaTaxClient({ appName: 't', appVersion: '1', machineName: 't', environment: sandbox.url }).withSecurity(sandbox.credentials);
    for (const code of ['C-1001', 'C-1006', 'G-000007', 'G-000012']) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const viaSdk = await (sdk as any).listCertificatesForCustomer({ companyId: sandbox.companyId, customerCode: code, top: 1000 });
      assert.deepEqual(await read(path(code), 5000), JSON.parse(JSON.stringify(viaSdk)), code);
    }
  });

  test("fails as the SDK does: AvaTax's error envelope, a timeout, a refused connection", async () => {
    const unknown = await read(path('C-9999'), 5000).catch((e: unknown) => e);
    assert.equal(mapUpstreamError(unknown).code, 'not_found');

    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    const slow = await (await keepAliveReader(`http://127.0.0.1:${port}`, {}))!('/x', 200).catch((e: unknown) => e);
    assert.deepEqual([mapUpstreamError(slow).code, mapUpstreamError(slow).retryable], ['upstream_unavailable', true]);
    silent.closeAllConnections();
    await new Promise<void>((r) => silent.close(() => r()));

    const refused = await (await keepAliveReader(`http://127.0.0.1:${port}`, {}))!('/x', 1000).catch((e: unknown) => e);
    assert.equal(mapUpstreamError(refused).code, 'upstream_unavailable');
    assert.equal(writeOutcome(refused), 'not-sent');

    const page = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'));
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
    const html = await (await keepAliveReader(`http://127.0.0.1:${(page.address() as AddressInfo).port}`, {}))!('/x', 1000).catch((e: unknown) => e);
    assert.equal(mapUpstreamError(html).code, 'upstream_unavailable', 'a proxy page is the service being unavailable');
    page.closeAllConnections();
    await new Promise<void>((r) => page.close(() => r()));
  });
});
