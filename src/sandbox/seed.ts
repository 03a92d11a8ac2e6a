/**
 * The demo data every sandbox starts with: one customer per exemption situation (see the
 * table in docs/sandbox.md). Dates are relative to the UTC day the data is seeded.
 */
import type { Catalogue } from './definitions/catalogue.js';
import type { CertificateRecord, CertificateStatus, CustomerRecord, SandboxState } from './store/types.js';
import { addDays } from './util/dates.js';

type SeedCustomer = Omit<CustomerRecord, 'id' | 'createdDate' | 'modifiedDate'>;

const CUSTOMERS: SeedCustomer[] = [
  { customerCode: 'C-1001', name: 'Rainier Supply Co.', line1: '1200 Western Ave', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US', phoneNumber: '(206) 555-0110', emailAddress: 'purchasing@rainier-supply.example', contactName: 'Dana Whitaker', isBill: true, isShip: false },
  { customerCode: 'C-1002', name: 'Cascade Valley Clinic', line1: '415 Pacific Ave', city: 'Tacoma', region: 'WA', postalCode: '98402', country: 'US', phoneNumber: '(253) 555-0142', emailAddress: 'accounts@cascade-clinic.example', contactName: 'Morgan Lee', isBill: true, isShip: false },
  { customerCode: 'C-1003', name: 'Olympic Builders LLC', line1: '88 W Riverside Ave', city: 'Spokane', region: 'WA', postalCode: '99201', country: 'US', phoneNumber: '(509) 555-0177', emailAddress: 'office@olympic-builders.example', contactName: 'Sam Ortega', isBill: true, isShip: false },
  { customerCode: 'C-1004', name: 'Pier Nine Resellers', line1: '9 NW Naito Pkwy', city: 'Portland', region: 'OR', postalCode: '97209', country: 'US', phoneNumber: '(503) 555-0199', emailAddress: 'buyers@pier-nine.example', contactName: 'Riley Chen', isBill: true, isShip: false },
  { customerCode: 'C-1005', name: 'Evergreen School District', line1: '1111 Capitol Way S', city: 'Olympia', region: 'WA', postalCode: '98501', country: 'US', phoneNumber: '(360) 555-0123', faxNumber: '(360) 555-0124', emailAddress: 'procurement@evergreen-schools.example', contactName: 'Jordan Park', isBill: true, isShip: false },
  { customerCode: 'C-1006', name: 'Maple Leaf Distribution', line1: '200 Front St W', city: 'Toronto', region: 'ON', postalCode: 'M5V 3K2', country: 'CA', phoneNumber: '(416) 555-0165', emailAddress: 'orders@mapleleaf-dist.example', contactName: 'Alex Tremblay', isBill: true, isShip: false },
];

interface SeedCertificate {
  customer: string;
  zone: string;
  reason: string;
  signed: number;
  expires: number | null;
  status?: CertificateStatus;
  valid?: boolean;
  number: string;
}

const CERTIFICATES: SeedCertificate[] = [
  { customer: 'C-1001', zone: 'Washington', reason: 'RESALE', signed: -400, expires: 700, number: 'WA-603-123-456' },
  { customer: 'C-1001', zone: 'California', reason: 'RESALE', signed: -100, expires: null, number: 'SR-KH-102-334455' },
  { customer: 'C-1001', zone: 'Texas', reason: 'RESALE', signed: -700, expires: 12, number: '1-23-4567890-1' },
  { customer: 'C-1002', zone: 'Washington', reason: 'CHARITABLE/EXEMPT ORG', signed: -800, expires: -30, number: 'WA-501C3-7781' },
  { customer: 'C-1003', zone: 'Washington', reason: 'RESALE', signed: -2, expires: 730, status: 'PENDING', valid: false, number: 'WA-604-987-654' },
  { customer: 'C-1004', zone: 'Washington', reason: 'RESALE', signed: -300, expires: 400, status: 'REVOKED', valid: false, number: 'WA-605-222-333' },
  { customer: 'C-1006', zone: 'Ontario', reason: 'RESALE', signed: -200, expires: null, number: 'ON-RST-889911' },
  { customer: 'C-1006', zone: 'British Columbia', reason: 'RESALE', signed: -150, expires: 500, number: 'BC-PST-1234-5678' },
];

/** The seed state for `today` (`YYYY-MM-DD`), with timestamps from `nowIso`. */
export function seedState(catalogue: Catalogue, today: string, nowIso: string): SandboxState {
  const customers: CustomerRecord[] = CUSTOMERS.map((c, i) => ({ ...c, id: i + 1, createdDate: nowIso, modifiedDate: nowIso }));
  const certificates: CertificateRecord[] = CERTIFICATES.map((c, i) => {
    const zone = catalogue.zoneByName(c.zone);
    const reason = catalogue.reasonByName(c.reason);
    if (!zone || !reason) throw new Error(`seed certificate ${i + 1} names unknown reference data`);
    const status = c.status ?? 'COMPLETE';
    return {
      id: i + 1,
      signedDate: addDays(today, c.signed),
      expirationDate: c.expires === null ? null : addDays(today, c.expires),
      exemptionNumber: c.number,
      exemptionReasonId: reason.id,
      exposureZoneId: zone.id,
      status,
      valid: c.valid ?? true,
      verified: status === 'COMPLETE',
      exemptPercentage: 100,
      customerCodes: [c.customer],
      document: { kind: 'generated' },
      createdDate: nowIso,
      modifiedDate: nowIso,
    };
  });
  return {
    seedDay: today,
    provision: { status: 'Provisioned', readyAtMs: null },
    nextIds: { customer: customers.length + 1, certificate: certificates.length + 1, invitation: 1 },
    customers,
    certificates,
    invitations: [],
  };
}
