/**
 * The data file: every acknowledged write survives a restart (in process, and after the
 * CLI is killed with SIGKILL mid-stream), the file always parses, a corrupt file stops the
 * sandbox without being touched, and a leftover temporary file is ignored.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type * as Models from 'avatax/lib/models/index.js';
import { DataFileError } from '../../../src/sandbox/index.js';
import { exited, startCli } from './cli-process.js';
import { api, basic, expectJson, model, samplePdf, sdk, startSandbox } from './support.js';

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

  it('ignores a leftover temporary file from a crash', async () => {
    const file = join(dir, 'leftover.json');
    const first = await startSandbox({ dataFile: file });
    await first.close();
    const leftover = join(dir, '.leftover.json.99999.tmp');
    writeFileSync(leftover, '{"half": ');
    const second = await startSandbox({ dataFile: file });
    try {
      assert.equal((await sdk(second).getCustomer({ companyId: second.companyId, customerCode: 'C-1001' })).customerCode, 'C-1001');
    } finally {
      await second.close();
    }
  });

  it('keeps every write acknowledged before a SIGKILL of the CLI, and the file always parses', async () => {
    const file = join(dir, 'killed.json');
    const cli = await startCli(['--port', '0', '--data', file]);
    const auth = basic('2000000001', 'sandbox-license-key-0001');
    const acknowledged: string[] = [];
    let stop = false;
    let n = 0;
    const writer = async () => {
      while (!stop) {
        const code = `K-${++n}`;
        try {
          const response = await fetch(`${cli.url}/api/v2/companies/7000001/customers`, {
            method: 'POST',
            headers: { authorization: auth, 'content-type': 'application/json' },
            body: JSON.stringify([customer(code)]),
            signal: AbortSignal.timeout(5000),
          });
          if (response.status === 200) acknowledged.push(code);
          await response.arrayBuffer();
        } catch {
          return; // the process is gone
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    await new Promise((resolve) => setTimeout(resolve, 400));
    cli.child.kill('SIGKILL');
    await exited(cli.child);
    stop = true;
    await Promise.all(writers);
    assert.ok(acknowledged.length >= 5, `some writes were acknowledged (${acknowledged.length})`);

    const saved = JSON.parse(readFileSync(file, 'utf8')) as { state: { customers: Array<{ customerCode: string }> } };
    const codes = new Set(saved.state.customers.map((c) => c.customerCode));
    const lost = acknowledged.filter((code) => !codes.has(code));
    assert.deepEqual(lost, [], 'no acknowledged write is missing from the file');

    const restarted = await startSandbox({ dataFile: file });
    try {
      const client = sdk(restarted);
      const found = await client.queryCustomers({ companyId: restarted.companyId, filter: "customerCode startswith 'K-'" });
      const restored = new Set(found.value.map((c) => c.customerCode));
      assert.ok(acknowledged.every((code) => restored.has(code)));
    } finally {
      await restarted.close();
    }
  });
});
