/**
 * The ERP's ship-to zones with the sales-tax rate it estimates an order with (the state or
 * provincial base rate; local rates vary). Order entry uses them for the zone select and the
 * tax line; the rates never decide an exemption, the certificate status does.
 */

export interface ShipToZone {
  country: 'US' | 'CA';
  region: string;
  name: string;
  /** Percent; 0 where the zone has no general sales tax. */
  rate: number;
}

type Row = [region: string, name: string, rate: number];

const US: Row[] = [
  ['AL', 'Alabama', 4], ['AK', 'Alaska', 0], ['AZ', 'Arizona', 5.6], ['AR', 'Arkansas', 6.5], ['CA', 'California', 7.25],
  ['CO', 'Colorado', 2.9], ['CT', 'Connecticut', 6.35], ['DE', 'Delaware', 0], ['DC', 'District of Columbia', 6],
  ['FL', 'Florida', 6], ['GA', 'Georgia', 4], ['HI', 'Hawaii', 4], ['ID', 'Idaho', 6], ['IL', 'Illinois', 6.25],
  ['IN', 'Indiana', 7], ['IA', 'Iowa', 6], ['KS', 'Kansas', 6.5], ['KY', 'Kentucky', 6], ['LA', 'Louisiana', 5],
  ['ME', 'Maine', 5.5], ['MD', 'Maryland', 6], ['MA', 'Massachusetts', 6.25], ['MI', 'Michigan', 6],
  ['MN', 'Minnesota', 6.875], ['MS', 'Mississippi', 7], ['MO', 'Missouri', 4.225], ['MT', 'Montana', 0],
  ['NE', 'Nebraska', 5.5], ['NV', 'Nevada', 6.85], ['NH', 'New Hampshire', 0], ['NJ', 'New Jersey', 6.625],
  ['NM', 'New Mexico', 4.875], ['NY', 'New York', 4], ['NC', 'North Carolina', 4.75], ['ND', 'North Dakota', 5],
  ['OH', 'Ohio', 5.75], ['OK', 'Oklahoma', 4.5], ['OR', 'Oregon', 0], ['PA', 'Pennsylvania', 6], ['RI', 'Rhode Island', 7],
  ['SC', 'South Carolina', 6], ['SD', 'South Dakota', 4.2], ['TN', 'Tennessee', 7], ['TX', 'Texas', 6.25], ['UT', 'Utah', 6.1],
  ['VT', 'Vermont', 6], ['VA', 'Virginia', 5.3], ['WA', 'Washington', 6.5], ['WV', 'West Virginia', 6],
  ['WI', 'Wisconsin', 5], ['WY', 'Wyoming', 4],
];

// Provincial sales tax, or the whole HST where it replaces it; GST is a separate federal tax.
const CA: Row[] = [
  ['AB', 'Alberta', 0], ['BC', 'British Columbia', 7], ['MB', 'Manitoba', 7], ['ON', 'Ontario', 13], ['QC', 'Quebec', 9.975],
];

export const SHIP_TO_ZONES: readonly ShipToZone[] = [
  ...US.map(([region, name, rate]) => ({ country: 'US' as const, region, name, rate })),
  ...CA.map(([region, name, rate]) => ({ country: 'CA' as const, region, name, rate })),
];

/** `US-WA` → the zone, or undefined. */
export function zoneByKey(key: string): ShipToZone | undefined {
  return SHIP_TO_ZONES.find((z) => `${z.country}-${z.region}` === key.toUpperCase());
}

/** The zone select's options, grouped by country. */
export function zoneOptions(): HTMLOptGroupElement[] {
  return (['US', 'CA'] as const).map((country) => {
    const group = document.createElement('optgroup');
    group.label = country === 'US' ? 'United States' : 'Canada';
    group.append(...SHIP_TO_ZONES.filter((z) => z.country === country).map((z) => new Option(`${z.name} (${z.region})`, `${z.country}-${z.region}`)));
    return group;
  });
}
