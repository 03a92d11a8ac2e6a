/**
 * The exemption rule at its boundaries, with the sandbox clock under test control:
 * signed today, expiring today, expired yesterday, not yet signed, pending, revoked,
 * another zone, not linked, and the choice among several valid certificates.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type * as Models from 'avatax/lib/models/index.js';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { addDays } from '../../../src/sandbox/util/dates.js';
import { model, samplePdf, sdk, startSandbox, type AvaTaxClient } from './support.js';

const DAY = '2030-06-15';

describe('exemption validity rule', () => {
  let sandbox: Sandbox;
  let client: AvaTaxClient;
  let clock = new Date(`${DAY}T12:00:00Z`);
  const pdf = samplePdf().toString('base64');

  const certify = async (customerCode: string | null, zone: string, signedDate: string, expirationDate: string | null, extra: object = {}) => {
    const [created] = await client.createCertificates({
      companyId: sandbox.companyId,
      model: [
        model<Models.CertificateModel>({
          signedDate,
          expirationDate,
          exemptionReason: { name: 'RESALE' },
          exposureZone: { name: zone },
          pdf,
          customers: customerCode ? [{ customerCode }] : [],
          ...extra,
        }),
      ],
    });
    return Number(created?.id);
  };
  const status = (customerCode: string, region: string, country = 'US') =>
    client.listValidCertificatesForCustomer({ companyId: sandbox.companyId, customerCode, country, region });

  before(async () => {
    sandbox = await startSandbox({ now: () => clock });
    client = sdk(sandbox);
  });
  after(() => sandbox.close());

  it('seeds dates relative to the day the sandbox started', async () => {
    const result = await status('C-1001', 'TX');
    assert.equal(result.status, 'Exempt');
    assert.equal(result.certificate?.expirationDate as unknown, addDays(DAY, 12));
    assert.equal(result.certificate?.signedDate as unknown, addDays(DAY, -700));
  });

  it('counts a certificate signed today and one expiring today', async () => {
    await certify('V-SIGNED-TODAY', 'Utah', DAY, null);
    assert.equal((await status('V-SIGNED-TODAY', 'UT')).status, 'Exempt');
    await certify('V-EXPIRES-TODAY', 'Utah', '2020-01-01', DAY);
    assert.equal((await status('V-EXPIRES-TODAY', 'UT')).status, 'Exempt');
  });

  it('does not count a certificate that expired yesterday or is signed tomorrow', async () => {
    await certify('V-EXPIRED', 'Utah', '2020-01-01', addDays(DAY, -1));
    assert.equal((await status('V-EXPIRED', 'UT')).status, 'NotExempt');
    const id = await certify('V-FUTURE', 'Utah', addDays(DAY, 1), null);
    assert.equal((await status('V-FUTURE', 'UT')).status, 'NotExempt');
    const certificate = await client.getCertificate({ companyId: sandbox.companyId, id });
    assert.equal(String(certificate.ecmStatus), 'PendingFuture');
  });

  it('moves with the clock: tomorrow the expiring-today certificate no longer counts', async () => {
    await certify('V-CLOCK', 'Vermont', '2020-01-01', DAY);
    assert.equal((await status('V-CLOCK', 'VT')).status, 'Exempt');
    clock = new Date(`${addDays(DAY, 1)}T00:00:00Z`);
    try {
      assert.equal((await status('V-CLOCK', 'VT')).status, 'NotExempt');
    } finally {
      clock = new Date(`${DAY}T12:00:00Z`);
    }
  });

  it('does not count pending, revoked or invalid certificates', async () => {
    assert.equal((await status('C-1003', 'WA')).status, 'NotExempt');
    assert.equal((await status('C-1004', 'WA')).status, 'NotExempt');
    await certify('V-INVALID', 'Utah', '2020-01-01', null, { valid: false });
    assert.equal((await status('V-INVALID', 'UT')).status, 'NotExempt');
    const pending = await client.listCertificatesForCustomer({ companyId: sandbox.companyId, customerCode: 'C-1003' });
    assert.equal(pending.value[0]?.status, 'PENDING');
  });

  it('does not count a certificate for another zone or one not linked to the customer', async () => {
    await certify('V-OTHER-ZONE', 'Utah', '2020-01-01', null);
    assert.equal((await status('V-OTHER-ZONE', 'ID')).status, 'NotExempt');
    assert.equal((await status('V-OTHER-ZONE', 'UT', 'CA')).status, 'NotExempt');
    const id = await certify(null, 'Maine', '2020-01-01', null);
    assert.equal((await status('C-1005', 'ME')).status, 'NotExempt');
    await client.linkCertificatesToCustomer({ companyId: sandbox.companyId, customerCode: 'C-1005', model: { certificates: [id] } });
    assert.equal((await status('C-1005', 'ME')).status, 'Exempt');
  });

  it('returns the valid certificate that covers longest', async () => {
    await certify('V-MANY', 'Ohio', '2020-01-01', addDays(DAY, 10));
    const longest = await certify('V-MANY', 'Ohio', '2021-01-01', addDays(DAY, 400));
    await certify('V-MANY', 'Ohio', '2022-01-01', addDays(DAY, -5));
    const result = await status('V-MANY', 'OH');
    assert.equal(result.certificate?.id, longest);
  });

  it('treats region and country case-insensitively and unknown zones as NotExempt', async () => {
    assert.equal((await status('C-1001', 'wa', 'us')).status, 'Exempt');
    assert.equal((await status('C-1001', 'ZZ')).status, 'NotExempt');
  });
});
