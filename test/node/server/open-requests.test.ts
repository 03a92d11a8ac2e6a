/**
 * Requests outstanding: a status answer can say who was asked for a certificate of an uncovered
 * zone, when and how, whether the form is ready, and it does so from AvaTax's own data (an
 * invitation counts as answered once a certificate of the zone was created after it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BatchStatusResponse, Invitation, StatusVerdict } from '../../../src/client/contract.js';
import type { AvaInvitation } from '../../../src/server/avatax/models.js';
import { masked, openRequest } from '../../../src/server/domain/open-requests.js';
import { dayFromToday, errorOf, startStack, tinyPdf, uploadForm, type Stack } from './helpers.js';

const INVITATION_LIST = /\/certexpressinvites$/;
const WA = { id: 48, country: 'US', region: 'WA', name: 'Washington' };

describe('open requests in status answers', () => {
  let stack: Stack;
  let clock = Date.now();
  before(async () => {
    stack = await startStack({ server: { now: () => new Date(clock), inviteRateLimit: 3 } });
  });
  after(() => stack.close());

  const status = async (customerCode: string, region: string, query = '&requests=1') =>
    (await (await stack.get(`/v1/status?country=US&region=${region}${query}`, await stack.token(customerCode, ['status:read']))).json()) as StatusVerdict;
  const invite = async (customerCode: string, region: string, body: Record<string, unknown> = {}) =>
    stack.post('/v1/invitations', { country: 'US', region, deliveryMethod: 'Download', ...body }, await stack.token(customerCode, ['invite:create']));
  const settle = () => new Promise((r) => setTimeout(r, 120)); // the sandbox readies invitations after 50 ms

  test('a status read that does not ask for requests costs no invitation lookup and says nothing of them', async () => {
    stack.upstream.reset();
    const verdict = await status('C-1005', 'OR', '');
    assert.equal(verdict.status, 'missing');
    assert.equal('request' in verdict, false);
    assert.equal(stack.upstream.count(INVITATION_LIST), 0);
  });

  test('a missing zone nobody asked about has request null; once asked, the request shows (Download: its link when ready)', async () => {
    assert.equal((await status('C-1005', 'ID')).request, null);
    const created = (await (await invite('C-1005', 'ID')).json()) as Invitation;
    await settle();
    const verdict = await status('C-1005', 'ID');
    assert.equal(verdict.request?.id, created.id, 'an invitation clears the cached status');
    assert.equal(verdict.request?.deliveryMethod, 'Download');
    assert.equal(verdict.request?.recipient, null);
    assert.equal(verdict.request?.ready, true);
    assert.match(verdict.request?.requestLink ?? '', /^http:\/\/127\.0\.0\.1:\d+\/certexpress\//);
    assert.equal(verdict.request?.createdAt, created.createdAt);
  });

  test("email and fax requests name where they went: masked for the customer's own token, whole for staff", async () => {
    const sent = (await (await invite('C-1005', 'MT', { deliveryMethod: 'Email' })).json()) as Invitation;
    await settle();
    const buyer = await status('C-1005', 'MT');
    assert.equal(buyer.request?.deliveryMethod, 'Email');
    assert.equal(buyer.request?.recipient, sent.recipient, 'masked alike in both answers');
    assert.equal(buyer.request?.recipient, 'p•••@evergreen-schools.example');
    assert.equal(buyer.request?.requestLink, null, 'an emailed form is not offered as a link');
    const staff = await stack.token('*', ['status:read']);
    const batch = (await (await stack.post('/v1/status/batch', { items: [{ customerCode: 'C-1005', country: 'US', region: 'MT' }], requests: true }, staff)).json()) as BatchStatusResponse;
    const item = batch.items[0]!;
    assert.ok(item.ok);
    assert.equal(item.request?.recipient, 'procurement@evergreen-schools.example');
  });

  test('all zones of a customer share one invitation list, cached and invalidated with the status', async () => {
    const staff = await stack.token('*', ['status:read']);
    await stack.get('/v1/exposure-zones', staff);
    stack.upstream.reset();
    const items = ['NE', 'KS', 'OK'].map((region) => ({ customerCode: 'C-1003', country: 'US', region }));
    await stack.post('/v1/status/batch', { items, requests: true }, staff);
    assert.equal(stack.upstream.count(INVITATION_LIST), 1);
    await stack.post('/v1/status/batch', { items, requests: true }, staff);
    assert.equal(stack.upstream.count(INVITATION_LIST), 1, 'cached');
    await invite('C-1003', 'NE');
    stack.upstream.reset();
    await stack.post('/v1/status/batch', { items, requests: true }, staff);
    assert.equal(stack.upstream.count(INVITATION_LIST), 1, 'read again after the invitation');
  });

  test('a request is answered once a certificate of the zone was created after it, even one that does not cover', async () => {
    await invite('C-1004', 'UT');
    await settle();
    assert.ok((await status('C-1004', 'UT')).request);
    const form = uploadForm(
      { country: 'US', region: 'UT', exemptionReason: 'RESALE', signedDate: dayFromToday(-400), expirationDate: dayFromToday(-10) },
      { bytes: tinyPdf(), name: 'old.pdf', type: 'application/pdf' },
    );
    const res = await fetch(`${stack.base}/v1/certificates`, { method: 'POST', headers: { authorization: `Bearer ${await stack.token('C-1004', ['certificate:upload'])}` }, body: form });
    assert.equal(res.status, 201);
    const verdict = await status('C-1004', 'UT');
    assert.equal(verdict.status, 'expired');
    assert.equal(verdict.request, null, 'the customer answered (with an expired certificate)');
  });

  test('a covered zone carries no request', async () => {
    const verdict = await status('C-1001', 'WA');
    assert.equal(verdict.status, 'exempt');
    assert.equal('request' in verdict, false);
  });

  test('a reminder sends a new email invitation, counted by the rate limit', async () => {
    const first = (await (await invite('C-1002', 'CO', { deliveryMethod: 'Email' })).json()) as Invitation;
    const reused = (await (await invite('C-1002', 'CO', { deliveryMethod: 'Email' })).json()) as Invitation;
    assert.equal(reused.id, first.id);
    const reminder = await invite('C-1002', 'CO', { deliveryMethod: 'Email', reminder: true });
    assert.equal(reminder.status, 201);
    const second = (await reminder.json()) as Invitation;
    assert.notEqual(second.id, first.id);
    await settle();
    assert.equal((await status('C-1002', 'CO')).request?.id, second.id, 'the newest request is the one shown');
    // The limit is 3 attempts an hour: first, reminder, one more; then 429 with when.
    assert.equal((await invite('C-1002', 'CO', { deliveryMethod: 'Email', reminder: true })).status, 201);
    const refused = await invite('C-1002', 'CO', { deliveryMethod: 'Email', reminder: true });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    const download = await invite('C-1002', 'AZ', { reminder: true });
    assert.equal(download.status, 400);
    assert.deepEqual((await errorOf(download)).fields, ['reminder']);
  });

  test('requests older than the reuse window are not open any more', async () => {
    await invite('C-1003', 'SD');
    await settle();
    assert.ok((await status('C-1003', 'SD')).request);
    clock += 31 * 24 * 60 * 60 * 1000;
    try {
      assert.equal((await status('C-1003', 'SD')).request, null);
    } finally {
      clock -= 31 * 24 * 60 * 60 * 1000;
    }
  });
});

describe('openRequest', () => {
  const base: AvaInvitation = { id: 9, customerCode: 'C-1', deliveryMethod: 'Download', date: '2026-11-20T10:00:00', exposureZones: [48] };
  const since = Date.parse('2026-11-01T00:00:00Z');

  test('a link that is not https (or loopback http) is never offered: not ready', () => {
    for (const link of ['http://forms.example/x', 'javascript:alert(1)', 'ftp://x/y', '/relative']) {
      const request = openRequest([{ ...base, requestLink: link }], [], WA, since, { mask: true });
      assert.deepEqual([request?.ready, request?.requestLink], [false, null], link);
    }
    const good = openRequest([{ ...base, requestLink: 'https://app.certexpress.com/x' }], [], WA, since, { mask: true });
    assert.deepEqual([good?.ready, good?.requestLink], [true, 'https://app.certexpress.com/x']);
  });

  test('masks email addresses and fax numbers', () => {
    assert.equal(masked('purchasing@rainier-supply.example'), 'p•••@rainier-supply.example');
    assert.equal(masked('+1 (360) 555-0142'), '•••0142');
  });
});
