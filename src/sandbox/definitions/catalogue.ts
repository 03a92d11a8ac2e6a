/**
 * Reference data served by the definitions endpoints, with lookups by id, name and
 * (country, region). Built once per sandbox; never persisted (it is not user data).
 */
import type { CoverLetterModel, ExemptionReasonModel, ExposureZoneModel } from '../models.js';
import { buildExposureZones } from './zones.js';

const EXEMPT_REASONS = [
  'RESALE', 'EXPOSURE', 'CHARITABLE/EXEMPT ORG', 'GOVERNMENT', 'MANUFACTURING', 'AGRICULTURE',
  'DIRECT PAY', 'MEDICAL', 'EDUCATIONAL', 'RELIGIOUS ORG', 'FEDERAL GOV', 'STATE GOV', 'LOCAL GOV',
  'TRIBAL GOVERNMENT', 'NON-RESIDENT', 'OTHER',
];

const COVER_LETTERS: ReadonlyArray<readonly [title: string, subject: string, description: string]> = [
  ['STANDARD_REQUEST', 'Please submit your exemption certificate', 'Standard request for an exemption certificate'],
  ['RENEWAL_REQUEST', 'Your exemption certificate is about to expire', 'Asks the customer to renew an expiring certificate'],
  ['NEW_CUSTOMER_WELCOME', 'Welcome! Please send us your exemption certificate', 'Welcome letter for a new exempt customer'],
  ['EXPIRED_CERTIFICATE', 'Your exemption certificate has expired', 'Tells the customer the certificate on file expired'],
];

const CATALOGUE_STAMP = '2016-01-01T00:00:00Z';

/** The definitions catalogue plus the indexes the routes need. */
export interface Catalogue {
  zones: ExposureZoneModel[];
  reasons: ExemptionReasonModel[];
  coverLetters: CoverLetterModel[];
  zoneById(id: number): ExposureZoneModel | undefined;
  /** Case-insensitive on name. */
  zoneByName(name: string): ExposureZoneModel | undefined;
  /** Case-insensitive on both parts. */
  zoneByRegion(country: string, region: string): ExposureZoneModel | undefined;
  reasonById(id: number): ExemptionReasonModel | undefined;
  /** Case-insensitive. */
  reasonByName(name: string): ExemptionReasonModel | undefined;
  coverLetterByTitle(title: string): CoverLetterModel | undefined;
  coverLetterById(id: number): CoverLetterModel | undefined;
}

/** Builds the catalogue for one company. */
export function buildCatalogue(companyId: number): Catalogue {
  const zones = buildExposureZones(companyId);
  const reasons = EXEMPT_REASONS.map((name, index) => ({ id: index + 1, name }));
  const coverLetters: CoverLetterModel[] = COVER_LETTERS.map(([title, subject, description], index) => ({
    id: index + 1,
    companyId,
    title,
    subject,
    description,
    createdDate: CATALOGUE_STAMP,
    modifiedDate: CATALOGUE_STAMP,
    active: true,
    pageCount: 1,
    templateFilename: `${title.toLowerCase()}.html`,
    version: 1,
  }));
  const byKey = <T>(items: T[], key: (item: T) => string) => new Map(items.map((item) => [key(item), item]));
  const zonesById = byKey(zones, (z) => String(z.id));
  const zonesByName = byKey(zones, (z) => z.name.toUpperCase());
  const zonesByRegion = byKey(zones, (z) => `${z.country}/${z.region}`);
  const reasonsById = byKey(reasons, (r) => String(r.id));
  const reasonsByName = byKey(reasons, (r) => r.name.toUpperCase());
  const lettersByTitle = byKey(coverLetters, (c) => c.title);
  const lettersById = byKey(coverLetters, (c) => String(c.id));
  return {
    zones,
    reasons,
    coverLetters,
    zoneById: (id) => zonesById.get(String(id)),
    zoneByName: (name) => zonesByName.get(name.trim().toUpperCase()),
    zoneByRegion: (country, region) => zonesByRegion.get(`${country.toUpperCase()}/${region.toUpperCase()}`),
    reasonById: (id) => reasonsById.get(String(id)),
    reasonByName: (name) => reasonsByName.get(name.trim().toUpperCase()),
    coverLetterByTitle: (title) => lettersByTitle.get(title.trim()),
    coverLetterById: (id) => lettersById.get(String(id)),
  };
}
