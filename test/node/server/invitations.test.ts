import { masked } from '../../../src/server/domain/open-requests.js';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Invitation } from '../../../src/client/contract.js';
import { avataxGet, errorOf, startStack, type Stack } from './helpers.js';

const PROFILE = { name: 'Harbor Goods', line1: '1 Pier Way', city: 'Everett', region: 'WA', postalCode: '98201', country: 'US', emailAddress: 'buyer@harbor.example' };

async function waitReady(stack: Stack, token: string, id: number): Promise<Invitation> {
  for (let i = 0; i < 40; i++) {
    const res = await stack.get(`/v1/invitations/${id}`, token);
    assert.equal(res.status, 200);
    const invitation = (await res.json()) as Invitation;
    if (invitation.status === 'Ready') return invitation;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`invitation ${id} never became Ready`);
}

describe('invitations', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  test('creates a Download invitation that becomes Ready with an http(s) link', async () => {
    const token = await stack.token('C-1005', ['invite:create', 'status:read']);
    const res = await stack.post('/v1/invitations', { country: 'US', region: 'WA', deliveryMethod: 'Download' }, token);
    assert.equal(res.status, 201);
    const created = (await res.json()) as Invitation;
    assert.equal(created.reused, false);
    assert.equal(created.deliveryMethod, 'Download');
    assert.ok(created.id > 0);
    assert.ok(!Number.isNaN(Date.parse(created.createdAt)));
    const ready = await waitReady(stack, token, created.id);
    assert.match(ready.requestLink ?? '', /^https?:\/\//);
  });

  test('reuses the open invitation for the same zone and method; other zones get their own', async () => {
    const token = await stack.token('C-1005', ['invite:create']);
    const first = (await (await stack.post('/v1/invitations', { country: 'US', region: 'OR', deliveryMethod: 'Download' }, token)).json()) as Invitation;
    stack.upstream.reset();
    const again = await stack.post('/v1/invitations', { country: 'US', region: 'OR', deliveryMethod: 'Download' }, token);
    assert.equal(again.status, 200);
    const reused = (await again.json()) as Invitation;
    assert.equal(reused.reused, true);
    assert.equal(reused.id, first.id);
    assert.equal(stack.upstream.writes(), 0, 'reuse creates nothing');
    const other = (await (await stack.post('/v1/invitations', { country: 'US', region: 'ID', deliveryMethod: 'Download' }, token)).json()) as Invitation;
    assert.notEqual(other.id, first.id);
    assert.equal(other.reused, false);
  });

  test('two simultaneous requests for one zone create one invitation', async () => {
    const token = await stack.token('C-1004', ['invite:create']);
    const body = { country: 'US', region: 'UT', deliveryMethod: 'Download' };
    const [a, b] = await Promise.all([stack.post('/v1/invitations', body, token), stack.post('/v1/invitations', body, token)]);
    assert.deepEqual([a.status, b.status].sort(), [200, 201]);
    const [ia, ib] = (await Promise.all([a.json(), b.json()])) as Invitation[];
    assert.equal(ia?.id, ib?.id);
  });

  test('Email and Fax go to the customer on file and become Sent', async () => {
    const token = await stack.token('C-1005', ['invite:create']);
    for (const deliveryMethod of ['Email', 'Fax'] as const) {
      const res = await stack.post('/v1/invitations', { country: 'US', region: 'MT', deliveryMethod }, token);
      assert.equal(res.status, 201, deliveryMethod);
      const created = (await res.json()) as Invitation;
      if (deliveryMethod === 'Email') {
        // The customer's own token sees where it went masked; AvaTax has the address on file.
        assert.equal(created.recipient, 'p•••@evergreen-schools.example');
        const stored = await avataxGet(stack.sandbox, `/companies/${stack.sandbox.companyId}/customers/C-1005/certexpressinvites/${created.id}`);
        assert.equal((stored.body as { recipient?: string }).recipient, 'procurement@evergreen-schools.example');
      }
      const ready = await waitReady(stack, token, created.id);
      assert.equal(ready.emailStatus, 'Sent');
      assert.equal(ready.requestLink === null || typeof ready.requestLink === 'string', true);
    }
  });

  test("a customer's Email request goes only to an address on file; staff may address anyone", async () => {
    const buyer = await stack.token('N-2010', ['invite:create'], { profile: PROFILE });
    stack.upstream.reset();
    const elsewhere = await stack.post('/v1/invitations', { country: 'US', region: 'NM', deliveryMethod: 'Email', recipient: 'someone@elsewhere.example' }, buyer);
    assert.equal(elsewhere.status, 400);
    assert.deepEqual((await errorOf(elsewhere)).fields, ['recipient']);
    assert.equal(stack.upstream.writes(), 0, 'nothing sent upstream');
    const onFile = await stack.post('/v1/invitations', { country: 'US', region: 'NM', deliveryMethod: 'Email', recipient: PROFILE.emailAddress.toUpperCase() }, buyer);
    assert.equal(onFile.status, 201);
    const staff = await stack.token('*', ['invite:create']);
    const chosen = await stack.post(
      '/v1/invitations',
      { customerCode: 'N-2010', country: 'US', region: 'NH', deliveryMethod: 'Email', recipient: 'tax.office@elsewhere.example' },
      staff,
    );
    assert.equal(chosen.status, 201);
    assert.equal(((await chosen.json()) as Invitation).recipient, 'tax.office@elsewhere.example');
  });

  test('creates the AvaTax customer from the token profile first', async () => {
    const token = await stack.token('N-2001', ['invite:create'], { profile: PROFILE });
    assert.equal((await avataxGet(stack.sandbox, `/companies/${stack.sandbox.companyId}/customers/N-2001`)).status, 404);
    const res = await stack.post('/v1/invitations', { country: 'US', region: 'WA', deliveryMethod: 'Email' }, token);
    assert.equal(res.status, 201);
    const created = (await res.json()) as Invitation;
    assert.equal(created.recipient, masked(PROFILE.emailAddress));
    const stored = await avataxGet(stack.sandbox, `/companies/${stack.sandbox.companyId}/customers/N-2001/certexpressinvites/${created.id}`);
    assert.equal((stored.body as { recipient?: string }).recipient, PROFILE.emailAddress);
    const customer = await avataxGet(stack.sandbox, `/companies/${stack.sandbox.companyId}/customers/N-2001`);
    assert.equal(customer.status, 200);
    assert.equal((customer.body as { name: string }).name, PROFILE.name);
  });

  test('an insufficient profile is a 400 naming what is missing, and creates nothing', async () => {
    const token = await stack.token('N-2002', ['invite:create'], { profile: { name: 'Half Known', country: 'US' } });
    stack.upstream.reset();
    const res = await stack.post('/v1/invitations', { country: 'US', region: 'WA', deliveryMethod: 'Download' }, token);
    assert.equal(res.status, 400);
    const error = await errorOf(res);
    assert.deepEqual(error.fields, ['profile.line1', 'profile.city', 'profile.postalCode', 'profile.region']);
    assert.equal(stack.upstream.writes(), 0);
  });

  test('Email without any address is a 400 on recipient; bad bodies are 400', async () => {
    const token = await stack.token('N-2003', ['invite:create'], { profile: { ...PROFILE, emailAddress: '' } });
    stack.upstream.reset();
    const res = await stack.post('/v1/invitations', { country: 'US', region: 'WA', deliveryMethod: 'Email' }, token);
    assert.equal(res.status, 400);
    assert.deepEqual((await errorOf(res)).fields, ['recipient']);
    const badEmail = await stack.post('/v1/invitations', { country: 'US', region: 'WA', deliveryMethod: 'Email', recipient: 'not-an-address' }, token);
    assert.equal(badEmail.status, 400);
    const badMethod = await stack.post('/v1/invitations', { country: 'US', region: 'WA', deliveryMethod: 'Pigeon' }, token);
    assert.deepEqual((await errorOf(badMethod)).fields, ['deliveryMethod']);
    const faxless = await stack.post('/v1/invitations', { country: 'US', region: 'WA', deliveryMethod: 'Fax' }, token);
    assert.deepEqual((await errorOf(faxless)).fields, ['recipient'], 'no fax number on file');
    const otherFax = await stack.post(
      '/v1/invitations',
      { country: 'US', region: 'WA', deliveryMethod: 'Fax', recipient: '555-0000' },
      await stack.token('C-1005', ['invite:create']),
    );
    assert.deepEqual((await errorOf(otherFax)).fields, ['recipient'], 'fax goes to the number on file');
    const badLetter = await stack.post('/v1/invitations', { country: 'US', region: 'WA', deliveryMethod: 'Download', coverLetterTitle: 'NOPE' }, token);
    assert.deepEqual((await errorOf(badLetter)).fields, ['coverLetterTitle']);
    assert.equal(stack.upstream.writes(), 0);
  });

  test('GET checks the id', async () => {
    const token = await stack.token('C-1005', ['invite:create']);
    assert.equal((await stack.get('/v1/invitations/abc', token)).status, 400);
    assert.equal((await stack.get('/v1/invitations/999999', token)).status, 404);
  });
});

