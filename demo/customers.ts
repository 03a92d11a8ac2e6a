/**
 * The demo shop's own customer records: who may sign in, and where each one ships to.
 * The codes match the sandbox's seed (docs/sandbox.md), so every certificate state shows up.
 */
import type { CustomerProfile } from '../src/server/index.js';

export interface ShipToZone {
  country: string;
  region: string;
  name: string;
}

export interface DemoCustomer {
  customerCode: string;
  name: string;
  /** What the shop sends AvaTax when the customer is not known there yet. */
  profile: CustomerProfile;
  shipTo: ShipToZone[];
  note: string;
}

const zone = (country: string, region: string, name: string): ShipToZone => ({ country, region, name });

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    customerCode: 'C-1001',
    name: 'Rainier Supply Co.',
    profile: { name: 'Rainier Supply Co.', emailAddress: 'purchasing@rainier-supply.example', line1: '1200 Western Ave', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
    shipTo: [zone('US', 'WA', 'Washington'), zone('US', 'CA', 'California'), zone('US', 'TX', 'Texas'), zone('US', 'NV', 'Nevada')],
    note: 'Exempt in two states, one certificate expiring, Nevada missing',
  },
  {
    customerCode: 'C-1002',
    name: 'Cascade Valley Clinic',
    profile: { name: 'Cascade Valley Clinic', emailAddress: 'accounts@cascade-clinic.example', line1: '55 Pacific Ave', city: 'Tacoma', region: 'WA', postalCode: '98402', country: 'US' },
    shipTo: [zone('US', 'WA', 'Washington')],
    note: 'Certificate expired',
  },
  {
    customerCode: 'C-1003',
    name: 'Olympic Builders LLC',
    profile: { name: 'Olympic Builders LLC', emailAddress: 'office@olympic-builders.example', line1: '9 Riverside Ave', city: 'Spokane', region: 'WA', postalCode: '99201', country: 'US' },
    shipTo: [zone('US', 'WA', 'Washington'), zone('US', 'ID', 'Idaho')],
    note: 'Certificate received, pending review',
  },
  {
    customerCode: 'C-1004',
    name: 'Pier Nine Resellers',
    profile: { name: 'Pier Nine Resellers', emailAddress: 'tax@pier-nine.example', line1: '900 NW Naito Pkwy', city: 'Portland', region: 'OR', postalCode: '97209', country: 'US' },
    shipTo: [zone('US', 'WA', 'Washington'), zone('US', 'OR', 'Oregon')],
    note: 'Certificate revoked',
  },
  {
    customerCode: 'C-1005',
    name: 'Evergreen School District',
    profile: { name: 'Evergreen School District', emailAddress: 'procurement@evergreen-sd.example', line1: '1 Capitol Way', city: 'Olympia', region: 'WA', postalCode: '98501', country: 'US' },
    shipTo: [zone('US', 'WA', 'Washington')],
    note: 'No certificate on file',
  },
  {
    customerCode: 'C-1006',
    name: 'Maple Leaf Distribution',
    profile: { name: 'Maple Leaf Distribution', emailAddress: 'ap@mapleleaf-dist.example', line1: '100 King St W', city: 'Toronto', region: 'ON', postalCode: 'M5X 1A9', country: 'CA' },
    shipTo: [zone('CA', 'ON', 'Ontario'), zone('CA', 'BC', 'British Columbia'), zone('CA', 'QC', 'Quebec')],
    note: 'Canadian buyer, two provinces on file',
  },
  {
    customerCode: 'C-9999',
    name: 'Nova Outfitters',
    profile: { name: 'Nova Outfitters', emailAddress: 'buyer@nova-outfitters.example', line1: '1600 Broadway', city: 'Denver', region: 'CO', postalCode: '80202', country: 'US' },
    shipTo: [zone('US', 'CO', 'Colorado')],
    note: 'New buyer, not known to AvaTax yet',
  },
];

export function findDemoCustomer(code: string): DemoCustomer | undefined {
  return DEMO_CUSTOMERS.find((c) => c.customerCode === code);
}
