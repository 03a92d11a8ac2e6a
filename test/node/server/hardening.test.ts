/**
 * Defences that need an upstream misbehaving in ways the sandbox does not: customer codes that
 * would turn into path segments, answers whose body never finishes, a document of the wrong
 * type, and an unauthenticated health route that must not become a way to drive AvaTax calls.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { createCertServer, listen, type Listening } from '../../../src/server/index.js';
import { SECRET, errorOf, startStack, type Stack } from './helpers.js';

/** A stand-in AvaTax on loopback that answers through `handle`, counting requests by path. */
async function fakeUpstream(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function companionFor(environment: string, timeoutMs: number): Promise<{ http: Listening; token(sub: string): Promise<string> }> {
  const server = createCertServer({ avatax: { accountId: '1', licenseKey: 'k', companyId: 7000001, environment, timeoutMs }, secret: SECRET, logger: false });
  const http = await listen(server);
  return { http, token: async (sub) => (await server.issueToken({ customerCode: sub, scopes: ['status:read', 'certificate:read'] })).token };
}

describe('customer codes made of dots', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  test('cannot be minted, and a host-minted one is refused before any AvaTax call', async () => {
    await assert.rejects(stack.server.issueToken({ customerCode: '..', scopes: ['status:read'] }));
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ scope: 'status:read' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('..')
      .setAudience('cert-elements')
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode(SECRET));
    stack.upstream.reset();
    const res = await stack.get('/v1/status', forged);
    assert.equal(res.status, 401);
    assert.equal(stack.upstream.count(), 0, 'no AvaTax call for such a token');
  });

  test('a staff request naming one is a 400, not the whole company', async () => {
    const staff = await stack.token('*', ['status:read']);
    stack.upstream.reset();
    for (const code of ['..', '.']) {
      const res = await stack.get(`/v1/status?customerCode=${encodeURIComponent(code)}`, staff);
      assert.equal(res.status, 400, code);
      assert.deepEqual((await errorOf(res)).fields, ['customerCode']);
    }
    assert.equal(stack.upstream.count(), 0);
  });
});

describe('an upstream whose answer never finishes', () => {
  test('is a bounded 503, and the next request tries again instead of waiting on it', async () => {
    // Headers and the start of a JSON body, then silence.
    const upstream = await fakeUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"value":[');
    });
    const { http, token } = await companionFor(upstream.url, 300);
    try {
      const t = await token('C-1001');
      for (const attempt of [1, 2]) {
        const started = performance.now();
        const res = await fetch(`${http.url}/v1/exposure-zones`, { headers: { authorization: `Bearer ${t}` } });
        assert.equal(res.status, 503, `attempt ${attempt}`);
        assert.equal((await errorOf(res)).code, 'upstream_unavailable');
        assert.ok(performance.now() - started < 3000, `attempt ${attempt} took ${Math.round(performance.now() - started)} ms`);
      }
      const before = upstream.hits.length;
      const health = await fetch(`${http.url}/v1/health`);
      assert.deepEqual(await health.json(), { ok: false, upstream: 'unreachable', store: 'ok', version: (await import('../../../src/server/version.js')).VERSION });
      assert.equal(upstream.hits.length, before + 1);
    } finally {
      await http.close();
      await upstream.close();
    }
  });
});

describe('certificate documents', () => {
  test('a document that is not PDF, JPEG or PNG is never passed on', async () => {
    const upstream = await fakeUpstream((req, res) => {
      if (req.url?.includes('/attachment')) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<script>alert(document.cookie)</script>');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 5, customers: [{ customerCode: 'C-1001' }] }));
      }
    });
    const { http, token } = await companionFor(upstream.url, 2000);
    try {
      const res = await fetch(`${http.url}/v1/certificates/5/document`, { headers: { authorization: `Bearer ${await token('C-1001')}` } });
      assert.equal(res.status, 502);
      assert.equal((await errorOf(res)).code, 'upstream_error');
    } finally {
      await http.close();
      await upstream.close();
    }
  });

  test('a real one comes with a sandboxing Content-Security-Policy', async () => {
    const stack = await startStack();
    try {
      const staff = await stack.token('*', ['status:read', 'certificate:read']);
      const list = (await (await stack.get('/v1/status?customerCode=C-1001', staff)).json()) as { certificates: Array<{ certificate: { id: number } }> };
      const res = await stack.get(`/v1/certificates/${list.certificates[0]!.certificate.id}/document`, staff);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.match(res.headers.get('content-security-policy') ?? '', /sandbox/);
      await res.arrayBuffer();
    } finally {
      await stack.close();
    }
  });
});

describe('the health route', () => {
  test('shares one AvaTax ping among callers for a while', async () => {
    const upstream = await fakeUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ version: '1', authenticated: true }));
    });
    const { http } = await companionFor(upstream.url, 2000);
    try {
      const answers = await Promise.all(Array.from({ length: 5 }, () => fetch(`${http.url}/v1/health`).then((r) => r.json())));
      answers.push(await (await fetch(`${http.url}/v1/health`)).json());
      for (const answer of answers) assert.deepEqual((answer as { upstream: string }).upstream, 'reachable');
      assert.equal(upstream.hits.filter((u) => u.includes('/utilities/ping')).length, 1);
    } finally {
      await http.close();
      await upstream.close();
    }
  });
});
