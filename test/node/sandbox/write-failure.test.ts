/**
 * A journal flush that fails while other writes are in flight (an attachment upload and a
 * customer link whose bodies are still arriving): the failed write is undone and refused,
 * the in-flight ones then answer for exactly what is in memory and on disk. Whatever the
 * timing, a 2xx answer means the change is in memory and survives a restart; a refusal
 * means it is in neither.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type * as Models from 'avatax/lib/models/index.js';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { api, basic, model, samplePdf, sdk, startSandbox } from './support.js';

const AUTH = basic('2000000001', 'sandbox-license-key-0001');

/** A POST whose body is sent in two parts: the first now, the rest on `finish()`. */
function heldPost(sandbox: Sandbox, path: string, contentType: string, body: Buffer) {
  const cut = Math.floor(body.length / 2);
  let answer!: Promise<{ status: number; text: string }>;
  const req = request(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { authorization: AUTH, 'content-type': contentType, 'content-length': String(body.length) },
  });
  answer = new Promise((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
  });
  req.write(body.subarray(0, cut));
  return {
    finish: () => {
      req.end(body.subarray(cut));
      return answer;
    },
  };
}

function multipart(file: Buffer): { type: string; body: Buffer } {
  const boundary = '----sandbox-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="held.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

const customer = (code: string) => model<Models.CustomerModel>({ customerCode: code, name: code, line1: '1 A St', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' });

describe('a failed journal flush amid writes in flight', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cert-elements-failure-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A certificate for C-1005 without a document, plus the held upload and link for it. */
  async function certificateWithHeldWrites(sandbox: Sandbox) {
    const [created] = await sdk(sandbox).createCertificates({
      companyId: sandbox.companyId,
      model: [model<Models.CertificateModel>({ signedDate: '2025-01-02', exemptionReason: { name: 'RESALE' }, exposureZone: { name: 'Utah' }, filename: 'later.pdf', customers: [{ customerCode: 'C-1005' }] })],
    });
    const id = Number(created?.id);
    const company = `/api/v2/companies/${sandbox.companyId}`;
    const upload = multipart(samplePdf(`Held ${id}`));
    const held = {
      upload: heldPost(sandbox, `${company}/certificates/${id}/attachment`, upload.type, upload.body),
      link: heldPost(sandbox, `${company}/certificates/${id}/customers/link`, 'application/json', Buffer.from(JSON.stringify({ customers: ['C-1004'] }))),
    };
    // A round trip, so the sandbox has started both held requests (they now wait for their bodies).
    await (await api(sandbox, '/api/v2/utilities/ping')).arrayBuffer();
    return { id, held };
  }

  async function stateOf(sandbox: Sandbox, id: number) {
    const certificate = await sdk(sandbox).getCertificate({ companyId: sandbox.companyId, id, include: 'customers' });
    return { document: certificate.documentExists === true, linked: (certificate.customers ?? []).some((c) => c.customerCode === 'C-1004') };
  }

  it('answers the in-flight writes for what they really did after a failure they outlived', async () => {
    const file = join(dir, 'outlived.json');
    const sandbox = await startSandbox({ dataFile: file });
    let id = 0;
    try {
      const client = sdk(sandbox);
      const setup = await certificateWithHeldWrites(sandbox);
      id = setup.id;
      sandbox.setFaults({ failNextWrites: 1 });
      await assert.rejects(client.createCustomers({ companyId: sandbox.companyId, model: [customer('FAIL-1')] }), (e: { code?: string }) => e.code === 'UnhandledException');
      await assert.rejects(client.getCustomer({ companyId: sandbox.companyId, customerCode: 'FAIL-1' }), (e: { code?: string }) => e.code === 'EntityNotFoundError');
      const [upload, link] = await Promise.all([setup.held.upload.finish(), setup.held.link.finish()]);
      assert.equal(upload.status, 200, upload.text);
      assert.equal(link.status, 200, link.text);
      assert.deepEqual(await stateOf(sandbox, id), { document: true, linked: true });
    } finally {
      await sandbox.close();
    }
    const restarted = await startSandbox({ dataFile: file });
    try {
      assert.deepEqual(await stateOf(restarted, id), { document: true, linked: true }, 'both acknowledged writes are on disk');
    } finally {
      await restarted.close();
    }
  });

  it('answers 2xx only for what is in memory and on disk when the failing flush carries in-flight writes', async () => {
    const file = join(dir, 'carried.json');
    const sandbox = await startSandbox({ dataFile: file });
    let id = 0;
    let outcome: { upload: number; link: number };
    try {
      const setup = await certificateWithHeldWrites(sandbox);
      id = setup.id;
      sandbox.setFaults({ failNextWrites: 1 });
      // Both land together: the first flush fails; whatever joined or queued behind it is refused too.
      const [upload, link] = await Promise.all([setup.held.upload.finish(), setup.held.link.finish()]);
      outcome = { upload: upload.status, link: link.status };
      assert.ok([upload.status, link.status].includes(500), 'the injected failure refused a write');
      for (const status of [upload.status, link.status]) assert.ok(status === 200 || status === 500, `status ${status}`);
      const memory = await stateOf(sandbox, id);
      assert.deepEqual(memory, { document: upload.status === 200, linked: link.status === 200 }, 'memory holds exactly the acknowledged writes');
    } finally {
      await sandbox.close();
    }
    const restarted = await startSandbox({ dataFile: file });
    try {
      assert.deepEqual(await stateOf(restarted, id), { document: outcome.upload === 200, linked: outcome.link === 200 }, 'so does the disk');
    } finally {
      await restarted.close();
    }
  });
});