describe('invitation rate limit', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ server: { inviteRateLimit: 2 } });
  });
  after(() => stack.close());

  test('limits new invitations per customer per hour; reuse still answers', async () => {
    const token = await stack.token('C-1005', ['invite:create']);
    const make = (region: string) => stack.post('/v1/invitations', { country: 'US', region, deliveryMethod: 'Download' }, token);
    assert.equal((await make('WA')).status, 201);
    assert.equal((await make('OR')).status, 201);
    stack.upstream.reset();
    const limited = await make('ID');
    assert.equal(limited.status, 429);
    const error = await errorOf(limited);
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryable, true);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
    assert.equal(stack.upstream.writes(), 0);
    const reused = await make('WA');
    assert.equal(reused.status, 200);
    // Other customers have their own budget.
    const other = await stack.post('/v1/invitations', { country: 'US', region: 'ID', deliveryMethod: 'Download' }, await stack.token('C-1001', ['invite:create']));
    assert.equal(other.status, 201);
  });
});

describe('stuck invitations', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ sandbox: { faults: { stuckInvitations: true } } });
  });
  after(() => stack.close());

  test('stay InProgress without a link', async () => {
    const token = await stack.token('C-1005', ['invite:create']);
    const created = (await (await stack.post('/v1/invitations', { country: 'US', region: 'WA', deliveryMethod: 'Download' }, token)).json()) as Invitation;
    await new Promise((r) => setTimeout(r, 150));
    const polled = (await (await stack.get(`/v1/invitations/${created.id}`, token)).json()) as Invitation;
    assert.equal(polled.status, 'InProgress');
    assert.equal(polled.requestLink, null);
  });
});
