/**
 * The companion's HTTP edge under slow and oversized clients: a refused body closes its
 * keep-alive connection cleanly, trickling clients are cut with 408 while others are served,
 * and uploads are handled at most `maxConcurrentUploads` at a time.
 */
import assert from 'node:assert/strict';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createCertServer, listen, type Listening } from '../../../src/server/index.js';
import { SECRET, dayFromToday, startStack, tinyPdf, uploadForm, type Stack } from './helpers.js';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  reusedSocket: boolean;
}

function send(url: string, options: { method: string; headers: Record<string, string | number>; body?: Buffer; agent: Agent }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method, headers: options.headers, agent: options.agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, reusedSocket: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('HTTP edge', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ proxy: true, server: { maxConcurrentUploads: 2 } });
  });
  after(() => stack.close());

  test('an upload refused for its size closes the connection, and the next request on a new one works', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const token = await stack.token('C-1005', ['certificate:upload', 'status:read']);
    const warm = await send(`${stack.base}/v1/status?country=US&region=WA`, { method: 'GET', headers: { authorization: `Bearer ${token}` }, agent });
    const again = await send(`${stack.base}/v1/status?country=US&region=WA`, { method: 'GET', headers: { authorization: `Bearer ${token}` }, agent });
    assert.equal(warm.status, 200);
    assert.equal(again.reusedSocket, true, 'ordinary answers keep the connection alive');

    const oversized = Buffer.alloc(11 * 1024 * 1024, 0x41);
    const refused = await send(`${stack.base}/v1/certificates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': oversized.length },
      body: oversized,
      agent,
    });
    assert.equal(refused.status, 413);
    assert.equal(refused.headers.connection, 'close');
    for (let i = 0; i < 3; i++) {
      const next = await send(`${stack.base}/v1/status?country=US&region=WA`, { method: 'GET', headers: { authorization: `Bearer ${token}` }, agent });
      assert.equal(next.status, 200, `request ${i} after the 413`);
    }
    agent.destroy();
  });

  test('uploads are handled at most maxConcurrentUploads at a time; the others wait their turn', async () => {
    stack.proxy!.rules([{ method: 'POST', path: /\/companies\/\d+\/certificates$/, action: 'slow', ms: 300 }]);
    try {
      const token = await stack.token('C-1001', ['certificate:upload']);
      const uploads = Array.from({ length: 6 }, (_, i) => {
        const form = uploadForm({ country: 'US', region: ['AL', 'AK', 'AZ', 'AR', 'CO', 'CT'][i]!, exemptionReason: 'RESALE', signedDate: dayFromToday(-1) }, { bytes: tinyPdf(), name: 'c.pdf', type: 'application/pdf' });
        return fetch(`${stack.base}/v1/certificates`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      });
      const statuses = (await Promise.all(uploads)).map((r) => r.status);
      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 201]);
      assert.equal(stack.proxy!.concurrency('POST').max, 2);
    } finally {
      stack.proxy!.rules([]);
    }
  });
});

describe('slow clients', () => {
  let http: Listening;
  let token: string;
  before(async () => {
    const server = createCertServer({
      avatax: { accountId: '1', licenseKey: 'k', companyId: 1, environment: 'http://127.0.0.1:9', timeoutMs: 500 },
      secret: SECRET,
      logger: false,
    });
    http = await listen(server, { headersTimeoutMs: 600, requestTimeoutMs: 1200 });
    token = (await server.issueToken({ customerCode: 'C-1', scopes: ['certificate:upload'] })).token;
  });
  after(() => http.close());

  /** Opens a raw connection, writes `text`, and resolves with what came back and when it closed. */
  const trickle = (text: string): Promise<{ reply: string; ms: number }> =>
    new Promise((resolve) => {
      const started = Date.now();
      let reply = '';
      const socket = connect(http.port, '127.0.0.1', () => socket.write(text));
      socket.on('data', (chunk) => (reply += String(chunk)));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve({ reply, ms: Date.now() - started }));
    });

  test('an upload refused before its body was read closes the connection', async () => {
    const { reply } = await trickle('POST /v1/certificates HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n--x');
    assert.match(reply, /^HTTP\/1\.1 401[^]*\r\nConnection: close\r\n/i);
  });

  test('a body that trickles in is cut with 408 in bounded time, while others are served', async () => {
    const slow = trickle(`POST /v1/certificates HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 100000\r\n\r\n--x`);
    const health = await fetch(`${http.url}/v1/health`);
    assert.equal(health.status, 200, 'served meanwhile');
    const { reply, ms } = await slow;
    assert.match(reply, /^HTTP\/1\.1 408/);
    assert.ok(ms < 5000, `closed after ${ms} ms`);
  });

  test('headers that never finish are cut too', async () => {
    const { ms } = await trickle('GET /v1/health HTTP/1.1\r\nHost: x\r\n');
    assert.ok(ms < 5000, `closed after ${ms} ms`);
  });
});
