/**
 * Exposure zones: the 50 US states, DC and the 13 Canadian provinces and territories.
 * Ids are stable (position in this list + 1) so persisted certificates keep pointing at
 * the same zone across restarts and versions; append, never reorder.
 */
import type { ExposureZoneModel } from '../../avatax/models.js';

const US: ReadonlyArray<readonly [string, string]> = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'],
  ['CO', 'Colorado'], ['CT', 'Connecticut'], ['DE', 'Delaware'], ['DC', 'District of Columbia'],
  ['FL', 'Florida'], ['GA', 'Georgia'], ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'],
  ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'],
  ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'],
  ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'],
  ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'], ['NY', 'New York'],
  ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'], ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'],
  ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'],
  ['WA', 'Washington'], ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
];

const CA: ReadonlyArray<readonly [string, string]> = [
  ['AB', 'Alberta'], ['BC', 'British Columbia'], ['MB', 'Manitoba'], ['NB', 'New Brunswick'],
  ['NL', 'Newfoundland and Labrador'], ['NS', 'Nova Scotia'], ['NT', 'Northwest Territories'],
  ['NU', 'Nunavut'], ['ON', 'Ontario'], ['PE', 'Prince Edward Island'], ['QC', 'Quebec'],
  ['SK', 'Saskatchewan'], ['YT', 'Yukon'],
];

/** Fixed creation stamp: the catalogue is reference data, not something the sandbox creates. */
const CATALOGUE_STAMP = '2016-01-01T00:00:00Z';

/** Builds the zone catalogue for a company. */
export function buildExposureZones(companyId: number): ExposureZoneModel[] {
  const rows = [...US.map(([r, n]) => ['US', r, n] as const), ...CA.map(([r, n]) => ['CA', r, n] as const)];
  return rows.map(([country, region, name], index) => ({
    id: index + 1,
    companyId,
    name,
    tag: `EZ_${country}_${region}`,
    description: `${name} Sales Tax`,
    created: CATALOGUE_STAMP,
    modified: CATALOGUE_STAMP,
    region,
    country,
  }));
}
