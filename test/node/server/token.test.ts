import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, decodeJwt } from 'jose';
import { CertRefusal, issueToken, verifyToken } from '../../../src/server/index.js';
import type { TokenResponse } from '../../../src/client/contract.js';
import { SECRET, errorOf, startStack, type Stack } from './helpers.js';

describe('issueToken / verifyToken', () => {
  test('round-trips customer, scopes, company and profile', async () => {
    const { token, expiresAt } = await issueToken(SECRET, {
      customerCode: 'C-1001',
      scopes: ['status:read', 'invite:create'],
      companyId: 42,
      profile: { name: 'Rainier Supply Co.', city: 'Seattle' },
      ttlSeconds: 300,
    });
    const claims = await verifyToken(SECRET, token);
    assert.ok(claims);
    assert.equal(claims.customerCode, 'C-1001');
    assert.deepEqual(claims.scopes, ['status:read', 'invite:create']);
    assert.equal(claims.companyId, 42);
    assert.equal(claims.profile?.city, 'Seattle');
    assert.equal(claims.expiresAt.getTime(), expiresAt.getTime());
    const raw = decodeJwt(token);
    assert.equal(raw.aud, 'cert-elements');
    assert.equal((raw.exp ?? 0) - (raw.iat ?? 0), 300);
  });

  test('refuses a lifetime over 15 minutes when minting', async () => {
    await assert.rejects(issueToken(SECRET, { customerCode: 'C-1', scopes: [], ttlSeconds: 901 }), RangeError);
  });

  test('rejects wrong secret, alg none, wrong audience, expired and over-long tokens', async () => {
    const now = Math.floor(Date.now() / 1000);
    const key = new TextEncoder().encode(SECRET);
    const good = await issueToken(SECRET, { customerCode: 'C-1001', scopes: ['status:read'] });
    assert.equal(await verifyToken('another-secret-0123456789-abcdefghijkl', good.token), null);

    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: '*', scope: 'status:read', aud: 'cert-elements', iat: now, exp: now + 60 })).toString('base64url');
    assert.equal(await verifyToken(SECRET, `${header}.${payload}.`), null);

    const sign = (claims: Record<string, unknown>, alg = 'HS256') =>
      new SignJWT(claims).setProtectedHeader({ alg }).sign(key);
    assert.equal(await verifyToken(SECRET, await sign({ sub: 'C-1', scope: 'status:read', aud: 'other', iat: now, exp: now + 60 })), null);
    assert.equal(await verifyToken(SECRET, await sign({ sub: 'C-1', scope: 'status:read', aud: 'cert-elements', iat: now - 600, exp: now - 120 })), null);
    assert.equal(await verifyToken(SECRET, await sign({ sub: 'C-1', scope: 'status:read', aud: 'cert-elements', iat: now, exp: now + 3600 })), null);
    assert.equal(await verifyToken(SECRET, await sign({ sub: 'C-1', scope: 'status:read', aud: 'cert-elements', iat: now, exp: now + 60 }, 'HS512')), null);
    assert.equal(await verifyToken(SECRET, 'not-a-token'), null);
    assert.ok(await verifyToken(SECRET, await sign({ sub: 'C-1', scope: 'status:read', aud: 'cert-elements', iat: now, exp: now + 60 })));
  });
});

