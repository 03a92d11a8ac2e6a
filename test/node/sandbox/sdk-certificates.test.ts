/**
 * Certificates and CertExpress invitations as the official `avatax` SDK sees them: create,
 * query, link, invite, and the errors the SDK raises (asserted by AvaTax error code).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type * as Models from 'avatax/lib/models/index.js';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { watchBodies } from './body-recorder.js';
import { model, rejectsWithCode, samplePdf, suiteSandbox, todayUtc, type AvaTaxClient } from './support.js';

type CertificateModel = Models.CertificateModel;

describe('certificates and invitations through the official avatax SDK', () => {
  let sandbox: Sandbox;
  let client: AvaTaxClient;
  let companyId: number;

  const bodies = watchBodies();

  before(async () => {
    ({ sandbox, client, companyId } = await suiteSandbox(bodies));
  });
  after(() => sandbox.close());

  describe('certificates', () => {
    const pdf = samplePdf().toString('base64');
    const base = { signedDate: todayUtc(), exemptionReason: { name: 'RESALE' }, exposureZone: { name: 'Nevada' } };

    it('lists the certificates of a customer, with a filter', async () => {
      const all = await client.listCertificatesForCustomer({ companyId, customerCode: 'C-1001' });
      assert.equal(all.value.length, 3);
      const texas = await client.listCertificatesForCustomer({ companyId, customerCode: 'C-1001', filter: "exposureZone.name eq 'Texas'", include: 'customers' });
      assert.equal(texas.value.length, 1);
      assert.equal(texas.value[0]?.customers?.[0]?.customerCode, 'C-1001');
    });

    it('creates a certificate from a base64 PDF, auto-creating an unknown customer', async () => {
      const created = await client.createCertificates({
        companyId,
        preValidatedExemptionReason: true,
        model: [model<CertificateModel>({ ...base, pdf, exemptionNumber: 'NV-1', customers: [{ customerCode: 'AUTO-1' }] })],
      });
      assert.equal(created.length, 1);
      const certificate = created[0] as CertificateModel;
      assert.equal(certificate.documentExists, true);
      assert.equal(certificate.status, 'COMPLETE');
      assert.equal(certificate.exposureZone.name, 'Nevada');
      const autoCustomer = await client.getCustomer({ companyId, customerCode: 'AUTO-1' });
      assert.equal(autoCustomer.customerCode, 'AUTO-1');
      const status = await client.listValidCertificatesForCustomer({ companyId, customerCode: 'AUTO-1', country: 'US', region: 'NV' });
      assert.equal(status.status, 'Exempt');
      assert.equal(status.certificate?.id, certificate.id);
      const fetched = await client.getCertificate({ companyId, id: Number(certificate.id), include: 'customers' });
      assert.deepEqual(fetched.customers?.map((c) => c.customerCode), ['AUTO-1']);
    });

    it('accepts a SDK Date as signedDate', async () => {
      const created = await client.createCertificates({
        companyId,
        model: [model<CertificateModel>({ ...base, signedDate: new Date('2024-03-05T00:00:00Z'), filename: 'scan-1.pdf' })],
      });
      assert.equal(created[0]?.signedDate as unknown, '2024-03-05');
      assert.equal(created[0]?.documentExists, false);
    });

    it('enforces the one-of filename/pdf/pages rule', async () => {
      await rejectsWithCode(client.createCertificates({ companyId, model: [model<CertificateModel>(base)] }), 'MissingRequiredFields');
      await rejectsWithCode(client.createCertificates({ companyId, model: [model<CertificateModel>({ ...base, pdf, filename: 'a.pdf' })] }), 'ConflictingFields');
      await rejectsWithCode(client.createCertificates({ companyId, model: [model<CertificateModel>({ ...base, pdf: '' })] }), 'InvalidPdfOrImageFile');
      await rejectsWithCode(client.createCertificates({ companyId, model: [model<CertificateModel>({ ...base, pages: [] })] }), 'InvalidPdfOrImageFile');
      const error = await rejectsWithCode(
        client.createCertificates({ companyId, model: [model<CertificateModel>({ ...base, pdf: Buffer.from('not a pdf').toString('base64') })] }),
        'CertificatesError',
      );
      assert.match(JSON.stringify(error.details), /must be a base64 encoded PDF/);
    });

    it('requires reason, zone and signed date, and checks the reason', async () => {
      const { exemptionReason: _r, ...noReason } = base;
      await rejectsWithCode(client.createCertificates({ companyId, model: [model<CertificateModel>({ ...noReason, pdf })] }), 'MissingExemptReason');
      await rejectsWithCode(
        client.createCertificates({ companyId, model: [model<CertificateModel>({ ...base, pdf, exemptionReason: { name: 'BECAUSE' } })] }),
        'InvalidExemptReason',
      );
      const { exposureZone: _z, ...noZone } = base;
      await rejectsWithCode(client.createCertificates({ companyId, model: [model<CertificateModel>({ ...noZone, pdf })] }), 'MissingRequiredFields');
      await rejectsWithCode(
        client.createCertificates({ companyId, model: [model<CertificateModel>({ ...base, pdf, exposureZone: { name: 'Atlantis' } })] }),
        'InvalidParameterValue',
      );
      await rejectsWithCode(client.createCertificates({ companyId, model: [model<CertificateModel>({ ...base, pdf, signedDate: 'soon' })] }), 'DateFormatError');
      await rejectsWithCode(
        client.createCertificates({ companyId, model: [model<CertificateModel>({ ...base, pdf, expirationDate: '2001-01-01' })] }),
        'DateRangeError',
      );
      await rejectsWithCode(client.createCertificates({ companyId, model: [model<CertificateModel>({ ...base, pdf, exemptPercentage: 140 })] }), 'RangeError');
      const { signedDate: _s, ...noDate } = base;
      await rejectsWithCode(client.createCertificates({ companyId, model: [model<CertificateModel>({ ...noDate, pdf })] }), 'MissingRequiredFields');
    });

    it('queries certificates company-wide with a filter', async () => {
      const result = await client.queryCertificates({ companyId, filter: "status eq 'REVOKED'", include: 'customers' });
      assert.equal(result.value.length, 1);
      assert.equal(result.value[0]?.customers?.[0]?.customerCode, 'C-1004');
      await rejectsWithCode(client.getCertificate({ companyId, id: 999_999 }), 'EntityNotFoundError');
    });

    it('links and unlinks customers', async () => {
      const [created] = await client.createCertificates({ companyId, model: [model<CertificateModel>({ ...base, exposureZone: { name: 'Oregon' }, pdf })] });
      const id = Number(created?.id);
      const linked = await client.linkCustomersToCertificate({ companyId, id, model: { customers: ['C-1004'] } });
      assert.deepEqual(linked.value.map((c) => c.customerCode), ['C-1004']);
      assert.equal((await client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1004', country: 'US', region: 'OR' })).status, 'Exempt');
      await client.unlinkCustomersFromCertificate({ companyId, id, model: { customers: ['C-1004'] } });
      assert.equal((await client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1004', country: 'US', region: 'OR' })).status, 'NotExempt');
      const listed = await client.listCustomersForCertificate({ companyId, id });
      assert.equal(listed.value.length, 0);
      await rejectsWithCode(client.linkCustomersToCertificate({ companyId, id, model: { customers: ['C-9999'] } }), 'EntityNotFoundError');
    });
  });

  describe('CertExpress invitations', () => {
    it('creates a Download invitation that becomes Ready with a request link', async () => {
      const [created] = await client.createCertExpressInvitation({
        companyId,
        customerCode: 'C-1005',
        model: [model<Models.CreateCertExpressInvitationModel>({ deliveryMethod: 3, coverLetterTitle: 'STANDARD_REQUEST', exposureZones: [48] })],
      });
      assert.equal(created?.status, 'InProgress');
      const invitation = created?.invitation as Models.CertExpressInvitationModel;
      assert.equal(invitation.customerCode, 'C-1005');
      assert.equal(String(invitation.deliveryMethod), 'Download');
      assert.equal(invitation.requestLink, null);
      await new Promise((resolve) => setTimeout(resolve, 80));
      const ready = await client.getCertExpressInvitation({ companyId, customerCode: 'C-1005', id: Number(invitation.id) });
      assert.match(String(ready.requestLink), new RegExp(`^${sandbox.url}/certexpress/[A-Za-z0-9_-]{20,}$`));
      assert.equal('status' in ready, false, 'CertExpressInvitationModel has no status: a ready Download invitation has its link');
    });

    it('refuses an unknown cover letter title', async () => {
      await rejectsWithCode(
        client.createCertExpressInvitation({ companyId, customerCode: 'C-1005', model: [model<Models.CreateCertExpressInvitationModel>({ deliveryMethod: 'Download', coverLetterTitle: 'NOPE' })] }),
        'InvalidCoverLetterTitle',
      );
    });

    it('refuses an invitation for an unknown customer, and one belonging to another customer', async () => {
      await rejectsWithCode(
        client.createCertExpressInvitation({ companyId, customerCode: 'C-9999', model: [model<Models.CreateCertExpressInvitationModel>({ deliveryMethod: 'Download' })] }),
        'EntityNotFoundError',
      );
      const [created] = await client.createCertExpressInvitation({ companyId, customerCode: 'C-1002', model: [model<Models.CreateCertExpressInvitationModel>({ deliveryMethod: 'Download' })] });
      await rejectsWithCode(client.getCertExpressInvitation({ companyId, customerCode: 'C-1001', id: Number(created?.invitation?.id) }), 'EntityNotFoundError');
    });

    it('lists invitations company-wide with a customer filter', async () => {
      await client.createCertExpressInvitation({ companyId, customerCode: 'C-1003', model: [model<Models.CreateCertExpressInvitationModel>({ deliveryMethod: 'Email' })] });
      const result = await client.listCertExpressInvitations({ companyId, filter: "customerCode eq 'C-1003'" });
      assert.equal(result.value.length, 1);
      assert.equal(result.value[0]?.recipient, 'office@olympic-builders.example');
      await rejectsWithCode(client.listCertExpressInvitations({ companyId, filter: "requestLink eq 'x'" }), 'FieldNotQueryableError');
      await rejectsWithCode(client.listCertExpressInvitations({ companyId, filter: "status eq 'Ready'" }), 'InvalidQueryField');
    });
  });

  it('answers only bodies the official avatax models allow (official-models.ts)', () => bodies.assertOfficial());
});
