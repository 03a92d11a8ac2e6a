/**
 * The endpoints an admin or audit screen uses, through the official `avatax` SDK:
 * UpdateCertificate, DeleteCertificate (and the lists it must leave clean), the active and
 * inactive certificate lists, certificate attributes, ListCertificateAttributes, DeleteCustomer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as Models from 'avatax/lib/models/index.js';
import { api, expectAvaTaxError, model, rejectsWithCode, samplePdf, todayUtc, useSuiteSandbox } from './support.js';

type CertificateModel = Models.CertificateModel;

describe('certificate administration through the official avatax SDK', () => {
  const suite = useSuiteSandbox();

  const createFor = async (customerCode: string, zone: string): Promise<number> => {
    const { client, companyId } = suite;
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
      const { client, companyId } = suite;
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
      const { client, companyId, sandbox } = suite;
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
      const { client, companyId } = suite;
      const before = await client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1006', country: 'CA', region: 'BC' });
      assert.equal(before.status, 'Exempt');
      await client.deleteCertificate({ companyId, id: Number(before.certificate?.id) });
      const after = await client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1006', country: 'CA', region: 'BC' });
      assert.equal(after.status, 'NotExempt');
      assert.equal(after.certificate, null);
    });

    it('answers a missing id with a 404 EntityNotFoundError envelope', async () => {
      const { client, companyId, sandbox } = suite;
      await rejectsWithCode(client.deleteCertificate({ companyId, id: 987_654 }), 'EntityNotFoundError');
      const id = await createFor('C-1005', 'Utah');
      await client.deleteCertificate({ companyId, id });
      await expectAvaTaxError(await api(sandbox, `/api/v2/companies/${companyId}/certificates/${id}`, { method: 'DELETE' }), 404, 'EntityNotFoundError');
    });
  });

  describe('UpdateCertificate', () => {
    it('replaces the fields of a certificate and keeps its id, links and document', async () => {
      const { client, companyId } = suite;
      const id = await createFor('C-1005', 'Nevada');
      const current = await client.getCertificate({ companyId, id });
      const updated = await client.updateCertificate({
        companyId,
        id,
        model: { ...current, exemptionNumber: 'NV-UPDATED', expirationDate: '2031-01-31' as unknown as Date, exposureZone: model<Models.ExposureZoneModel>({ name: 'Arizona' }) },
      });
      assert.equal(updated.id, id);
      assert.equal(updated.exemptionNumber, 'NV-UPDATED');
      assert.equal(updated.expirationDate as unknown, '2031-01-31');
      assert.equal(updated.exposureZone.name, 'Arizona');
      assert.equal(updated.documentExists, true, 'a round trip without a file keeps the stored document');
      assert.deepEqual(updated.customers?.map((c) => c.customerCode), ['C-1005']);
      // The zone index follows the change.
      const status = (region: string) => client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1005', country: 'US', region });
      assert.equal((await status('NV')).status, 'NotExempt');
      assert.equal((await status('AZ')).certificate?.id, id);
    });

    it('marks a certificate invalid, and relinks customers when the body names them', async () => {
      const { client, companyId } = suite;
      const id = await createFor('C-1005', 'Vermont');
      const current = await client.getCertificate({ companyId, id });
      const updated = await client.updateCertificate({ companyId, id, model: { ...current, valid: false, customers: [model<Models.CustomerModel>({ customerCode: 'C-1004' })] } });
      assert.equal(updated.valid, false);
      assert.equal(String(updated.ecmStatus), 'Invalid');
      assert.deepEqual(updated.customers?.map((c) => c.customerCode), ['C-1004']);
      const forOld = await client.listCertificatesForCustomer({ companyId, customerCode: 'C-1005' });
      assert.ok(!forOld.value.some((c) => c.id === id));
    });

    it('validates the replacement like a creation, and answers a missing id with 404', async () => {
      const { client, companyId } = suite;
      const id = await createFor('C-1005', 'Maine');
      const current = await client.getCertificate({ companyId, id });
      await rejectsWithCode(client.updateCertificate({ companyId, id, model: { ...current, exemptionReason: model<Models.ExemptionReasonModel>({ name: 'NOPE' }) } }), 'InvalidExemptReason');
      await rejectsWithCode(client.updateCertificate({ companyId, id, model: { ...current, pdf: 'x', filename: 'y.pdf' } }), 'ConflictingFields');
      await rejectsWithCode(client.updateCertificate({ companyId, id: 987_655, model: current }), 'EntityNotFoundError');
      assert.equal((await client.getCertificate({ companyId, id })).exposureZone.name, 'Maine', 'a refused update changes nothing');
    });
  });

  describe('active and inactive certificates of a customer', () => {
    it('answers ExemptionStatusModel: the active certificate, and the latest inactive one', async () => {
      const { client, companyId } = suite;
      const active = await client.listActiveCertificatesForCustomer({ companyId, customerCode: 'C-1001' });
      assert.equal(active.status, 'Exempt');
      assert.equal(String(active.certificate?.ecmStatus), 'Valid');
      const inactive = await client.listInActiveCertificatesForCustomer({ companyId, customerCode: 'C-1002' });
      assert.equal(inactive.status, 'Expired');
      assert.equal(inactive.certificate?.exposureZone.name, 'Washington');
      assert.equal((await client.listInActiveCertificatesForCustomer({ companyId, customerCode: 'C-1004' })).status, 'Invalid');
      const none = await client.listActiveCertificatesForCustomer({ companyId, customerCode: 'C-1002' });
      assert.deepEqual(none, { status: 'NotExempt', certificate: null });
      assert.deepEqual(await client.listInActiveCertificatesForCustomer({ companyId, customerCode: 'C-1006' }), { status: 'None', certificate: null });
      await rejectsWithCode(client.listActiveCertificatesForCustomer({ companyId, customerCode: 'C-9999' }), 'EntityNotFoundError');
    });

    it('lists every active certificate with $include=active_certificates', async () => {
      const { client, companyId } = suite;
      const customer = await client.getCustomer({ companyId, customerCode: 'C-1001', include: 'active_certificates' });
      const zones = (customer.activeCertificates ?? []).map((a) => a.exposureZone?.name).sort();
      assert.deepEqual(zones, ['California', 'Texas', 'Washington']);
      assert.equal(customer.activeCertificates?.[0]?.certificate?.id, customer.activeCertificates?.[0]?.id);
    });
  });

  describe('certificate attributes', () => {
    it('lists the definitions, filters them, and refuses another company', async () => {
      const { client, companyId } = suite;
      const all = await client.listCertificateAttributes({});
      assert.ok(all.value.some((a) => a.name === 'DIRECT PAY' && a.isSystemCode === true));
      const direct = await client.listCertificateAttributes({ companyid: companyId, filter: "name eq 'DIRECT PAY'" });
      assert.equal(direct.value.length, 1);
      await rejectsWithCode(client.listCertificateAttributes({ companyid: companyId + 1 }), 'EntityNotFoundError');
    });

    it('links and unlinks attributes by id or name, shown with $include=attributes', async () => {
      const { client, companyId } = suite;
      const id = await createFor('C-1005', 'Ohio');
      const direct = (await client.listCertificateAttributes({ filter: "name eq 'DIRECT PAY'" })).value[0] as Models.CertificateAttributeModel;
      const linked = await client.linkAttributesToCertificate({ companyId, id, model: [direct, model<Models.CertificateAttributeModel>({ name: 'needs review' })] });
      assert.deepEqual(linked.value.map((a) => a.name), ['DIRECT PAY', 'NEEDS REVIEW']);
      const withAttributes = await client.getCertificate({ companyId, id, include: 'attributes' });
      assert.deepEqual(withAttributes.attributes?.map((a) => a.name), ['DIRECT PAY', 'NEEDS REVIEW']);
      const unlinked = await client.unlinkAttributesFromCertificate({ companyId, id, model: [direct] });
      assert.deepEqual(unlinked.value.map((a) => a.name), ['NEEDS REVIEW']);
      assert.deepEqual((await client.listAttributesForCertificate({ companyId, id })).value.map((a) => a.name), ['NEEDS REVIEW']);
      await rejectsWithCode(client.linkAttributesToCertificate({ companyId, id, model: [model<Models.CertificateAttributeModel>({ id: 999 })] }), 'EntityNotFoundError');
      await rejectsWithCode(client.listAttributesForCertificate({ companyId, id: 987_656 }), 'EntityNotFoundError');
    });
  });

  describe('DeleteCustomer', () => {
    it('deletes the customer, keeps its certificates unlinked, and answers an ErrorDetail array', async () => {
      const { client, companyId } = suite;
      await client.createCustomers({
        companyId,
        model: [model<Models.CustomerModel>({ companyId, customerCode: 'DEL-1', name: 'To delete', line1: '1 A St', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' })],
      });
      const certificateId = await createFor('DEL-1', 'Nevada');
      const result = (await client.deleteCustomer({ companyId, customerCode: 'DEL-1' })) as unknown as Array<{ code: string; severity: string }>;
      assert.equal(result[0]?.code, 'DeleteInformation');
      await rejectsWithCode(client.getCustomer({ companyId, customerCode: 'DEL-1' }), 'EntityNotFoundError');
      const orphan = await client.getCertificate({ companyId, id: certificateId, include: 'customers' });
      assert.deepEqual(orphan.customers, []);
      await rejectsWithCode(client.deleteCustomer({ companyId, customerCode: 'DEL-1' }), 'EntityNotFoundError');
    });
  });

  it('answers only bodies the official avatax models allow (official-models.ts)', () => suite.bodies.assertOfficial());
});
