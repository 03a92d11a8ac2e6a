// The companion mounted as docs/server.md says, in Express 5, Fastify 5 and a Web-standard
// route handler: behind a path prefix and after the host's own body parsers. A body the host
// already read is used as parsed or refused with a 500, never turned into a token for the
// host's default customer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { createCertServer, fastifyCertServer, toNodeHandler, type CertServer, type HostLogger } from '../../../src/server/index.js';
import type { TokenResponse } from '../../../src/client/contract.js';
import { SECRET, dayFromToday, tinyPdf, uploadForm } from './helpers.js';

const SCOPES = ['status:read', 'invite:create', 'certificate:upload'] as const;

/** Lines the companion logged at error level. */
const errors: string[] = [];
const logger: HostLogger = { info() {}, warn() {}, error: (_record, msg) => void errors.push(msg) };

let sandbox: Sandbox;
const companion = (basePath: string): CertServer =>
  createCertServer({
    avatax: { ...sandbox.credentials, companyId: sandbox.companyId, environment: sandbox.url },
    secret: SECRET,
    basePath,
    logger,
    // The host's default customer is C-1001: a dropped body would quietly give C-1001's token.
    authorize: (_request, { customerCode }) => ({ customerCode: customerCode ?? 'C-1001', scopes: [...SCOPES] }),
  });

before(async () => {
  sandbox = await createSandbox({ inviteDelayMs: 50 });
});
after(() => sandbox.close());

const listenExpress = (app: express.Express): Promise<{ url: string; close(): Promise<void> }> =>
  new Promise((resolve) => {
    const server: Server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });

const postJson = (url: string, body: unknown, token?: string): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) }, body: JSON.stringify(body) });

/** Asks for C-1002's token, then uses it for an invitation and an upload: the whole write path. */
async function exerciseMount(base: string): Promise<void> {
  const answer = await postJson(`${base}/token`, { customerCode: 'C-1002' });
  assert.equal(answer.status, 200, await answer.clone().text());
  const minted = (await answer.json()) as TokenResponse;
  assert.equal(minted.customerCode, 'C-1002', 'the token is for the customer asked for');
  assert.equal(minted.apiBase, base);
  const status = await fetch(`${base}/v1/status?country=US&region=WA`, { headers: { authorization: `Bearer ${minted.token}` } });
  assert.equal(((await status.json()) as { status: string }).status, 'expired', "C-1002's own verdict");
  const invite = await postJson(`${base}/v1/invitations`, { country: 'US', region: 'OR', deliveryMethod: 'Download' }, minted.token);
  assert.ok(invite.status === 201 || invite.status === 200, `invitation: ${invite.status} ${await invite.clone().text()}`);
  const upload = await fetch(`${base}/v1/certificates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${minted.token}` },
    body: uploadForm({ country: 'US', region: 'NV', exemptionReason: 'RESALE', signedDate: dayFromToday(-1) }, { bytes: tinyPdf(), name: 'c.pdf', type: 'application/pdf' }),
  });
  assert.equal(upload.status, 201, await upload.clone().text());
}

