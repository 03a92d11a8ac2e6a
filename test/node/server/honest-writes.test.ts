/**
 * Writes answer with what is true in AvaTax: a create whose answer was lost is read back, a
 * certificate left without its document is removed (or quarantined), `retryable` is true only
 * when nothing landed, and the invitation rate limit counts attempts whatever their fate.
 * Faults come from a proxy between the companion and the sandbox (test/support/fault-proxy.ts).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Invitation, StatusVerdict, UploadResult } from '../../../src/client/contract.js';
import { avataxError } from '../../support/fault-proxy.js';
import { avataxGet, dayFromToday, errorOf, startStack, tinyPdf, tinyPng, uploadForm, type Stack } from './helpers.js';

const INVITES = /\/customers\/[^/]+\/certexpressinvites$/;
const CREATE_CERT = /\/companies\/\d+\/certificates$/;
const ATTACH = /\/certificates\/\d+\/attachment$/;
const DELETE_CERT = /\/certificates\/\d+$/;

describe('writes that AvaTax may or may not have taken', () => {
  let stack: Stack;
  before(async () => {
    // Timeout 2 s per AvaTax call; "late" answers come after 2.5 s.
    stack = await startStack({ proxy: true, server: { inviteRateLimit: 5 } });
  });
  after(() => stack.close());
  beforeEach(() => stack.proxy!.rules([]));

  /** Invitations the sandbox holds for a customer (read straight from it, not through the companion). */
  const invitationsOf = async (customerCode: string) => {
    const { body } = await avataxGet(stack.sandbox, `/companies/${stack.sandbox.companyId}/certexpressinvites?$filter=customerCode eq '${customerCode}'`);
    return (body as { value: Array<{ id: number; exposureZones: number[] }> }).value;
  };
  const certificatesOf = async (customerCode: string) => {
    const { body } = await avataxGet(stack.sandbox, `/companies/${stack.sandbox.companyId}/customers/${customerCode}/certificates`);
    return ((body as { value?: Array<{ id: number; exposureZone: { name: string } }> }).value ?? []);
  };
  const invite = async (customerCode: string, region: string, deliveryMethod = 'Download') =>
    stack.post('/v1/invitations', { country: 'US', region, deliveryMethod }, await stack.token(customerCode, ['invite:create']));
  const upload = async (customerCode: string, region: string, file: { bytes: Uint8Array; name: string; type: string }) => {
    const token = await stack.token(customerCode, ['certificate:upload']);
    const form = uploadForm({ country: 'US', region, exemptionReason: 'RESALE', signedDate: dayFromToday(-1) }, file);
    return fetch(`${stack.base}/v1/certificates`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  };
  const verdict = async (customerCode: string, region: string) =>
    (await (await stack.get(`/v1/status?country=US&region=${region}`, await stack.token(customerCode, ['status:read']), { 'cache-control': 'no-cache' })).json()) as StatusVerdict;

  test('an invitation AvaTax stored but acknowledged too late is the answer, not an error', async () => {
    stack.proxy!.rules([{ method: 'POST', path: INVITES, action: 'late', ms: 2500, times: 1 }]);
    const res = await invite('C-1005', 'OR');
    assert.equal(res.status, 201);
    const invitation = (await res.json()) as Invitation;
    assert.equal(invitation.reused, false);
    const stored = (await invitationsOf('C-1005')).filter((i) => i.exposureZones.includes(38));
    assert.equal(stored.length, 1, 'exactly one invitation upstream');
    assert.equal(stored[0]!.id, invitation.id);
    // The customer asks again: the same invitation, no duplicate.
    const again = (await (await invite('C-1005', 'OR')).json()) as Invitation;
    assert.deepEqual([again.id, again.reused], [invitation.id, true]);
  });

  test('an invitation whose connection dropped after it was sent is read back too', async () => {
    stack.proxy!.rules([{ method: 'POST', path: INVITES, action: 'reset', times: 1 }]);
    const res = await invite('C-1005', 'ID');
    assert.equal(res.status, 201);
    const invitation = (await res.json()) as Invitation;
    assert.deepEqual((await invitationsOf('C-1005')).filter((i) => i.exposureZones.includes(13)).map((i) => i.id), [invitation.id]);
  });

  test('a create AvaTax refused (5xx) and did not store is retryable; one that got no answer is not', async () => {
    stack.proxy!.rules([{ method: 'POST', path: INVITES, action: 'fail', status: 503, body: avataxError('ServiceNotReady', 10), times: 1 }]);
    const refused = await invite('C-1005', 'MT');
    assert.equal(refused.status, 503);
    assert.deepEqual(await errorOf(refused).then((e) => [e.code, e.retryable]), ['upstream_unavailable', true]);

    // Never reached AvaTax, but the companion cannot know that: the outcome is unknown.
    stack.proxy!.rules([{ method: 'POST', path: INVITES, action: 'hang', times: 1 }]);
    const unknown = await invite('C-1005', 'MT');
    assert.equal(unknown.status, 503);
    const error = await errorOf(unknown);
    assert.equal(error.retryable, false, 'not retryable: the request may still land');
    assert.match(error.message, /did not confirm/);
    assert.equal((await invitationsOf('C-1005')).filter((i) => i.exposureZones.includes(27)).length, 0);
  });

  test('the invitation rate limit counts attempts, so failing creates cannot exceed it', async () => {
    stack.proxy!.rules([{ method: 'POST', path: INVITES, action: 'fail', status: 500, body: avataxError('UnhandledException', 1) }]);
    const statuses: number[] = [];
    for (const region of ['AL', 'AK', 'AZ', 'AR', 'CO', 'CT', 'DE', 'FL']) statuses.push((await invite('C-1004', region)).status);
    assert.deepEqual(statuses, [503, 503, 503, 503, 503, 429, 429, 429]);
    // And with creates that land although their answer comes late: still at most 5 per hour.
    stack.proxy!.rules([{ method: 'POST', path: INVITES, action: 'late', ms: 2500 }]);
    const late = await invite('C-1004', 'GA');
    assert.equal(late.status, 429);
    assert.ok(Number(late.headers.get('retry-after')) > 0);
    assert.equal((await invitationsOf('C-1004')).length, 0);
  });

  test('concurrent identical creates make one upstream invitation', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => invite('C-1002', 'NV')));
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as Invitation[];
    assert.equal(new Set(bodies.map((b) => b.id)).size, 1);
    assert.equal(bodies.filter((b) => !b.reused).length, 1);
    assert.equal((await invitationsOf('C-1002')).filter((i) => i.exposureZones.includes(29)).length, 1);
  });

  test('a certificate created although its answer was lost is the answer', async () => {
    stack.proxy!.rules([{ method: 'POST', path: CREATE_CERT, action: 'late', ms: 2500, times: 1 }]);
    const res = await upload('C-1005', 'UT', { bytes: tinyPdf(), name: 'cert.pdf', type: 'application/pdf' });
    assert.equal(res.status, 201);
    const result = (await res.json()) as UploadResult;
    const stored = (await certificatesOf('C-1005')).filter((c) => c.exposureZone.name === 'Utah');
    assert.deepEqual(stored.map((c) => c.id), [result.certificate.id]);
    assert.equal((await verdict('C-1005', 'UT')).status, 'exempt');
  });

  test('a certificate whose document could not be attached is removed, and the answer may be retried', async () => {
    stack.proxy!.rules([{ method: 'POST', path: ATTACH, action: 'fail', status: 503, body: avataxError('ServiceNotReady', 10) }]);
    const res = await upload('C-1003', 'VT', { bytes: tinyPng(), name: 'cert.png', type: 'image/png' });
    assert.equal(res.status, 503);
    const error = await errorOf(res);
    assert.deepEqual([error.code, error.retryable], ['upstream_unavailable', true]);
    assert.match(error.message, /nothing was saved/);
    assert.ok(stack.proxy!.forwarded.some((f) => f.startsWith('DELETE ')), 'DeleteCertificate was called');
    assert.equal((await certificatesOf('C-1003')).filter((c) => c.exposureZone.name === 'Vermont').length, 0);
    assert.equal((await verdict('C-1003', 'VT')).status, 'missing');
  });

  test('a certificate that can be neither completed nor removed is named, logged and never counted as valid', async () => {
    stack.proxy!.rules([
      { method: 'POST', path: ATTACH, action: 'fail', status: 503, body: avataxError('ServiceNotReady', 10) },
      { method: 'DELETE', path: DELETE_CERT, action: 'fail', status: 503, body: avataxError('ServiceNotReady', 10) },
    ]);
    const res = await upload('C-1003', 'WY', { bytes: tinyPng(), name: 'cert.png', type: 'image/png' });
    assert.equal(res.status, 502);
    const error = await errorOf(res);
    assert.equal(error.retryable, false);
    const left = (await certificatesOf('C-1003')).filter((c) => c.exposureZone.name === 'Wyoming');
    assert.equal(left.length, 1, 'the incomplete certificate is still in AvaTax');
    assert.match(error.message, new RegExp(`certificate ${left[0]!.id}`));
    assert.ok(stack.logs.some((line) => line.includes(`"certificateId":${left[0]!.id}`) && line.includes('"level":50')), 'logged as an error with its id');
    stack.proxy!.rules([]);
    assert.equal((await verdict('C-1003', 'WY')).status, 'missing', 'the sandbox counts it valid, the companion does not');
  });

  test('a certificate AvaTax kept although it refused its file is removed, and the refusal stands', async () => {
    stack.proxy!.rules([{ method: 'POST', path: CREATE_CERT, action: 'replace', status: 400, body: avataxError('CertificatesError', 1203, 'Client'), times: 1 }]);
    const res = await upload('C-1003', 'SD', { bytes: tinyPdf(), name: 'cert.pdf', type: 'application/pdf' });
    assert.equal(res.status, 400);
    assert.equal((await errorOf(res)).retryable, false);
    assert.equal((await certificatesOf('C-1003')).filter((c) => c.exposureZone.name === 'South Dakota').length, 0);
  });
});