describe('POST /token', () => {
  let stack: Stack;
  let open: Stack;
  const seen: Array<string | undefined> = [];

  before(async () => {
    stack = await startStack({
      server: {
        basePath: '/cert-api',
        allowedOrigins: ['https://shop.example'],
        authorize: (request, ctx) => {
          seen.push(ctx.customerCode);
          const who = request.headers.get('x-user');
          if (!who) return null;
          if (who === 'blocked') throw new CertRefusal('forbidden');
          if (who === 'staff') return { customerCode: '*', scopes: ['status:read', 'customer:search'] };
          return { customerCode: who, scopes: ['status:read'] };
        },
      },
    });
    open = await startStack();
  });
  after(async () => {
    await stack.close();
    await open.close();
  });

  test('answers a token for the customer authorize returns, with apiBase', async () => {
    const res = await stack.post('/token', { customerCode: 'C-1002' }, undefined, { 'x-user': 'C-1001' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = (await res.json()) as { token: string; customerCode: string; apiBase: string; expiresAt: string };
    assert.equal(body.customerCode, 'C-1001', 'authorize decides, not the request');
    assert.equal(body.apiBase, `${stack.http.url}/cert-api`);
    assert.equal(seen.at(-1), 'C-1002');
    const claims = decodeJwt(body.token);
    assert.equal(claims.sub, 'C-1001');
    assert.equal(claims.scope, 'status:read');
    assert.ok((claims.exp ?? 0) - (claims.iat ?? 0) <= 900);
    assert.equal(new Date(body.expiresAt).getTime(), (claims.exp ?? 0) * 1000);
  });

  test("the token answer carries the verdicts of the zones the page named, for the token's own customer only", async () => {
    const res = await stack.post('/token', { status: ['US-WA', 'us-nv', 'US-XX'] }, undefined, { 'x-user': 'C-1001' });
    assert.equal(res.status, 200);
    const body = (await res.json()) as TokenResponse;
    assert.deepEqual(body.status?.map((v) => [v.customerCode, v.zone.region, v.status]), [['C-1001', 'WA', 'exempt'], ['C-1001', 'NV', 'missing']], 'a zone AvaTax does not know is left out');
    assert.equal((await (await stack.post('/token', {}, undefined, { 'x-user': 'C-1001' })).json() as TokenResponse).status, undefined, 'none asked, none given');
    const staff = (await (await stack.post('/token', { status: ['US-WA'] }, undefined, { 'x-user': 'staff' })).json()) as TokenResponse;
    assert.equal(staff.status, undefined, 'a staff token names no customer: its pages batch');
    const bad = await stack.post('/token', { status: ['Washington'] }, undefined, { 'x-user': 'C-1001' });
    assert.equal(bad.status, 400);
    assert.deepEqual((await errorOf(bad)).fields, ['status.0']);
    const many = await stack.post('/token', { status: Array.from({ length: 21 }, () => 'US-WA') }, undefined, { 'x-user': 'C-1001' });
    assert.equal(many.status, 400);
  });

  test('401 when authorize returns null, 403 when it refuses', async () => {
    const none = await stack.post('/token', {});
    assert.equal(none.status, 401);
    assert.equal((await errorOf(none)).code, 'unauthorized');
    const blocked = await stack.post('/token', {}, undefined, { 'x-user': 'blocked' });
    assert.equal(blocked.status, 403);
    assert.equal((await errorOf(blocked)).code, 'forbidden');
  });

  test('401 always when no authorize is configured', async () => {
    const res = await open.post('/token', { customerCode: 'C-1001' }, undefined, { 'x-user': 'C-1001' });
    assert.equal(res.status, 401);
  });

  test('415 for a body that is not JSON, 400 for bad JSON, 413 for an oversized body', async () => {
    const form = await fetch(`${stack.base}/token`, { method: 'POST', body: new URLSearchParams({ customerCode: 'C-1001' }), headers: { 'x-user': 'C-1001' } });
    assert.equal(form.status, 415);
    assert.equal((await errorOf(form)).code, 'unsupported_media_type');
    const broken = await stack.post('/token', '{"customerCode":', undefined, { 'x-user': 'C-1001' });
    assert.equal(broken.status, 400);
    const huge = await stack.post('/token', { customerCode: 'x'.repeat(70 * 1024) }, undefined, { 'x-user': 'C-1001' });
    assert.equal(huge.status, 413);
    assert.equal((await errorOf(huge)).code, 'payload_too_large');
  });

  test('CORS: allowed origin gets credentials; a disallowed origin is refused without CORS headers', async () => {
    const ok = await stack.post('/token', {}, undefined, { 'x-user': 'C-1001', origin: 'https://shop.example' });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
    assert.match(ok.headers.get('vary') ?? '', /Origin/);

    const evil = await stack.post('/token', {}, undefined, { 'x-user': 'C-1001', origin: 'https://evil.example' });
    assert.equal(evil.status, 403);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);

    const preflight = await fetch(`${stack.base}/token`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
    const badPreflight = await fetch(`${stack.base}/token`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(badPreflight.status, 403);
    assert.equal(badPreflight.headers.get('access-control-allow-origin'), null);
  });

  test('the cert API answers allowed origins without credentials and every answer has a request id', async () => {
    const token = await stack.token('C-1001');
    const res = await stack.get('/v1/cover-letters', token, { origin: 'https://shop.example', 'x-request-id': 'abc-123' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
    assert.equal(res.headers.get('x-request-id'), 'abc-123');
    const other = await stack.get('/v1/cover-letters', token, { origin: 'https://evil.example' });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.ok(other.headers.get('x-request-id'));
  });

  test('routes live under basePath only', async () => {
    const res = await fetch(`${stack.http.url}/v1/health`);
    assert.equal(res.status, 404);
    assert.equal((await errorOf(res)).code, 'not_found');
  });
});
