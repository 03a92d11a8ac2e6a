/**
 * The sandbox as the official `avatax` SDK sees it: credentials, definitions, customers,
 * exemption status and setup, and the errors the SDK raises (asserted by AvaTax error code).
 * Certificates and invitations: sdk-certificates.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type * as Models from 'avatax/lib/models/index.js';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { watchBodies } from './body-recorder.js';
import { model, rejectsWithCode, sdk, startSandbox, suiteSandbox, type AvaTaxClient } from './support.js';

type CustomerModel = Models.CustomerModel;

describe('sandbox through the official avatax SDK', () => {
  let sandbox: Sandbox;
  let client: AvaTaxClient;
  let companyId: number;

  const bodies = watchBodies();

  before(async () => {
    ({ sandbox, client, companyId } = await suiteSandbox(bodies));
  });
  after(() => sandbox.close());

  describe('ping and credentials', () => {
    it('authenticates with accountId/licenseKey', async () => {
      const result = await client.ping();
      assert.equal(result.authenticated, true);
      assert.equal(String(result.authenticationType), 'AccountIdLicenseKey');
      assert.equal(result.authenticatedAccountId, Number(sandbox.credentials.accountId));
    });

    it('authenticates with username/password', async () => {
      const result = await sdk(sandbox, { username: sandbox.credentials.username, password: sandbox.credentials.password }).ping();
      assert.equal(result.authenticated, true);
      assert.equal(String(result.authenticationType), 'UsernamePassword');
    });

    it('answers ping with wrong credentials as not authenticated, and refuses other calls', async () => {
      const wrong = sdk(sandbox, { accountId: sandbox.credentials.accountId, licenseKey: 'not-the-key' });
      const result = await wrong.ping();
      assert.equal(result.authenticated, false);
      assert.equal(String(result.authenticationType), 'None');
      const error = await rejectsWithCode(wrong.getCustomer({ companyId, customerCode: 'C-1001' }), 'AuthenticationException');
      assert.equal((error as { target?: string }).target, 'HttpRequestHeaders');
      assert.doesNotMatch(error.message, /not-the-key/);
    });

    it('reports the certificate service as provisioned', async () => {
      const setup = await client.getCertificateSetup({ companyId });
      assert.equal(String(setup.status), 'Provisioned');
      assert.equal(setup.companyId, companyId);
    });

    it('answers an unknown company with EntityNotFoundError', async () => {
      await rejectsWithCode(client.getCustomer({ companyId: companyId + 1, customerCode: 'C-1001' }), 'EntityNotFoundError');
    });
  });

  describe('definitions', () => {
    it('lists cover letters including STANDARD_REQUEST', async () => {
      const result = await client.listCoverLetters({});
      const standard = result.value.find((c) => c.title === 'STANDARD_REQUEST');
      assert.equal(standard?.subject, 'Please submit your exemption certificate');
      assert.equal(result['@recordsetCount' as keyof typeof result], result.value.length);
    });

    it('lists 64 exposure zones, filters them by name and refuses the fields AvaTax does not filter', async () => {
      const all = await client.listCertificateExposureZones({});
      assert.equal(all.value.length, 64);
      const wa = await client.listCertificateExposureZones({ filter: "name eq 'Washington'" });
      assert.equal(wa.value.length, 1);
      assert.deepEqual(
        { name: wa.value[0]?.name, tag: wa.value[0]?.tag, description: wa.value[0]?.description },
        { name: 'Washington', tag: 'EZ_US_WA', description: 'Washington Sales Tax' },
      );
      const north = await client.listCertificateExposureZones({ filter: "name startswith 'North'", orderBy: 'name DESC', top: 2 });
      assert.deepEqual(north.value.map((z) => z.name), ['Northwest Territories', 'North Dakota']);
      // Not filterable, as avatax 26.9.0 documents: id, companyId, tag, description, created, modified, region, country.
      for (const field of ['region', 'country', 'tag', 'id']) {
        await rejectsWithCode(client.listCertificateExposureZones({ filter: `${field} eq 'WA'` }), 'FieldNotQueryableError');
      }
      const byRegion = await client.listCertificateExposureZones({ orderBy: 'region ASC', top: 1 });
      assert.equal(byRegion.value[0]?.region, 'AB', 'not filterable fields still sort');
      await rejectsWithCode(client.listCoverLetters({ filter: "subject contains 'exemption'" }), 'FieldNotQueryableError');
      assert.equal((await client.listCoverLetters({ filter: "title eq 'STANDARD_REQUEST'" })).value.length, 1);
    });

    it('lists exempt reasons', async () => {
      const result = await client.listCertificateExemptReasons({});
      const names = result.value.map((r) => r.name);
      for (const name of ['RESALE', 'EXPOSURE', 'CHARITABLE/EXEMPT ORG', 'GOVERNMENT', 'DIRECT PAY', 'EDUCATIONAL']) {
        assert.ok(names.includes(name), name);
      }
    });
  });

  describe('customers', () => {
    it('gets a seeded customer and refuses an unknown one', async () => {
      const customer = await client.getCustomer({ companyId, customerCode: 'C-1001' });
      assert.equal(customer.name, 'Rainier Supply Co.');
      assert.equal(customer.emailAddress, 'purchasing@rainier-supply.example');
      const error = await rejectsWithCode(client.getCustomer({ companyId, customerCode: 'C-9999' }), 'EntityNotFoundError');
      assert.match(error.message, /Customer not found/);
    });

    it('includes certificates on request', async () => {
      const customer = await client.getCustomer({ companyId, customerCode: 'C-1001', include: 'certificates' });
      assert.equal(customer.certificates?.length, 3);
      const plain = await client.getCustomer({ companyId, customerCode: 'C-1001' });
      assert.equal(plain.certificates, undefined);
    });

    it('queries customers with a filter', async () => {
      const result = await client.queryCustomers({ companyId, filter: "city eq 'Seattle' or country eq 'CA'", orderBy: 'customerCode ASC' });
      assert.deepEqual(result.value.map((c) => c.customerCode), ['C-1001', 'C-1006']);
    });

    it('creates customers whose codes hold a space and a slash', async () => {
      const code = 'ACME West/2 #1';
      const created = await client.createCustomers({
        companyId,
        model: [model<CustomerModel>({ companyId, customerCode: code, name: 'Acme West', line1: '1 Main St', city: 'Yakima', region: 'wa', postalCode: '98901', country: 'USA', emailAddress: 'ap@acme.example' })],
      });
      assert.equal(created.length, 1);
      assert.equal(created[0]?.customerCode, code);
      assert.equal(created[0]?.country, 'US');
      assert.equal(created[0]?.region, 'WA');
      assert.ok(Number(created[0]?.id) > 0);
      const fetched = await client.getCustomer({ companyId, customerCode: encodeURIComponent(code) });
      assert.equal(fetched.name, 'Acme West');
    });

    it('treats customer codes case-sensitively', async () => {
      await rejectsWithCode(client.getCustomer({ companyId, customerCode: 'c-1001' }), 'EntityNotFoundError');
    });

    it('refuses a duplicate code with DuplicateEntry and creates nothing of the batch', async () => {
      const fresh = model<CustomerModel>({ companyId, customerCode: 'DUP-NEW', name: 'New', line1: '1 A St', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' });
      const duplicate = model<CustomerModel>({ ...fresh, customerCode: 'C-1001' });
      await rejectsWithCode(client.createCustomers({ companyId, model: [fresh, duplicate] }), 'DuplicateEntry');
      await rejectsWithCode(client.getCustomer({ companyId, customerCode: 'DUP-NEW' }), 'EntityNotFoundError');
    });

    it('refuses a customer without required fields', async () => {
      const error = await rejectsWithCode(
        client.createCustomers({ companyId, model: [model<CustomerModel>({ companyId, customerCode: 'NO-NAME', line1: '1 A St', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' })] }),
        'MissingRequiredFields',
      );
      assert.match(error.message, /name/);
    });

    it('updates a customer', async () => {
      const current = await client.getCustomer({ companyId, customerCode: 'C-1005' });
      const updated = await client.updateCustomer({ companyId, customerCode: 'C-1005', model: { ...current, contactName: 'Pat Rivera' } });
      assert.equal(updated.contactName, 'Pat Rivera');
      assert.equal((await client.getCustomer({ companyId, customerCode: 'C-1005' })).contactName, 'Pat Rivera');
    });
  });

  describe('exemption status (ListValidCertificatesForCustomer)', () => {
    const cases: Array<[code: string, country: string, region: string, status: 'Exempt' | 'NotExempt']> = [
      ['C-1001', 'US', 'WA', 'Exempt'],
      ['C-1001', 'US', 'CA', 'Exempt'],
      ['C-1001', 'US', 'TX', 'Exempt'],
      ['C-1001', 'US', 'NV', 'NotExempt'],
      ['C-1002', 'US', 'WA', 'NotExempt'],
      ['C-1003', 'US', 'WA', 'NotExempt'],
      ['C-1004', 'US', 'WA', 'NotExempt'],
      ['C-1005', 'US', 'WA', 'NotExempt'],
      ['C-1006', 'CA', 'ON', 'Exempt'],
      ['C-1006', 'CA', 'BC', 'Exempt'],
      ['C-1006', 'US', 'WA', 'NotExempt'],
    ];
    for (const [code, country, region, status] of cases) {
      it(`${code} in ${country}-${region} is ${status}`, async () => {
        const result = await client.listValidCertificatesForCustomer({ companyId, customerCode: code, country, region });
        assert.equal(result.status, status);
        if (status === 'NotExempt') assert.equal(result.certificate, null);
        else {
          assert.equal(result.certificate?.exposureZone?.region, region);
          assert.equal(result.certificate?.documentExists, true);
          assert.ok(result.certificate?.customers?.some((c) => c.customerCode === code));
        }
      });
    }

    it('answers an unknown customer with EntityNotFoundError', async () => {
      await rejectsWithCode(client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-9999', country: 'US', region: 'WA' }), 'EntityNotFoundError');
    });
  });

  describe('certificate service setup', () => {
    it('refuses exemption calls until RequestCertificateSetup has completed', async () => {
      const unprovisioned = await startSandbox({ provisioned: false, inviteDelayMs: 40 });
      try {
        const c = sdk(unprovisioned);
        assert.equal(String((await c.getCertificateSetup({ companyId })).status), 'NotProvisioned');
        await rejectsWithCode(c.getCustomer({ companyId, customerCode: 'C-1001' }), 'CertificatesNotSetup');
        await rejectsWithCode(c.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1001', country: 'US', region: 'WA' }), 'CertificatesNotSetup');
        assert.equal((await c.listCertificateExemptReasons({})).value.length > 0, true, 'definitions still work');
        assert.equal(String((await c.requestCertificateSetup({ companyId })).status), 'InProgress');
        await new Promise((resolve) => setTimeout(resolve, 60));
        assert.equal(String((await c.getCertificateSetup({ companyId })).status), 'Provisioned');
        assert.equal((await c.getCustomer({ companyId, customerCode: 'C-1001' })).customerCode, 'C-1001');
      } finally {
        await unprovisioned.close();
      }
    });
  });

  it('answers only bodies the official avatax models allow (official-models.ts)', () => bodies.assertOfficial());
});
