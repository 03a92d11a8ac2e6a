/**
 * Bursts of mixed writes against a sandbox that is about to be killed, and the check that
 * every acknowledged one is there after a restart. Each writer works on its own customer:
 * create it, add a certificate, upload the certificate's document, link it to C-1001, create
 * an invitation, and delete every third certificate. What a write changed is expected only
 * once it was answered 2xx; the one in flight when the process died may or may not be there.
 */
import assert from 'node:assert/strict';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { api, basic, expectJson, samplePdf } from './support.js';

const AUTH = basic('2000000001', 'sandbox-license-key-0001');
const COMPANY = '/api/v2/companies/7000001';

interface Expected {
  customers: Set<string>;
  certificates: Map<number, { deleted: boolean; document: boolean; linkedToC1001: boolean; customer: string }>;
  invitations: Map<number, string>;
  /** Certificates whose delete was sent but not answered: gone or not, both are right. */
  deleteInFlight: Set<number>;
}

export function newExpectations(): Expected {
  return { customers: new Set(), certificates: new Map(), invitations: new Map(), deleteInFlight: new Set() };
}

async function call(url: string, path: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(`${url}${COMPANY}${path}`, {
    ...init,
    headers: { authorization: AUTH, ...(typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}) },
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as unknown;
}

/** Writes until `stop()` or until the sandbox goes away; records what was acknowledged. */
export async function writeUntilStopped(url: string, writer: string, expected: Expected, stop: () => boolean): Promise<number> {
  let acknowledged = 0;
  for (let n = 1; !stop(); n++) {
    const code = `K-${writer}-${n}`;
    let certificate = 0;
    try {
      await call(url, '/customers', { method: 'POST', body: JSON.stringify([{ customerCode: code, name: `Killed ${code}`, line1: '1 Crash Rd', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' }]) });
      expected.customers.add(code);
      const [created] = (await call(url, '/certificates', {
        method: 'POST',
        body: JSON.stringify([{ signedDate: '2025-01-02', exemptionReason: { name: 'RESALE' }, exposureZone: { name: 'Nevada' }, filename: `${code}.pdf`, customers: [{ customerCode: code }] }]),
      })) as Array<{ id: number }>;
      certificate = (created as { id: number }).id;
      expected.certificates.set(certificate, { deleted: false, document: false, linkedToC1001: false, customer: code });
      const state = expected.certificates.get(certificate) as NonNullable<ReturnType<Expected['certificates']['get']>>;
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(samplePdf(code))]), `${code}.pdf`);
      await call(url, `/certificates/${certificate}/attachment`, { method: 'POST', body: form });
      state.document = true;
      await call(url, `/certificates/${certificate}/customers/link`, { method: 'POST', body: JSON.stringify({ customers: ['C-1001'] }) });
      state.linkedToC1001 = true;
      const [invitation] = (await call(url, `/customers/${code}/certexpressinvites`, { method: 'POST', body: JSON.stringify([{ deliveryMethod: 'Download' }]) })) as Array<{ invitation: { id: number } }>;
      expected.invitations.set((invitation as { invitation: { id: number } }).invitation.id, code);
      if (n % 3 === 0) {
        expected.deleteInFlight.add(certificate);
        await call(url, `/certificates/${certificate}`, { method: 'DELETE' });
        expected.deleteInFlight.delete(certificate);
        state.deleted = true;
      }
      acknowledged += 6;
    } catch {
      return acknowledged; // the process is gone; the write in flight has an unknown outcome
    }
  }
  return acknowledged;
}

/** Asserts that every acknowledged write is in the restarted sandbox. */
export async function assertAcknowledgedPresent(sandbox: Sandbox, expected: Expected): Promise<void> {
  const customers = await expectJson<{ value: Array<{ customerCode: string }> }>(
    await api(sandbox, `${COMPANY}/customers?$filter=${encodeURIComponent("customerCode startswith 'K-'")}&$top=1000`, { authorization: AUTH }),
    200,
  );
  const found = new Set(customers.value.map((c) => c.customerCode));
  assert.deepEqual([...expected.customers].filter((code) => !found.has(code)), [], 'acknowledged customers are all there');
  for (const [id, state] of expected.certificates) {
    const response = await api(sandbox, `${COMPANY}/certificates/${id}?$include=customers`, { authorization: AUTH });
    const body = (await response.json()) as { documentExists?: boolean; customers?: Array<{ customerCode: string }> };
    if (expected.deleteInFlight.has(id) && response.status === 404) continue;
    if (state.deleted) {
      assert.equal(response.status, 404, `certificate ${id} was deleted`);
      continue;
    }
    assert.equal(response.status, 200, `certificate ${id} is there`);
    assert.ok(body.customers?.some((c) => c.customerCode === state.customer), `certificate ${id} keeps its customer`);
    if (state.document) assert.equal(body.documentExists, true, `certificate ${id} has its uploaded document`);
    if (state.linkedToC1001) assert.ok(body.customers?.some((c) => c.customerCode === 'C-1001'), `certificate ${id} is linked to C-1001`);
  }
  for (const [id, code] of expected.invitations) {
    const response = await api(sandbox, `${COMPANY}/customers/${code}/certexpressinvites/${id}`, { authorization: AUTH });
    assert.equal(response.status, 200, `invitation ${id} is there`);
    await response.arrayBuffer();
  }
}
