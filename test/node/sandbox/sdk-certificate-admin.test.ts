/**
 * The certificate endpoints an admin or audit screen uses, through the official `avatax`
 * SDK: DeleteCertificate (and the lists it must leave clean).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type * as Models from 'avatax/lib/models/index.js';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { api, expectAvaTaxError, model, rejectsWithCode, samplePdf, sdk, startSandbox, todayUtc, type AvaTaxClient } from './support.js';

type CertificateModel = Models.CertificateModel;

describe('certificate administration through the official avatax SDK', () => {
  let sandbox: Sandbox;
  let client: AvaTaxClient;
  let companyId: number;

  before(async () => {
    sandbox = await startSandbox();
    client = sdk(sandbox);
    companyId = sandbox.companyId;
  });
  after(() => sandbox.close());

  const createFor = async (customerCode: string, zone: string): Promise<number> => {
    const [created] = await client.createCertificates({
      companyId,
      model: [model<CertificateModel>({
        signedDate: todayUtc(), exemptionReason: { name: 'RESALE' }, exposureZone: { name: zone },
        pdf: samplePdf('To delete').toString('base64'), customers: [{ customerCode }],
      })],
    });
    return Number(created?.id);
  };

  describe('DeleteCertificate', () => {
    it('answers an ErrorDetail array saying the certificate was deleted', async () => {
      const id = await createFor('C-1005', 'Oregon');
      const result = await client.deleteCertificate({ companyId, id });
      assert.ok(Array.isArray(result));
      assert.equal(result.length, 1);
      assert.equal(String(result[0]?.code), 'DeleteInformation');
      assert.equal(result[0]?.number, 100);
      assert.equal(String(result[0]?.severity), 'Success');
      assert.match(String(result[0]?.message), new RegExp(`Certificate ${id} was deleted`));
    });

    it('removes the certificate from every list, the status lookup and the attachment', async () => {
      const id = await createFor('C-1005', 'Idaho');
      const status = () => client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1005', country: 'US', region: 'ID' });
      assert.equal((await status()).status, 'Exempt');
      const attachment = `/api/v2/companies/${companyId}/certificates/${id}/attachment`;
      assert.equal((await api(sandbox, attachment)).status, 200);

      await client.deleteCertificate({ companyId, id });

      assert.equal((await status()).status, 'NotExempt');
      const forCustomer = await client.listCertificatesForCustomer({ companyId, customerCode: 'C-1005' });
      assert.ok(!forCustomer.value.some((c) => c.id === id));
      const queried = await client.queryCertificates({ companyId, filter: `id eq ${id}` });
      assert.equal(queried['@recordsetCount' as keyof typeof queried], 0);
      await rejectsWithCode(client.getCertificate({ companyId, id }), 'EntityNotFoundError');
      await expectAvaTaxError(await api(sandbox, attachment), 404, 'EntityNotFoundError');
      const customer = await client.getCustomer({ companyId, customerCode: 'C-1005', include: 'certificates' });
      assert.ok(!(customer.certificates ?? []).some((c) => c.id === id));
    });

    it('turns a seeded exempt zone into NotExempt', async () => {
      const before = await client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1006', country: 'CA', region: 'BC' });
      assert.equal(before.status, 'Exempt');
      await client.deleteCertificate({ companyId, id: Number(before.certificate?.id) });
      const after = await client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1006', country: 'CA', region: 'BC' });
      assert.equal(after.status, 'NotExempt');
      assert.equal(after.certificate, null);
    });

    it('answers a missing id with a 404 EntityNotFoundError envelope', async () => {
      await rejectsWithCode(client.deleteCertificate({ companyId, id: 987_654 }), 'EntityNotFoundError');
      const id = await createFor('C-1005', 'Utah');
      await client.deleteCertificate({ companyId, id });
      await expectAvaTaxError(await api(sandbox, `/api/v2/companies/${companyId}/certificates/${id}`, { method: 'DELETE' }), 404, 'EntityNotFoundError');
    });
  });
});
