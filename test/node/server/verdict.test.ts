import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AvaTaxGateway } from '../../../src/server/avatax/client.js';
import type { AvaExposureZone } from '../../../src/server/avatax/models.js';
import { Definitions } from '../../../src/server/domain/definitions.js';
import { certificateState, decideVerdict, toSummary } from '../../../src/server/domain/verdict.js';
import type { AvaCertificate } from '../../../src/server/avatax/models.js';

const TODAY = '2026-06-15';
const WA = { country: 'US', region: 'WA', name: 'Washington' };
const cert = (over: Partial<AvaCertificate>): AvaCertificate => ({
  id: 1,
  signedDate: '2025-01-01',
  expirationDate: '2027-01-01',
  status: 'COMPLETE',
  valid: true,
  exemptionReason: { name: 'RESALE' },
  exposureZone: { name: 'Washington' },
  ...over,
});

describe('verdict table', () => {
  test('a certificate valid today is exempt, or expiring within 30 days (inclusive)', () => {
    assert.equal(decideVerdict([cert({})], WA, TODAY).status, 'exempt');
    assert.equal(decideVerdict([cert({ expirationDate: '2026-07-15' })], WA, TODAY).status, 'expiring');
    assert.equal(decideVerdict([cert({ expirationDate: '2026-07-16' })], WA, TODAY).status, 'exempt');
    assert.equal(decideVerdict([cert({ expirationDate: null })], WA, TODAY).status, 'exempt');
    assert.equal(decideVerdict([cert({ expirationDate: '9999-12-31' })], WA, TODAY).status, 'exempt');
    assert.equal(decideVerdict([cert({ expirationDate: TODAY })], WA, TODAY).status, 'expiring', 'valid through its last day');
  });

  test('of several valid certificates the one covering longest is shown', () => {
    const short = cert({ id: 1, expirationDate: '2026-07-01' });
    const long = cert({ id: 2, expirationDate: '2030-01-01' });
    const open = cert({ id: 3, expirationDate: null, signedDate: '2020-01-01' });
    assert.deepEqual(decideVerdict([short, long], WA, TODAY).certificate?.id, 2);
    assert.deepEqual(decideVerdict([short, long, open], WA, TODAY).certificate?.id, 3);
    const pending = cert({ id: 4, signedDate: '2026-06-10', status: 'PENDING', valid: false });
    assert.equal(decideVerdict([short, pending], WA, TODAY).status, 'expiring', 'a valid certificate wins over a pending one');
  });

  test("AvaTax's own judgement (ecmStatus) decides when it is given", () => {
    assert.equal(decideVerdict([cert({ ecmStatus: 'Valid' })], WA, TODAY).status, 'exempt');
    assert.equal(decideVerdict([cert({ ecmStatus: 'Invalid' })], WA, TODAY).status, 'invalid');
    assert.equal(decideVerdict([cert({ ecmStatus: 'Expired' })], WA, TODAY).status, 'expired');
    assert.equal(decideVerdict([cert({ ecmStatus: 'PendingFuture' })], WA, TODAY).status, 'pending');
    assert.equal(decideVerdict([cert({ ecmStatus: 'None' })], WA, TODAY).status, 'pending', 'not judged yet: not exempt');
  });

  test('unknown customer and nothing in the zone are missing', () => {
    assert.equal(decideVerdict(null, WA, TODAY).status, 'missing');
    const other = cert({ exposureZone: { name: 'Oregon', country: 'US', region: 'OR' } });
    assert.equal(decideVerdict([other], WA, TODAY).status, 'missing');
    assert.equal(decideVerdict([], WA, TODAY).status, 'missing');
  });

  test('pending beats an older expired or revoked certificate', () => {
    const expired = cert({ id: 1, signedDate: '2020-01-01', expirationDate: '2021-01-01' });
    const pending = cert({ id: 2, signedDate: '2026-06-10', status: 'PENDING', valid: false });
    const revoked = cert({ id: 3, signedDate: '2026-06-12', status: 'REVOKED', valid: false });
    const v = decideVerdict([expired, revoked, pending], WA, TODAY);
    assert.deepEqual([v.status, v.certificate?.id], ['pending', 2]);
  });

  test('otherwise the newest certificate decides between invalid and expired', () => {
    const expired = cert({ id: 1, signedDate: '2024-01-01', expirationDate: '2025-01-01' });
    const revoked = cert({ id: 2, signedDate: '2023-01-01', status: 'REVOKED', valid: false });
    assert.equal(decideVerdict([revoked, expired], WA, TODAY).status, 'expired');
    const newerRevoked = cert({ id: 3, signedDate: '2025-06-01', status: 'REVOKED' });
    assert.equal(decideVerdict([revoked, expired, newerRevoked], WA, TODAY).status, 'invalid');
    assert.equal(decideVerdict([cert({ valid: false })], WA, TODAY).status, 'invalid');
  });

  test('future signing is pending', () => {
    assert.equal(decideVerdict([cert({ signedDate: '2026-07-01' })], WA, TODAY).status, 'pending');
    assert.equal(certificateState(cert({ signedDate: '2026-07-01' }), TODAY), 'pending');
  });

  test('zone match uses country/region when given, else the name', () => {
    const byRegion = cert({ exposureZone: { name: 'Something', country: 'US', region: 'WA' } });
    assert.equal(decideVerdict([byRegion], WA, TODAY).status, 'exempt');
    const sameNameOtherRegion = cert({ exposureZone: { name: 'Washington', country: 'US', region: 'DC' } });
    assert.equal(decideVerdict([sameNameOtherRegion], WA, TODAY).status, 'missing');
  });

  test('summaries use calendar dates and null for open-ended certificates', () => {
    const s = toSummary(cert({ signedDate: '2025-01-02T00:00:00', expirationDate: '9999-12-31', documentExists: true, exemptionNumber: 'X1' }));
    assert.deepEqual(s, { id: 1, exemptionReason: 'RESALE', signedDate: '2025-01-02', expirationDate: null, exposureZone: 'Washington', documentAvailable: true, exemptionNumber: 'X1' });
  });
});

