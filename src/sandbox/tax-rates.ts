/**
 * The sandbox's tax rate table: one flat rate per US state or Canadian province, applied at
 * state level only (no county, city or special districts). It exists so that a created
 * transaction shows tax on taxed lines and none on exempt ones; the exemption decision is
 * the point, the amounts are not tax advice and must not be used as such.
 */

/** The rate applied in one region and the name shown on the transaction's detail line. */
export interface RegionRate {
  /** Fraction, e.g. 0.065 for 6.5 %. */
  rate: number;
  taxName: string;
}

/** Used for every US state not listed below. */
export const DEFAULT_US_RATE = 0.06;

// State-level base rates; well-known states are listed so demos look familiar.
const US_RATES: Readonly<Record<string, number>> = {
  AZ: 0.056, CA: 0.0725, CO: 0.029, FL: 0.06, GA: 0.04, IL: 0.0625, MA: 0.0625, NJ: 0.06625,
  NV: 0.0685, NY: 0.04, PA: 0.06, TX: 0.0625, WA: 0.065,
  // No general state sales tax.
  AK: 0, DE: 0, MT: 0, NH: 0, OR: 0,
};

// Canada, simplified to one combined rate: GST alone, HST, or GST plus the provincial tax.
const CA_RATES: Readonly<Record<string, RegionRate>> = {
  AB: { rate: 0.05, taxName: 'GST' },
  NT: { rate: 0.05, taxName: 'GST' },
  NU: { rate: 0.05, taxName: 'GST' },
  YT: { rate: 0.05, taxName: 'GST' },
  ON: { rate: 0.13, taxName: 'HST' },
  NB: { rate: 0.15, taxName: 'HST' },
  NL: { rate: 0.15, taxName: 'HST' },
  NS: { rate: 0.15, taxName: 'HST' },
  PE: { rate: 0.15, taxName: 'HST' },
  BC: { rate: 0.12, taxName: 'GST/PST' },
  MB: { rate: 0.12, taxName: 'GST/PST' },
  SK: { rate: 0.11, taxName: 'GST/PST' },
  QC: { rate: 0.14975, taxName: 'GST/QST' },
};

/**
 * The rate for a region the exposure-zone catalogue knows (`country` US or CA, upper-case
 * region code). Regions outside the table fall back to the US default or plain GST.
 */
export function rateForRegion(country: string, region: string): RegionRate {
  if (country === 'CA') return CA_RATES[region] ?? { rate: 0.05, taxName: 'GST' };
  return { rate: US_RATES[region] ?? DEFAULT_US_RATE, taxName: `${region} STATE TAX` };
}