describe('Express 5', () => {
  test('app.use(prefix) after express.json(): the parsed body is used, writes and uploads work', async () => {
    const app = express();
    app.use(express.json());
    app.use('/cert-api', toNodeHandler(companion('/cert-api')));
    const http = await listenExpress(app);
    try {
      await exerciseMount(`${http.url}/cert-api`);
    } finally {
      await http.close();
    }
  });

  test('a Router mounted under a prefix, with express.raw() and express.text() parsers first', async () => {
    const router = express.Router();
    router.use(express.raw({ type: 'application/json' }));
    router.use('/cert', toNodeHandler(companion('/api/cert')));
    const app = express();
    app.use('/api', router);
    const textApp = express();
    textApp.use(express.text({ type: '*/json' }));
    textApp.all('/cert-api/{*rest}', toNodeHandler(companion('/cert-api')));
    const [a, b] = [await listenExpress(app), await listenExpress(textApp)];
    try {
      await exerciseMount(`${a.url}/api/cert`);
      const minted = (await (await postJson(`${b.url}/cert-api/token`, { customerCode: 'C-1003' })).json()) as TokenResponse;
      assert.equal(minted.customerCode, 'C-1003');
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('a body an upload middleware consumed is refused with a 500 and an error log, never sent on empty', async () => {
    const app = express();
    // Stands in for multer & co.: reads the stream and leaves something else in req.body.
    app.use((req, _res, next) => {
      req.on('data', () => {}).on('end', () => {
        (req as { body?: unknown }).body = { files: 1 };
        next();
      });
    });
    app.use('/cert-api', toNodeHandler(companion('/cert-api')));
    const http = await listenExpress(app);
    errors.splice(0);
    try {
      const answer = await fetch(`${http.url}/cert-api/token`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'customerCode=C-1002' });
      assert.equal(answer.status, 500);
      const { error } = (await answer.json()) as { error: { code: string; message: string } };
      assert.equal(error.code, 'internal_error');
      assert.match(error.message, /read this request before/);
      assert.ok(errors.some((line) => /mount the companion before body parsers/.test(line)), errors.join('\n'));
      const health = await fetch(`${http.url}/cert-api/v1/health`);
      assert.equal(health.status, 200, 'requests without a body still pass');
    } finally {
      await http.close();
    }
  });
});

describe('Fastify 5', () => {
  let app: FastifyInstance;
  let base: string;
  before(async () => {
    app = Fastify();
    // The host's own JSON route and parser stay as they are outside the plugin.
    app.post('/echo', async (request) => request.body);
    await app.register(fastifyCertServer(companion('/cert-api')), { prefix: '/cert-api' });
    base = `${await app.listen({ port: 0, host: '127.0.0.1' })}/cert-api`;
  });
  after(() => app.close());

  test('the plugin under a prefix: the asked-for customer, invitations and multipart uploads', async () => {
    await exerciseMount(base);
  });

  test("the host's routes keep Fastify's parsers", async () => {
    const echoed = await postJson(base.replace('/cert-api', '/echo'), { a: 1 });
    assert.deepEqual(await echoed.json(), { a: 1 });
  });

  test("a raw route after Fastify's JSON parser is refused, not answered for the default customer", async () => {
    const naive = Fastify();
    const handle = toNodeHandler(companion('/raw'));
    naive.post('/raw/token', async (request, reply) => {
      reply.hijack();
      await handle(request.raw, reply.raw);
    });
    const url = await naive.listen({ port: 0, host: '127.0.0.1' });
    try {
      const answer = await postJson(`${url}/raw/token`, { customerCode: 'C-1002' });
      assert.equal(answer.status, 500);
    } finally {
      await naive.close();
    }
  });
});

describe('Web-standard route handler (Next.js style)', () => {
  // app/cert-api/[...path]/route.ts: export const GET = handler, POST = handler, OPTIONS = handler
  test('Request in, Response out, under the route prefix', async () => {
    const certServer = companion('/cert-api');
    const handler = (request: Request): Promise<Response> => certServer.fetch(request);
    const request = new Request('https://shop.example/cert-api/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"customerCode":"C-1004"}' });
    const minted = (await (await handler(request)).json()) as TokenResponse;
    assert.equal(minted.customerCode, 'C-1004');
    assert.equal(minted.apiBase, 'https://shop.example/cert-api');
  });

  test('a body the host already read is refused; a clone read first is fine', async () => {
    const certServer = companion('/cert-api');
    const make = () => new Request('https://shop.example/cert-api/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"customerCode":"C-1004"}' });
    const used = make();
    await used.json();
    errors.splice(0);
    assert.equal((await certServer.fetch(used)).status, 500);
    assert.equal(errors.length, 1);
    const peeked = make();
    await peeked.clone().json();
    assert.equal(((await (await certServer.fetch(peeked)).json()) as TokenResponse).customerCode, 'C-1004');
  });
});
