/**
 * The companion decides every zone from one ListCertificatesForCustomer answer. This checks that
 * its verdicts agree with AvaTax's own exemption lookup, ListValidCertificatesForCustomer, asked
 * through the official SDK for the same customer and zone: exempt or expiring exactly when
 * AvaTax says Exempt, with the same certificate, for every seeded customer and hundreds of
 * generated ones.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import avatax from 'avatax';
import type { BatchStatusResponse } from '../../../src/client/contract.js';
import { startStack, type Stack } from './helpers.js';

type AvaTaxClientClass = typeof avatax.default;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const AvaTaxClient: AvaTaxClientClass = ((avatax as any).default ?? avatax) as AvaTaxClientClass;

const ZONES: Array<[string, string]> = [
  ['US', 'WA'], ['US', 'CA'], ['US', 'TX'], ['US', 'NV'], ['US', 'OR'], ['US', 'ID'], ['US', 'NY'], ['US', 'FL'],
  ['US', 'IL'], ['US', 'AZ'], ['US', 'CO'], ['US', 'GA'], ['CA', 'ON'], ['CA', 'BC'], ['CA', 'QC'],
];

let stack: Stack;
before(async () => {
  stack = await startStack({ sandbox: { customers: 300, seed: 7 }, server: { statusCacheSeconds: 0 } });
});
after(() => stack.close());

test("verdicts agree with AvaTax's ListValidCertificatesForCustomer for every customer and zone", async () => {
  const { accountId, licenseKey } = stack.sandbox.credentials;
  const sdk = new AvaTaxClient({ appName: 'test', appVersion: '1', machineName: 'test', environment: stack.sandbox.url }).withSecurity({ accountId, licenseKey });
  const companyId = stack.sandbox.companyId;
  const customers = ['C-1001', 'C-1002', 'C-1003', 'C-1004', 'C-1005', 'C-1006', 'C-9999'];
  for (let i = 1; i <= 300; i++) customers.push(`G-${String(i).padStart(6, '0')}`);
  const items = customers.flatMap((customerCode) => ZONES.map(([country, region]) => ({ customerCode, country, region })));

  const staff = await stack.token('*', ['status:read']);
  const verdicts: BatchStatusResponse['items'] = [];
  for (let i = 0; i < items.length; i += 100) {
    const res = await stack.post('/v1/status/batch', { items: items.slice(i, i + 100) }, staff);
    assert.equal(res.status, 200);
    verdicts.push(...((await res.json()) as BatchStatusResponse).items);
  }

  let exempt = 0;
  for (const [i, item] of items.entries()) {
    const ours = verdicts[i]!;
    assert.ok(ours.ok, `${item.customerCode} ${item.region}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const theirs: { status: string; certificate?: { id: number } } = await (sdk as any)
      .listValidCertificatesForCustomer({ companyId, customerCode: item.customerCode, country: item.country, region: item.region })
      .catch((error: { code?: string }) => {
        if (error.code === 'EntityNotFoundError') return { status: 'NotExempt' };
        throw error;
      });
    const covered = ours.status === 'exempt' || ours.status === 'expiring';
    const where = `${item.customerCode} ${item.country}-${item.region}: companion ${ours.status}, AvaTax ${theirs.status}`;
    assert.equal(covered, theirs.status === 'Exempt', where);
    if (covered) {
      exempt++;
      assert.equal(ours.certificate?.id, theirs.certificate?.id, where);
    }
  }
  assert.ok(exempt > 100, `enough exempt pairs to mean something (${exempt})`);
  assert.ok(items.length - exempt > 1000, 'and enough that are not');
});
