import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StatusVerdict, UploadResult } from '../../../src/client/contract.js';
import { dayFromToday, errorOf, startStack, tinyJpeg, tinyPdf, tinyPng, uploadForm, type Stack } from './helpers.js';

const FIELDS = { country: 'US', region: 'NV', exemptionReason: 'RESALE', signedDate: dayFromToday(-3), expirationDate: dayFromToday(400), exemptionNumber: 'NV-123' };

describe('certificates', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  const upload = async (token: string, form: FormData | string, headers: Record<string, string> = {}) =>
    fetch(`${stack.base}/v1/certificates`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body: form });

  test('a PDF upload creates the certificate, clears the cached verdict and can be downloaded', async () => {
    const token = await stack.token('C-1001');
    const before = (await (await stack.get('/v1/status?country=US&region=NV', token)).json()) as StatusVerdict;
    assert.equal(before.status, 'missing');
    const res = await upload(token, uploadForm(FIELDS, { bytes: tinyPdf(), name: 'nevada.pdf', type: 'application/pdf' }));
    assert.equal(res.status, 201);
    const result = (await res.json()) as UploadResult;
    assert.equal(result.customerCode, 'C-1001');
    assert.equal(result.zone.name, 'Nevada');
    assert.equal(result.certificate.exemptionReason, 'RESALE');
    assert.equal(result.certificate.signedDate, FIELDS.signedDate);
    assert.equal(result.certificate.expirationDate, FIELDS.expirationDate);
    assert.ok(['exempt', 'pending'].includes(result.status), result.status);

    const after = (await (await stack.get('/v1/status?country=US&region=NV', token)).json()) as StatusVerdict;
    assert.notEqual(after.status, 'missing', 'the cached missing verdict was cleared');
    assert.equal(after.certificate?.id, result.certificate.id);

    const doc = await stack.get(`/v1/certificates/${result.certificate.id}/document`, token);
    assert.equal(doc.status, 200);
    assert.equal(doc.headers.get('content-type'), 'application/pdf');
    assert.match(doc.headers.get('content-disposition') ?? '', /filename="certificate-\d+\.pdf"/);
    assert.equal(doc.headers.get('cache-control'), 'private, no-store');
    const bytes = new Uint8Array(await doc.arrayBuffer());
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString(), '%PDF-');
  });

  test('JPEG and PNG uploads are accepted', async () => {
    const token = await stack.token('C-1005');
    const jpg = await upload(token, uploadForm({ ...FIELDS, region: 'OR' }, { bytes: tinyJpeg(), name: 'scan.jpg' }));
    assert.equal(jpg.status, 201, JSON.stringify(await jpg.clone().json()));
    const png = await upload(token, uploadForm({ ...FIELDS, region: 'ID' }, { bytes: tinyPng(), name: 'scan.png' }));
    assert.equal(png.status, 201, JSON.stringify(await png.clone().json()));
    const result = (await png.json()) as UploadResult;
    const doc = await stack.get(`/v1/certificates/${result.certificate.id}/document`, token);
    assert.equal(doc.status, 200);
    await doc.arrayBuffer();
  });

  test('an upload for a customer AvaTax lacks creates it from the token profile', async () => {
    const profile = { name: 'New Buyer LLC', line1: '5 Main St', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' };
    const token = await stack.token('N-3001', ['certificate:upload', 'status:read'], { profile });
    const res = await upload(token, uploadForm(FIELDS, { bytes: tinyPdf(), name: 'c.pdf' }));
    assert.equal(res.status, 201);
    const list = (await (await stack.get('/v1/status', token)).json()) as { certificates: unknown[] };
    assert.equal(list.certificates.length, 1);
    const bare = await stack.token('N-3002', ['certificate:upload']);
    stack.upstream.reset();
    const refused = await upload(bare, uploadForm(FIELDS, { bytes: tinyPdf(), name: 'c.pdf' }));
    assert.equal(refused.status, 400);
    assert.ok((await errorOf(refused)).fields?.includes('profile.name'));
    assert.equal(stack.upstream.writes(), 0);
  });

  test('invalid uploads are refused before anything reaches AvaTax', async () => {
    const token = await stack.token('C-1001');
    stack.upstream.reset();
    const fake = await upload(token, uploadForm(FIELDS, { bytes: new TextEncoder().encode('just some text, not a PDF'), name: 'cert.pdf', type: 'application/pdf' }));
    assert.equal(fake.status, 415);
    assert.equal((await errorOf(fake)).code, 'unsupported_media_type');

    const noFile = await upload(token, uploadForm(FIELDS));
    assert.equal(noFile.status, 400);
    assert.deepEqual((await errorOf(noFile)).fields, ['file']);

    const missing = await upload(token, uploadForm({ country: 'US' }, { bytes: tinyPdf(), name: 'c.pdf' }));
    assert.equal(missing.status, 400);
    assert.deepEqual((await errorOf(missing)).fields?.sort(), ['exemptionReason', 'region', 'signedDate']);

    const future = await upload(token, uploadForm({ ...FIELDS, signedDate: dayFromToday(2) }, { bytes: tinyPdf(), name: 'c.pdf' }));
    assert.deepEqual((await errorOf(future)).fields, ['signedDate']);
    const backwards = await upload(token, uploadForm({ ...FIELDS, expirationDate: dayFromToday(-10) }, { bytes: tinyPdf(), name: 'c.pdf' }));
    assert.deepEqual((await errorOf(backwards)).fields, ['expirationDate']);
    const badDate = await upload(token, uploadForm({ ...FIELDS, signedDate: '2024-02-30' }, { bytes: tinyPdf(), name: 'c.pdf' }));
    assert.deepEqual((await errorOf(badDate)).fields, ['signedDate']);

    const json = await upload(token, JSON.stringify(FIELDS), { 'content-type': 'application/json' });
    assert.equal(json.status, 415);

    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(tinyPdf());
    const tooBig = await upload(token, uploadForm(FIELDS, { bytes: big, name: 'big.pdf' }));
    assert.equal(tooBig.status, 413);
    assert.equal((await errorOf(tooBig)).code, 'payload_too_large');
    const wayTooBig = await upload(token, uploadForm(FIELDS, { bytes: new Uint8Array(12 * 1024 * 1024), name: 'huge.pdf' }));
    assert.equal(wayTooBig.status, 413);
    assert.equal(stack.upstream.count(), 0);

    const unknownReason = await upload(token, uploadForm({ ...FIELDS, exemptionReason: 'BECAUSE' }, { bytes: tinyPdf(), name: 'c.pdf' }));
    assert.deepEqual((await errorOf(unknownReason)).fields, ['exemptionReason']);
    assert.equal(stack.upstream.writes(), 0);
  });

  test('document: 404 for unknown ids and certificates without a file, 400 for bad ids', async () => {
    const staff = await stack.token('*');
    assert.equal((await stack.get('/v1/certificates/999999/document', staff)).status, 404);
    assert.equal((await stack.get('/v1/certificates/abc/document', staff)).status, 400);
    assert.equal((await stack.get('/v1/certificates/1/document', await stack.token('C-1001', ['status:read']))).status, 403);
  });
});
