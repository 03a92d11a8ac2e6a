import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import type { Invitation, StatusVerdict } from '../../../src/client/contract.js';
import { SECRET, errorOf, startStack, tinyPdf, uploadForm, type Stack } from './helpers.js';

describe('security: tokens, scopes and customers', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  const now = () => Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>, secret = SECRET) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));

  test('bad tokens are 401 and never reach AvaTax', async () => {
    const base = { sub: 'C-1001', scope: 'status:read', aud: 'cert-elements' };
    const noneHeader = Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url');
    const nonePayload = Buffer.from(JSON.stringify({ ...base, iat: now(), exp: now() + 60 })).toString('base64url');
    const bad = {
      forged: await sign({ ...base, iat: now(), exp: now() + 60 }, 'someone-elses-secret-0123456789-abcdef'),
      algNone: `${noneHeader}.${nonePayload}.`,
      expired: await sign({ ...base, iat: now() - 900, exp: now() - 300 }),
      wrongAudience: await sign({ ...base, aud: 'billing', iat: now(), exp: now() + 60 }),
      tooLong: await sign({ ...base, iat: now(), exp: now() + 86_400 }),
    };
    stack.upstream.reset();
    for (const [name, token] of Object.entries(bad)) {
      const res = await stack.get('/v1/status?country=US&region=WA', token);
      assert.equal(res.status, 401, name);
      assert.equal((await errorOf(res)).code, 'unauthorized', name);
    }
    const missing = await stack.get('/v1/status?country=US&region=WA');
    assert.equal(missing.status, 401);
    const basic = await stack.get('/v1/status?country=US&region=WA', undefined, { authorization: 'Basic YTpi' });
    assert.equal(basic.status, 401);
    assert.equal(stack.upstream.count(), 0);
  });

  test('a missing scope is 403 and changes nothing', async () => {
    const readOnly = await stack.token('C-1005', ['status:read']);
    stack.upstream.reset();
    const invite = await stack.post('/v1/invitations', { country: 'US', region: 'WA', deliveryMethod: 'Download' }, readOnly);
    assert.equal(invite.status, 403);
    assert.match((await errorOf(invite)).message, /invite:create/);
    const upload = await fetch(`${stack.base}/v1/certificates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${readOnly}` },
      body: uploadForm({ country: 'US', region: 'WA', exemptionReason: 'RESALE', signedDate: '2024-01-01' }, { bytes: tinyPdf(), name: 'c.pdf' }),
    });
    assert.equal(upload.status, 403);
    const noStatus = await stack.get('/v1/status?country=US&region=WA', await stack.token('C-1005', ['invite:create']));
    assert.equal(noStatus.status, 403);
    assert.equal(stack.upstream.count(), 0);
  });

  test('staff-only routes refuse customer tokens', async () => {
    const customer = await stack.token('C-1001');
    stack.upstream.reset();
    assert.equal((await stack.get('/v1/customers?q=Rain', customer)).status, 403);
    assert.equal((await stack.post('/v1/status/batch', { items: [{ customerCode: 'C-1001', country: 'US', region: 'WA' }] }, customer)).status, 403);
    assert.equal(stack.upstream.count(), 0);
  });

  test("customer A cannot reach customer B through query or body; nothing changes upstream", async () => {
    const a = await stack.token('C-1001');
    stack.upstream.reset();
    const viaQuery = await stack.get('/v1/status?country=US&region=WA&customerCode=C-1002', a);
    assert.equal(viaQuery.status, 403);
    const viaList = await stack.get('/v1/status?customerCode=C-1002', a);
    assert.equal(viaList.status, 403);
    const viaBody = await stack.post('/v1/invitations', { customerCode: 'C-1005', country: 'US', region: 'WA', deliveryMethod: 'Download' }, a);
    assert.equal(viaBody.status, 403);
    const viaForm = await fetch(`${stack.base}/v1/certificates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a}` },
      body: uploadForm(
        { customerCode: 'C-1005', country: 'US', region: 'WA', exemptionReason: 'RESALE', signedDate: '2024-01-01' },
        { bytes: tinyPdf(), name: 'c.pdf' },
      ),
    });
    assert.equal(viaForm.status, 403);
    assert.equal(stack.upstream.count(), 0);
    // Naming yourself is fine.
    assert.equal((await stack.get('/v1/status?country=US&region=WA&customerCode=C-1001', a)).status, 200);
  });

  test("customer A cannot read B's invitation or B's certificate document by id", async () => {
    const staff = await stack.token('*');
    const created = await stack.post('/v1/invitations', { customerCode: 'C-1005', country: 'US', region: 'OR', deliveryMethod: 'Download' }, staff);
    assert.equal(created.status, 201);
    const invitation = (await created.json()) as Invitation;
    const verdict = (await (await stack.get('/v1/status?country=US&region=WA&customerCode=C-1002', staff)).json()) as StatusVerdict;
    const certificateId = verdict.certificate?.id;
    assert.ok(certificateId);

    const a = await stack.token('C-1001');
    stack.upstream.reset();
    const inv = await stack.get(`/v1/invitations/${invitation.id}`, a);
    assert.equal(inv.status, 404);
    const doc = await stack.get(`/v1/certificates/${certificateId}/document`, a);
    assert.equal(doc.status, 404);
    assert.equal((await errorOf(doc)).code, 'not_found');
    assert.equal(stack.upstream.writes(), 0);
    // The owner and staff can.
    assert.equal((await stack.get(`/v1/invitations/${invitation.id}?customerCode=C-1005`, staff)).status, 200);
    const own = await stack.get(`/v1/certificates/${certificateId}/document`, await stack.token('C-1002'));
    assert.equal(own.status, 200);
    await own.arrayBuffer();
  });

  test('staff must name the customer', async () => {
    const staff = await stack.token('*');
    const res = await stack.get('/v1/status?country=US&region=WA', staff);
    assert.equal(res.status, 400);
    assert.deepEqual((await errorOf(res)).fields, ['customerCode']);
  });
});