describe('definitions cache', () => {
  const zone = (id: number) => ({ id, name: `Zone ${id}`, country: 'US', region: 'WA' });

  test('shares in-flight loads, caches for the hour, and reads again after it', async () => {
    const start = 1_000_000;
    let now = start;
    let loads = 0;
    let release!: (zones: AvaExposureZone[]) => void;
    let next: () => Promise<AvaExposureZone[]> = () => new Promise((resolve) => (release = resolve));
    const gateway = { listExposureZones: () => (loads++, next()) } as unknown as AvaTaxGateway;
    const definitions = new Definitions(gateway, () => now);

    const a = definitions.exposureZones();
    const b = definitions.exposureZones();
    release([zone(1)]);
    assert.deepEqual((await Promise.all([a, b])).map((zones) => zones[0]?.id), [1, 1]);
    assert.equal(loads, 1, 'one AvaTax call for both');
    next = async () => [zone(2)];
    now = start + 60 * 60 * 1000 - 1;
    assert.equal((await definitions.exposureZones())[0]?.id, 1, 'cached');
    now = start + 60 * 60 * 1000 + 1;
    assert.equal((await definitions.exposureZones())[0]?.id, 2, 'expired');
    assert.equal(loads, 2);
  });

  test('failures are not cached', async () => {
    let fail = true;
    const gateway = {
      listExposureZones: async () => {
        if (fail) throw new Error('AvaTax is down');
        return [zone(7)];
      },
    } as unknown as AvaTaxGateway;
    const definitions = new Definitions(gateway, () => 0);
    await assert.rejects(definitions.exposureZones(), /AvaTax is down/);
    fail = false;
    assert.equal((await definitions.exposureZones())[0]?.id, 7);
  });
});
