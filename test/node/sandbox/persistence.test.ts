/**
 * The data file (snapshot + journal): every acknowledged write survives a restart, a write
 * that cannot reach the disk fails and leaves nothing behind, a corrupt file stops the
 * sandbox without being touched, leftovers of interrupted saves are removed, and a
 * version-1 single-JSON file is converted. Crashes: crash.test.ts; failures amid other
 * requests: write-failure.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type * as Models from 'avatax/lib/models/index.js';
import { DataFileError } from '../../../src/sandbox/index.js';
import { api, expectJson, model, samplePdf, sdk, startSandbox } from './support.js';

const customer = (code: string) => ({ customerCode: code, name: `Customer ${code}`, line1: '1 Test St', city: 'Tacoma', region: 'WA', postalCode: '98402', country: 'US' });

describe('persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cert-elements-data-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a write that cannot reach the disk fails and leaves nothing behind in memory', async () => {
    const folder = mkdtempSync(join(dir, 'vanishing-'));
    const sandbox = await startSandbox({ dataFile: join(folder, 'data.json') });
    try {
      const client = sdk(sandbox);
      const companyId = sandbox.companyId;
      await client.createCustomers({ companyId, model: [model<Models.CustomerModel>(customer('D-1'))] });
      rmSync(folder, { recursive: true, force: true }); // the disk goes away under the sandbox
      await assert.rejects(
        client.createCustomers({ companyId, model: [model<Models.CustomerModel>(customer('D-2'))] }),
        (error: { code?: string }) => error.code === 'UnhandledException',
      );
      await assert.rejects(client.getCustomer({ companyId, customerCode: 'D-2' }), (error: { code?: string }) => error.code === 'EntityNotFoundError');
      assert.equal((await client.getCustomer({ companyId, customerCode: 'D-1' })).name, 'Customer D-1', 'what was saved stays');
    } finally {
      await sandbox.close();
    }
  });

  it('writes a fresh seed at start and keeps every committed write across a restart', async () => {
    const file = join(dir, 'restart.json');
    const first = await startSandbox({ dataFile: file });
    assert.ok(existsSync(file), 'the seed is written at start');
    const client = sdk(first);
    const companyId = first.companyId;
    await client.createCustomers({ companyId, model: [model<Models.CustomerModel>(customer('P-1'))] });
    const [certificate] = await client.createCertificates({
      companyId,
      model: [model<Models.CertificateModel>({ signedDate: '2024-02-02', exemptionReason: { name: 'RESALE' }, exposureZone: { name: 'Washington' }, filename: 'later.pdf', customers: [{ customerCode: 'P-1' }] })],
    });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(samplePdf('Persisted'))]), 'c.pdf');
    await expectJson(await api(first, `/api/v2/companies/${companyId}/certificates/${certificate?.id}/attachment`, { method: 'POST', body: form }), 200);
    const [invitation] = await client.createCertExpressInvitation({ companyId, customerCode: 'P-1', model: [model<Models.CreateCertExpressInvitationModel>({ deliveryMethod: 'Download' })] });
    await new Promise((resolve) => setTimeout(resolve, 60));
    const link = (await client.getCertExpressInvitation({ companyId, customerCode: 'P-1', id: Number(invitation?.invitation?.id) })).requestLink;
    await first.close();

    const second = await startSandbox({ dataFile: file, customers: 50 });
    try {
      const again = sdk(second);
      assert.equal((await again.getCustomer({ companyId, customerCode: 'P-1' })).name, 'Customer P-1');
      const status = await again.listValidCertificatesForCustomer({ companyId, customerCode: 'P-1', country: 'US', region: 'WA' });
      assert.equal(status.status, 'Exempt');
      assert.equal(status.certificate?.documentExists, true);
      const pdf = await api(second, `/api/v2/companies/${companyId}/certificates/${certificate?.id}/attachment`);
      assert.match(Buffer.from(await pdf.arrayBuffer()).toString('latin1'), /Persisted/);
      const reread = await again.getCertExpressInvitation({ companyId, customerCode: 'P-1', id: Number(invitation?.invitation?.id) });
      assert.equal(reread.requestLink?.replace(second.url, ''), link?.replace(first.url, ''), 'the link token survives');
      const generated = await again.queryCustomers({ companyId, filter: "customerCode startswith 'G-'" });
      assert.equal(generated.value.length, 0, 'customers: N only applies to fresh data');
      // The next id continues after the persisted ones.
      const [next] = await again.createCustomers({ companyId, model: [model<Models.CustomerModel>(customer('P-2'))] });
      assert.ok(Number(next?.id) > Number((await again.getCustomer({ companyId, customerCode: 'P-1' })).id));
    } finally {
      await second.close();
    }
  });

  it('refuses a corrupt or foreign file and leaves it untouched', async () => {
    for (const [name, content, why] of [
      ['truncated.json', '{"format":"cert-elements-sandbox","version":1,"state":{"seedDay":"2025-01', /not valid JSON/],
      ['foreign.json', '{"hello":"world"}', /not a cert-elements sandbox data file/],
      ['future.json', '{"format":"cert-elements-sandbox","version":99,"state":{}}', /format version 99/],
      ['damaged.json', '{"format":"cert-elements-sandbox","version":1,"state":{"seedDay":"2025-01-01","provision":{"status":"Provisioned"},"nextIds":{"customer":1,"certificate":1,"invitation":1},"customers":[{"id":"x"}],"certificates":[],"invitations":[]}}', /customers\[0\] is damaged/],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, content);
      await assert.rejects(startSandbox({ dataFile: file }), (error: unknown) => error instanceof DataFileError && why.test(error.message));
      assert.equal(readFileSync(file, 'utf8'), content);
    }
  });

  it('removes temporary files of interrupted saves at start, and never reads them', async () => {
    const file = join(dir, 'leftover.json');
    const first = await startSandbox({ dataFile: file });
    await first.close();
    const leftover = join(dir, '.leftover.json.99999.tmp');
    writeFileSync(leftover, '{"half": ');
    const other = join(dir, '.someone-else.json.99999.tmp');
    writeFileSync(other, 'not ours');
    const logged: string[] = [];
    const second = await startSandbox({ dataFile: file, logger: (line) => logged.push(line) });
    try {
      assert.equal((await sdk(second).getCustomer({ companyId: second.companyId, customerCode: 'C-1001' })).customerCode, 'C-1001');
      assert.equal(existsSync(leftover), false, 'the leftover is gone');
      assert.equal(existsSync(other), true, "another data file's temporaries are left alone");
      assert.ok(logged.some((line) => /temporary file/.test(line)));
    } finally {
      await second.close();
    }
  });

  it('fails a write whose journal flush fails (fault failNextWrites), undoing it, and goes on', async () => {
    const sandbox = await startSandbox({ dataFile: join(dir, 'refused.json') });
    try {
      const client = sdk(sandbox);
      const companyId = sandbox.companyId;
      sandbox.setFaults({ failNextWrites: 1 });
      await assert.rejects(client.createCustomers({ companyId, model: [model<Models.CustomerModel>(customer('F-1'))] }), (e: { code?: string }) => e.code === 'UnhandledException');
      await assert.rejects(client.getCustomer({ companyId, customerCode: 'F-1' }), (e: { code?: string }) => e.code === 'EntityNotFoundError');
      await client.createCustomers({ companyId, model: [model<Models.CustomerModel>(customer('F-1'))] });
      assert.equal((await client.getCustomer({ companyId, customerCode: 'F-1' })).name, 'Customer F-1');
    } finally {
      await sandbox.close();
    }
    const again = await startSandbox({ dataFile: join(dir, 'refused.json') });
    try {
      assert.equal((await sdk(again).getCustomer({ companyId: again.companyId, customerCode: 'F-1' })).name, 'Customer F-1');
    } finally {
      await again.close();
    }
  });

  it('converts a version-1 single-JSON data file, keeping the original as .v1.bak', async () => {
    const file = join(dir, 'old.json');
    const seedDay = '2025-03-04';
    const v1 = {
      format: 'cert-elements-sandbox',
      version: 1,
      savedAt: '2025-03-04T10:00:00.000Z',
      state: {
        seedDay,
        provision: { status: 'Provisioned', readyAtMs: null },
        nextIds: { customer: 8, certificate: 4, invitation: 1 },
        customers: [{ id: 7, customerCode: 'OLD-1', name: 'Old Timer', line1: '1 A St', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US', createdDate: '2025-03-04T10:00:00.000Z', modifiedDate: '2025-03-04T10:00:00.000Z' }],
        certificates: [{ id: 3, signedDate: '2025-01-01', expirationDate: null, exemptionReasonId: 1, exposureZoneId: 29, status: 'COMPLETE', valid: true, verified: true, exemptPercentage: 100, customerCodes: ['OLD-1'], document: { kind: 'generated' }, createdDate: '2025-03-04T10:00:00.000Z', modifiedDate: '2025-03-04T10:00:00.000Z' }],
        invitations: [],
      },
    };
    writeFileSync(file, JSON.stringify(v1));
    const logged: string[] = [];
    const first = await startSandbox({ dataFile: file, logger: (line) => logged.push(line) });
    try {
      const client = sdk(first);
      assert.equal((await client.getCustomer({ companyId: first.companyId, customerCode: 'OLD-1' })).name, 'Old Timer');
      assert.equal((await client.listValidCertificatesForCustomer({ companyId: first.companyId, customerCode: 'OLD-1', country: 'US', region: 'NV' })).certificate?.id, 3);
      const [next] = await client.createCustomers({ companyId: first.companyId, model: [model<Models.CustomerModel>(customer('NEW-1'))] });
      assert.equal(next?.id, 8, 'ids continue after the converted ones');
      assert.ok(logged.some((line) => /converted/.test(line)));
    } finally {
      await first.close();
    }
    assert.equal(readFileSync(`${file}.v1.bak`, 'utf8'), JSON.stringify(v1));
    assert.match(readFileSync(file, 'utf8').split('\n')[0] as string, /"version":2/);
    const second = await startSandbox({ dataFile: file });
    try {
      assert.equal((await sdk(second).getCustomer({ companyId: second.companyId, customerCode: 'NEW-1' })).name, 'Customer NEW-1');
    } finally {
      await second.close();
    }
  });

  it('refuses a damaged snapshot or journal and leaves both untouched', async () => {
    const file = join(dir, 'broken-later.json');
    const sandbox = await startSandbox({ dataFile: file });
    await sdk(sandbox).createCustomers({ companyId: sandbox.companyId, model: [model<Models.CustomerModel>(customer('DMG-1'))] });
    await sandbox.close();
    const journal = join(dir, readdirSync(dir).find((name) => name.startsWith('broken-later.json.journal-')) as string);
    const snapshot = readFileSync(file, 'utf8');
    const lines = readFileSync(journal, 'utf8');

    writeFileSync(journal, `{"ops": [garbage\n${lines}`);
    await assert.rejects(startSandbox({ dataFile: file }), (error: unknown) => error instanceof DataFileError && /journal line 1 is damaged/.test(error.message));
    assert.equal(readFileSync(journal, 'utf8'), `{"ops": [garbage\n${lines}`);
    writeFileSync(journal, lines);

    const cut = snapshot.slice(0, snapshot.lastIndexOf('{"end"'));
    writeFileSync(file, cut);
    await assert.rejects(startSandbox({ dataFile: file }), (error: unknown) => error instanceof DataFileError && /incomplete/.test(error.message));
    assert.equal(readFileSync(file, 'utf8'), cut);
  });
});
