/**
 * Generated customers for load tests (`customers: N`): codes G-000001…, names, US
 * addresses and about two certificates for every three customers, all determined by the
 * seed. Kept cheap: 100,000 customers are built in well under a second.
 */
import type { Catalogue } from './definitions/catalogue.js';
import type { SandboxState, StoredDocument } from './store/types.js';
import { addDays } from './util/dates.js';
import { createRandom, intBetween, pick } from './util/prng.js';

const FIRST = ['Summit', 'Harbor', 'Prairie', 'Granite', 'Juniper', 'Redwood', 'Lakeside', 'Copper', 'Bluebird', 'Cedar', 'Ironwood', 'Silver', 'Northgate', 'Sunrise', 'Willow', 'Falcon'];
const SECOND = ['Supply', 'Traders', 'Hardware', 'Outfitters', 'Foods', 'Electric', 'Medical', 'Builders', 'Wholesale', 'Logistics', 'Farms', 'Labs', 'Imports', 'Partners'];
const SUFFIX = ['Inc.', 'LLC', 'Co.', 'Corp.', 'Group', 'Ltd.'];
const STREETS = ['Main St', 'Oak Ave', 'Pine Rd', 'Market St', 'Lake Blvd', 'Hill Dr', '2nd Ave', 'Mill Rd'];
const PLACES: ReadonlyArray<readonly [city: string, region: string, postal: string]> = [
  ['Seattle', 'WA', '98104'], ['Spokane', 'WA', '99201'], ['Portland', 'OR', '97204'], ['Boise', 'ID', '83702'],
  ['Sacramento', 'CA', '95814'], ['Austin', 'TX', '78701'], ['Denver', 'CO', '80202'], ['Phoenix', 'AZ', '85004'],
  ['Chicago', 'IL', '60601'], ['Columbus', 'OH', '43215'], ['Atlanta', 'GA', '30303'], ['Albany', 'NY', '12207'],
];
const REASONS = ['RESALE', 'RESALE', 'RESALE', 'MANUFACTURING', 'GOVERNMENT', 'CHARITABLE/EXEMPT ORG', 'AGRICULTURE'];

/** One stand-in document object for all generated certificates (records replace it, never change it). */
const GENERATED: StoredDocument = Object.freeze({ kind: 'generated' });

/** Returns one shared string per distinct value: a million customers repeat few names and days. */
function interner(): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    const known = seen.get(value);
    if (known !== undefined) return known;
    seen.set(value, value);
    return value;
  };
}

/** Appends `count` generated customers (and their certificates) to `state`. */
export function addGeneratedCustomers(state: SandboxState, catalogue: Catalogue, count: number, seed: number, nowIso: string): void {
  const random = createRandom(seed * 7919 + 17);
  const today = state.seedDay;
  const reasonIds = REASONS.map((name) => catalogue.reasonByName(name)?.id ?? 1);
  const shared = interner();
  const days = new Map<number, string>();
  const day = (offset: number) => {
    let value = days.get(offset);
    if (value === undefined) days.set(offset, (value = addDays(today, offset)));
    return value;
  };
  for (let n = 1; n <= count; n++) {
    const code = `G-${String(n).padStart(6, '0')}`;
    const [city, region, postalCode] = pick(random, PLACES);
    const name = shared(`${pick(random, FIRST)} ${pick(random, SECOND)} ${pick(random, SUFFIX)}`);
    state.customers.push({
      id: state.nextIds.customer++,
      customerCode: code,
      name,
      line1: `${intBetween(random, 10, 9999)} ${pick(random, STREETS)}`,
      city,
      region,
      postalCode,
      country: 'US',
      phoneNumber: `(555) 555-${String(n % 10_000).padStart(4, '0')}`,
      emailAddress: `ap+${code.toLowerCase()}@customers.example`,
      createdDate: nowIso,
      modifiedDate: nowIso,
    });
    const certificateCount = pick(random, [0, 1, 1, 2]);
    for (let c = 0; c < certificateCount; c++) {
      // The first certificate is for the home state, a second one for a random zone.
      const zone = c === 0 ? catalogue.zoneByRegion('US', region) : pick(random, catalogue.zones);
      if (!zone) continue;
      const signed = -intBetween(random, 0, 1400);
      const expires = random() < 0.2 ? null : signed + intBetween(random, 365, 1800);
      state.certificates.push({
        id: state.nextIds.certificate++,
        signedDate: day(signed),
        expirationDate: expires === null ? null : day(expires),
        exemptionNumber: `${zone.region}-${intBetween(random, 100_000, 999_999)}`,
        exemptionReasonId: pick(random, reasonIds),
        exposureZoneId: zone.id,
        status: 'COMPLETE',
        valid: true,
        verified: true,
        exemptPercentage: 100,
        customerCodes: [code],
        document: GENERATED,
        createdDate: nowIso,
        modifiedDate: nowIso,
      });
    }
  }
}
