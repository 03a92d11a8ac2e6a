/**
 * The sandbox against AvaTax's own model definitions: a run over every route (through the
 * official SDK where it works, plain fetch for attachments), successes and errors, then
 * every JSON body answered is checked against the models and enums of the installed
 * `avatax` package (official-models.ts): no invented field, no missing required one, enum
 * names as AvaTax writes them, every error code/number pair as in ErrorCodeId.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type * as Models from 'avatax/lib/models/index.js';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { problemsIn, recordBodies, routeCount, type RecordedBody } from './body-recorder.js';
import { checkModel, officialEnum, officialModel } from './official-models.js';
import { api, model, samplePdf, sdk, startSandbox, todayUtc, type AvaTaxClient } from './support.js';

/** Runs `call`, ignoring the AvaTax error it is expected to raise (its body is recorded). */
async function failing(call: Promise<unknown>): Promise<void> {
  await call.then(
    () => assert.fail('expected an AvaTax error'),
    (error: { code?: string }) => assert.ok(error.code, 'an AvaTax error code'),
  );
}

async function exerciseEveryRoute(sandbox: Sandbox, client: AvaTaxClient): Promise<void> {
  const companyId = sandbox.companyId;
  const json = { 'content-type': 'application/json' };
  await client.ping();
  await sdk(sandbox, { accountId: sandbox.credentials.accountId, licenseKey: 'wrong' }).ping();
  await client.listCoverLetters({});
  await client.listCertificateExposureZones({ filter: "name eq 'Washington'" });
  await client.listCertificateExemptReasons({ top: 3 });
  await client.getCertificateSetup({ companyId });
  await client.requestCertificateSetup({ companyId });
  await failing(client.getCustomer({ companyId, customerCode: 'C-1001' })); // CertificatesNotSetup while InProgress
  await new Promise((resolve) => setTimeout(resolve, 60));
  await client.listCertificateAttributes({});

  await client.queryCustomers({ companyId, include: 'certificates,active_certificates,attributes,histories,logs,jobs,billTos,shipTos,shipToStates,custom_fields', top: 2 });
  const [created] = await client.createCustomers({
    companyId,
    model: [model<Models.CustomerModel>({ companyId, customerCode: 'OFF-1', name: 'Official Co', line1: '1 Main St', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US', emailAddress: 'ap@official.example', isBill: true })],
  });
  await client.getCustomer({ companyId, customerCode: 'C-1001', include: 'certificates,active_certificates' });
  await client.updateCustomer({ companyId, customerCode: 'OFF-1', model: { ...(created as Models.CustomerModel), contactName: 'Pat' } });
  await client.listCertificatesForCustomer({ companyId, customerCode: 'C-1001', include: 'customers,po_numbers,attributes,histories,jobs,logs,invalid_reasons,custom_fields,jurisdictions' });
  await client.listActiveCertificatesForCustomer({ companyId, customerCode: 'C-1001' });
  await client.listActiveCertificatesForCustomer({ companyId, customerCode: 'C-1005' });
  await client.listInActiveCertificatesForCustomer({ companyId, customerCode: 'C-1002' });
  await client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1001', country: 'US', region: 'WA' });
  await client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1001', country: 'US', region: 'NV' });

  // A certificate auto-creating its customer: that customer has only a code and a name.
  const [certificate] = await client.createCertificates({
    companyId,
    preValidatedExemptionReason: true,
    model: [model<Models.CertificateModel>({ signedDate: todayUtc(), exemptionReason: { name: 'RESALE' }, exposureZone: { name: 'Nevada' }, filename: 'scan.pdf', exemptionNumber: 'NV-9', customers: [{ customerCode: 'OFF-AUTO' }] })],
  });
  const id = Number(certificate?.id);
  await client.queryCertificates({ companyId, include: 'customers', filter: "exposureZone.name eq 'Nevada'" });
  const fetched = await client.getCertificate({ companyId, id, include: 'customers,attributes' });
  await client.updateCertificate({ companyId, id, model: { ...fetched, valid: false } });
  await client.listCustomersForCertificate({ companyId, id });
  await client.linkCustomersToCertificate({ companyId, id, model: { customers: ['OFF-1'] } });
  await client.unlinkCustomersFromCertificate({ companyId, id, model: { customers: ['OFF-1'] } });
  await client.linkCertificatesToCustomer({ companyId, customerCode: 'OFF-1', model: { certificates: [id] } });
  await client.unlinkCertificatesFromCustomer({ companyId, customerCode: 'OFF-1', model: { certificates: [id] } });
  await client.linkAttributesToCertificate({ companyId, id, model: [model<Models.CertificateAttributeModel>({ name: 'DIRECT PAY' })] });
  await client.unlinkAttributesFromCertificate({ companyId, id, model: [model<Models.CertificateAttributeModel>({ name: 'DIRECT PAY' })] });
  await client.listAttributesForCertificate({ companyId, id });
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(samplePdf('Official'))]), 'scan.pdf');
  await (await api(sandbox, `/api/v2/companies/${companyId}/certificates/${id}/attachment`, { method: 'POST', body: form })).arrayBuffer();

  for (const deliveryMethod of ['Download', 'Email']) {
    const [invitation] = await client.createCertExpressInvitation({ companyId, customerCode: 'C-1005', model: [model<Models.CreateCertExpressInvitationModel>({ deliveryMethod, exposureZones: [48], exemptReasons: [1] })] });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await client.getCertExpressInvitation({ companyId, customerCode: 'C-1005', id: Number(invitation?.invitation?.id) });
  }
  await client.listCertExpressInvitations({ companyId, filter: "customerCode eq 'C-1005'" });
  await client.createTransaction({
    model: model<Models.CreateTransactionModel>({ type: 'SalesInvoice', companyCode: 'DEFAULT', date: todayUtc(), customerCode: 'C-1001', addresses: { singleLocation: { line1: '1 A St', city: 'Seattle', region: 'WA', country: 'US', postalCode: '98101' } }, lines: [{ amount: 100 }] }),
  });

  await client.deleteCertificate({ companyId, id });
  await client.deleteCustomer({ companyId, customerCode: 'OFF-AUTO' });

  // Error answers: every envelope must use ErrorCodeId's names and numbers.
  await failing(client.getCustomer({ companyId, customerCode: 'C-9999' }));
  await failing(sdk(sandbox, { accountId: sandbox.credentials.accountId, licenseKey: 'wrong' }).getCustomer({ companyId, customerCode: 'C-1001' }));
  await failing(client.createCustomers({ companyId, model: [model<Models.CustomerModel>({ companyId, customerCode: 'C-1001', name: 'Dup', line1: '1 A St', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' })] }));
  await failing(client.createCustomers({ companyId, model: [model<Models.CustomerModel>({ companyId, customerCode: 'OFF-2', name: 'Both', line1: '1 A St', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US', isBill: true, isShip: true })] }));
  await failing(client.createCustomers({ companyId, model: [model<Models.CustomerModel>({ companyId, customerCode: 'OFF-3', name: 'Mail', line1: '1 A St', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US', emailAddress: 'not-mail' })] }));
  await failing(client.createCertificates({ companyId, model: [model<Models.CertificateModel>({ signedDate: 'yesterday', exemptionReason: { name: 'RESALE' }, exposureZone: { name: 'Nevada' }, filename: 'a.pdf' })] }));
  await failing(client.createCertificates({ companyId, model: [model<Models.CertificateModel>({ signedDate: todayUtc(), exemptionReason: { name: 'RESALE' }, exposureZone: { name: 'Atlantis' }, filename: 'a.pdf' })] }));
  await failing(client.createCertificates({ companyId, model: [model<Models.CertificateModel>({ signedDate: todayUtc(), exemptionReason: { name: 'RESALE' }, exposureZone: { name: 'Nevada' }, pdf: 'x', filename: 'a.pdf' })] }));
  await failing(client.createCertExpressInvitation({ companyId, customerCode: 'C-1005', model: [model<Models.CreateCertExpressInvitationModel>({ deliveryMethod: 9 })] }));
  await failing(client.queryCertificates({ companyId, filter: "exemptionNumber eq 'X'" }));
  await failing(client.queryCustomers({ companyId, filter: `${'('.repeat(200)}id eq 1${')'.repeat(200)}` }));
  await failing(client.listCertificateExposureZones({ filter: "country eq 'US'" }));
  await failing(client.deleteCertificate({ companyId, id: 987_654 }));
  await (await api(sandbox, `/api/v2/companies/${companyId}/certificates/${id}/attachment`)).arrayBuffer();
  await (await api(sandbox, `/api/v2/companies/${companyId}/customers`, { method: 'POST', body: '{', headers: json })).arrayBuffer();
  await (await api(sandbox, '/api/v2/companies/7000001/widgets')).arrayBuffer();
}

describe('conformance with the official avatax models and enums', () => {
  let sandbox: Sandbox;
  let bodies: RecordedBody[];

  before(async () => {
    sandbox = await startSandbox({ provisioned: false, inviteDelayMs: 40 });
    const recorder = recordBodies(sandbox.url);
    try {
      await exerciseEveryRoute(sandbox, sdk(sandbox));
    } finally {
      recorder.stop();
    }
    bodies = recorder.bodies;
  });
  after(() => sandbox.close());

  it('reads the definitions from the installed package', () => {
    assert.equal(officialModel('CertExpressInvitationModel').has('status'), false);
    assert.equal(officialModel('CertExpressInvitationStatusModel').has('status'), true);
    assert.equal(officialModel('CustomerModel').get('line1')?.required, true);
    assert.equal(officialEnum('ErrorCodeId').get('CustomerCantBeBothShipToAndBillTo'), 1220);
    assert.equal(officialEnum('ErrorCodeId').has('CertificatesFieldInvalid'), false);
    const problems: string[] = [];
    checkModel({ id: 1, status: 'Ready', deliveryMethod: 3 }, 'CertExpressInvitationModel', 'x', problems);
    assert.deepEqual(problems, ['x.status: CertExpressInvitationModel has no such field', 'x.deliveryMethod: 3 is not a CertificateRequestDeliveryMethod name']);
  });

  it('answers every route, successes and errors', () => {
    const succeeded = new Set(bodies.filter((b) => b.status === 200).map((b) => b.route));
    const answered = new Set(bodies.map((b) => b.route));
    for (let route = 0; route < routeCount(); route++) assert.ok(answered.has(route), `route ${route} was exercised`);
    assert.ok(succeeded.size >= routeCount() - 1, 'every route but the binary download answered a JSON success');
    assert.ok(bodies.filter((b) => b.status >= 400).length >= 15);
  });

  it('answers only bodies the official models allow', () => {
    assert.deepEqual(problemsIn(bodies), []);
  });
});
