/**
 * CertExpress invitations end to end: InProgress → Ready, stuck invitations, the outbox of
 * emails and faxes, and the buyer's upload page over HTTP (form tokens, origin checks,
 * validation that keeps entered values, and a real PDF that flips the customer's status).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type * as Models from 'avatax/lib/models/index.js';
import type { OutboxMessage, Sandbox } from '../../../src/sandbox/index.js';
import { watchBodies } from './body-recorder.js';
import { model, rejectsWithCode, samplePdf, sdk, startSandbox, type AvaTaxClient } from './support.js';

type Invite = Models.CreateCertExpressInvitationModel;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CertExpress invitations and page', () => {
  let sandbox: Sandbox;
  let client: AvaTaxClient;
  let companyId: number;
  let clock = new Date();
  const zoneId = async (region: string) => {
    // region is not filterable on exposure zones (avatax 26.9.0 docblock), so pick from the list.
    const zones = await client.listCertificateExposureZones({});
    return Number(zones.value.find((z) => z.region === region && z.country === 'US')?.id);
  };
  const invite = async (customerCode: string, item: object) => {
    const [created] = await client.createCertExpressInvitation({ companyId, customerCode, model: [model<Invite>(item)] });
    return created as Models.CertExpressInvitationStatusModel;
  };
  const get = (customerCode: string, id: number) => client.getCertExpressInvitation({ companyId, customerCode, id });
  const readyLink = async (customerCode: string, item: object) => {
    const created = await invite(customerCode, { deliveryMethod: 'Download', ...item });
    await sleep(60);
    const invitation = await get(customerCode, Number(created.invitation?.id));
    assert.ok(invitation.requestLink, 'request link once ready');
    return invitation.requestLink as string;
  };
  const formToken = (page: string) => /name="formToken" value="([^"]+)"/.exec(page)?.[1] ?? '';

  const bodies = watchBodies();

  before(async () => {
    sandbox = await startSandbox({ inviteDelayMs: 40, now: () => clock });
    bodies.start(sandbox.url);
    client = sdk(sandbox);
    companyId = sandbox.companyId;
  });
  after(() => sandbox.close());

  describe('lifecycle and outbox', () => {
    it('stays InProgress before the delay, with no link and no page', async () => {
      const slow = await startSandbox({ inviteDelayMs: 60_000 });
      try {
        const slowClient = sdk(slow);
        const [created] = await slowClient.createCertExpressInvitation({ companyId, customerCode: 'C-1005', model: [model<Invite>({ deliveryMethod: 'Download' })] });
        const fetched = await slowClient.getCertExpressInvitation({ companyId, customerCode: 'C-1005', id: Number(created?.invitation?.id) });
        assert.equal(fetched.requestLink, null);
        assert.equal(created?.status, 'InProgress');
        assert.equal('status' in fetched, false, 'readiness is on the create answer, not on the bare invitation');
      } finally {
        await slow.close();
      }
    });

    it('becomes Ready when created with no delay', async () => {
      const instant = await startSandbox({ inviteDelayMs: 0 });
      try {
        const [created] = await sdk(instant).createCertExpressInvitation({ companyId, customerCode: 'C-1005', model: [model<Invite>({ deliveryMethod: 'Download' })] });
        assert.equal(created?.status, 'Ready');
        assert.match(String(created?.invitation?.requestLink), /\/certexpress\//);
      } finally {
        await instant.close();
      }
    });

    it('keeps invitations created under stuckInvitations InProgress forever', async () => {
      sandbox.setFaults({ stuckInvitations: true });
      const created = await invite('C-1002', { deliveryMethod: 'Email' });
      sandbox.clearFaults();
      await sleep(80);
      const fetched = await get('C-1002', Number(created.invitation?.id));
      assert.equal(fetched.requestLink, null);
      assert.equal(fetched.emailStatus, null);
      const outbox = (await (await fetch(`${sandbox.url}/_sandbox/outbox`)).json()) as OutboxMessage[];
      assert.ok(!outbox.some((m) => m.invitationId === created.invitation?.id));
    });

    it('sends email and fax invitations once ready, recorded in the outbox', async () => {
      const email = await invite('C-1005', { deliveryMethod: 'Email', recipient: 'clerk@evergreen-schools.example', coverLetterTitle: 'RENEWAL_REQUEST' });
      const fax = await invite('C-1005', { deliveryMethod: 'Fax' });
      assert.equal(email.invitation?.emailStatus, null);
      await sleep(60);
      assert.equal((await get('C-1005', Number(email.invitation?.id))).emailStatus, 'Sent');
      const outbox = (await (await fetch(`${sandbox.url}/_sandbox/outbox`)).json()) as OutboxMessage[];
      const emailed = outbox.find((m) => m.invitationId === email.invitation?.id);
      const faxed = outbox.find((m) => m.invitationId === fax.invitation?.id);
      assert.equal(emailed?.channel, 'Email');
      assert.equal(emailed?.to, 'clerk@evergreen-schools.example');
      assert.equal(emailed?.subject, 'Your exemption certificate is about to expire');
      assert.match(String(emailed?.requestLink), new RegExp(`^${sandbox.url}/certexpress/`));
      assert.equal(faxed?.channel, 'Fax');
      assert.equal(faxed?.to, '(360) 555-0124');
    });

    it('refuses Fax without a fax number on file and Email without any address', async () => {
      await rejectsWithCode(client.createCertExpressInvitation({ companyId, customerCode: 'C-1001', model: [model<Invite>({ deliveryMethod: 'Fax' })] }), 'MissingRequiredFields');
      await client.createCertificates({ companyId, model: [model<Models.CertificateModel>({ signedDate: '2024-01-01', exemptionReason: { name: 'RESALE' }, exposureZone: { name: 'Iowa' }, filename: 'x.pdf', customers: [{ customerCode: 'NO-EMAIL' }] })] });
      await rejectsWithCode(client.createCertExpressInvitation({ companyId, customerCode: 'NO-EMAIL', model: [model<Invite>({ deliveryMethod: 'Email' })] }), 'MissingRequiredFields');
      await rejectsWithCode(client.createCertExpressInvitation({ companyId, customerCode: 'C-1001', model: [model<Invite>({ deliveryMethod: 'Download', exposureZones: [9999] })] }), 'InvalidParameterValue');
    });
  });

  describe('upload page', () => {
    it('renders an accessible form for a ready link and 404 for an unknown one', async () => {
      const link = await readyLink('C-1005', { exposureZones: [await zoneId('NV')] });
      const response = await fetch(link);
      assert.equal(response.status, 200);
      assert.match(String(response.headers.get('content-security-policy')), /frame-ancestors 'none'/);
      const page = await response.text();
      assert.match(page, /<html lang="en">/);
      assert.match(page, /Evergreen School District/);
      assert.match(page, /Nevada \(US-NV\)/);
      for (const id of ['exemptionReason', 'exemptionNumber', 'expirationDate', 'document', 'signerName', 'certify']) {
        assert.match(page, new RegExp(`<label for="${id}">`), `label for ${id}`);
        assert.match(page, new RegExp(`id="${id}"`), `field ${id}`);
      }
      assert.match(page, /<legend>Signature<\/legend>/);
      assert.ok(formToken(page));
      assert.doesNotMatch(page, /<script/);
      const unknown = await fetch(`${sandbox.url}/certexpress/AAAAAAAAAAAAAAAAAAAAAAAA`);
      assert.equal(unknown.status, 404);
      await unknown.text();
    });

    it('refuses submissions without a valid form token or from another origin', async () => {
      const link = await readyLink('C-1005', {});
      const otherLink = await readyLink('C-1002', {});
      const otherToken = formToken(await (await fetch(otherLink)).text());
      const ownToken = formToken(await (await fetch(link)).text());
      const post = (fields: Record<string, string>, headers: Record<string, string> = {}) => {
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.append(k, v);
        form.append('document', new Blob([new Uint8Array(samplePdf())], { type: 'application/pdf' }), 'c.pdf');
        return fetch(link, { method: 'POST', body: form, headers });
      };
      const complete = { exemptionReason: '1', zone: String(await zoneId('WA')), signerName: 'Jordan Park', certify: 'yes' };
      for (const response of [
        await post(complete),
        await post({ ...complete, formToken: 'forged.token' }),
        await post({ ...complete, formToken: otherToken }),
        await post({ ...complete, formToken: ownToken }, { origin: 'https://evil.example' }),
      ]) {
        assert.equal(response.status, 403);
        assert.match(await response.text(), /Submission refused/);
      }
      assert.equal((await client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1005', country: 'US', region: 'WA' })).status, 'NotExempt');
    });

    it('punctuates the name of the buyer and the cover letter as sentences', async () => {
      const page = await (await fetch(await readyLink('C-1001', { coverLetterTitle: 'STANDARD_REQUEST' }))).text();
      assert.match(page, /<p>For <strong>Rainier Supply Co\.<\/strong><\/p>/);
      assert.match(page, /<p>Please submit your exemption certificate\.<\/p>/);
      assert.doesNotMatch(page, /Co\.\./);
    });

    it('re-renders the form with every error and the values entered', async () => {
      const link = await readyLink('C-1005', {});
      const form = new FormData();
      form.append('formToken', formToken(await (await fetch(link)).text()));
      form.append('exemptionNumber', 'EX-<42>');
      form.append('signerName', 'Jordan Park');
      form.append('expirationDate', '2001-01-01');
      form.append('document', new Blob(['plain text']), 'notes.txt');
      const response = await fetch(link, { method: 'POST', body: form, headers: { origin: sandbox.url } });
      assert.equal(response.status, 400);
      const page = await response.text();
      assert.match(page, /<title>Error: /);
      assert.match(page, /There are 5 problems/);
      for (const field of ['zone', 'exemptionReason', 'expirationDate', 'document', 'certify']) {
        assert.match(page, new RegExp(`<a href="#${field}">`), `summary links to ${field}`);
        assert.match(page, new RegExp(`aria-describedby="${field}-error"`), `${field} described by its error`);
      }
      assert.match(page, /value="EX-&lt;42&gt;"/);
      assert.match(page, /value="Jordan Park"/);
      assert.ok(formToken(page), 'a fresh token to resubmit');
    });

    it('creates a valid certificate from an uploaded PDF and flips the status; reopened, the link says so; a second submission works too', async () => {
      const nv = await zoneId('NV');
      const link = await readyLink('C-1005', { exposureZones: [nv] });
      assert.equal((await client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1005', country: 'US', region: 'NV' })).status, 'NotExempt');
      const pdf = new Uint8Array(samplePdf('Buyer upload'));
      const reasons = await client.listCertificateExemptReasons({ filter: "name eq 'EDUCATIONAL'" });
      const educational = String(reasons.value[0]?.id);
      const submit = async (number: string, page = link) => {
        const form = new FormData();
        form.append('formToken', formToken(await (await fetch(page)).text()));
        form.append('exemptionReason', educational);
        form.append('exemptionNumber', number);
        form.append('signerName', 'Jordan Park');
        form.append('certify', 'yes');
        form.append('document', new Blob([pdf], { type: 'application/pdf' }), 'certificate.pdf');
        const response = await fetch(link, { method: 'POST', body: form, headers: { origin: sandbox.url } });
        assert.equal(response.status, 200);
        assert.match(await response.text(), /certificate was received/);
      };
      await submit('NV-EDU-1');
      const status = await client.listValidCertificatesForCustomer({ companyId, customerCode: 'C-1005', country: 'US', region: 'NV' });
      assert.equal(status.status, 'Exempt');
      assert.equal(status.certificate?.exemptionNumber, 'NV-EDU-1');
      assert.equal(status.certificate?.exemptionReason?.name, 'EDUCATIONAL');
      assert.equal(status.certificate?.status, 'COMPLETE');
      assert.equal(status.certificate?.documentExists, true);
      const download = await fetch(`${sandbox.url}/api/v2/companies/${companyId}/certificates/${status.certificate?.id}/attachment`, {
        headers: { authorization: `Basic ${Buffer.from(`${sandbox.credentials.accountId}:${sandbox.credentials.licenseKey}`).toString('base64')}` },
      });
      assert.deepEqual(new Uint8Array(await download.arrayBuffer()), pdf);

      // Reopened, the link says the certificate was submitted (not an empty form), and offers another.
      const reopened = await (await fetch(link)).text();
      assert.match(reopened, /<h1>Your certificate was already submitted<\/h1>/);
      assert.match(reopened, new RegExp(`Nevada: certificate ${status.certificate?.id}`));
      assert.equal(formToken(reopened), '', 'no form on the reopened link');
      const again = /href="([^"]+\?again=1)"/.exec(reopened)?.[1];
      assert.ok(again, 'a link to submit another');
      await submit('NV-EDU-2', new URL(again.replace(/&amp;/g, '&'), link).href);
      const all = await client.listCertificatesForCustomer({ companyId, customerCode: 'C-1005', filter: "exposureZoneName eq 'Nevada'" });
      assert.deepEqual(all.value.map((c) => c.exemptionNumber).sort(), ['NV-EDU-1', 'NV-EDU-2']);
    });

    it('keeps entered values when the file is over 10 MB', async () => {
      const link = await readyLink('C-1005', {});
      const form = new FormData();
      form.append('formToken', formToken(await (await fetch(link)).text()));
      form.append('signerName', 'Jordan Park');
      const big = new Uint8Array(10 * 1_048_576 + 10);
      big.set(samplePdf().subarray(0, 8));
      form.append('document', new Blob([big], { type: 'application/pdf' }), 'big.pdf');
      const response = await fetch(link, { method: 'POST', body: form });
      assert.equal(response.status, 400);
      const page = await response.text();
      assert.match(page, /larger than 10 MB/);
      assert.match(page, /value="Jordan Park"/);
    });

    it('stops serving a link 30 days after the invitation', async () => {
      const link = await readyLink('C-1005', {});
      const started = clock;
      clock = new Date(started.getTime() + 31 * 86_400_000);
      try {
        const response = await fetch(link);
        assert.equal(response.status, 404);
        assert.match(await response.text(), /Link not found/);
      } finally {
        clock = started;
      }
    });
  });

  it('answers only bodies the official avatax models allow (official-models.ts)', () => bodies.assertOfficial());
});
