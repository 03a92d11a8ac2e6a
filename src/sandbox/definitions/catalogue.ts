/**
 * Reference data served by the definitions endpoints, with lookups by id, name and
 * (country, region). Built once per sandbox; never persisted (it is not user data).
 */
import type { CertificateAttributeModel, CoverLetterModel, ExemptionReasonModel, ExposureZoneModel } from '../../avatax/models.js';
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

/** Certificate attributes (flags on a certificate); AvaTax's example name is `DIRECT PAY`. */
const CERTIFICATE_ATTRIBUTES: ReadonlyArray<readonly [name: string, description: string, isSystemCode: boolean]> = [
  ['DIRECT PAY', 'The customer pays the tax directly to the state (direct pay permit).', true],
  ['SINGLE PURCHASE', 'The certificate covers one purchase only, not a blanket exemption.', true],
  ['MULTI-STATE', 'The certificate is a multistate form covering several zones.', true],
  ['RENEWAL SENT', 'A renewal request has been sent to the customer.', false],
  ['NEEDS REVIEW', 'Someone should look at this certificate again.', false],
];

const CATALOGUE_STAMP = '2016-01-01T00:00:00Z';

/** The definitions catalogue plus the indexes the routes need. */
export interface Catalogue {
  zones: ExposureZoneModel[];
  reasons: ExemptionReasonModel[];
  coverLetters: CoverLetterModel[];
  attributes: CertificateAttributeModel[];
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
  attributeById(id: number): CertificateAttributeModel | undefined;
  /** Case-insensitive. */
  attributeByName(name: string): CertificateAttributeModel | undefined;
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
  const attributes = CERTIFICATE_ATTRIBUTES.map(([name, description, isSystemCode], index) => ({ id: index + 1, name, description, isSystemCode }));
  const byKey = <T>(items: T[], key: (item: T) => string) => new Map(items.map((item) => [key(item), item]));
  const zonesById = byKey(zones, (z) => String(z.id));
  const zonesByName = byKey(zones, (z) => z.name.toUpperCase());
  const zonesByRegion = byKey(zones, (z) => `${z.country}/${z.region}`);
  const reasonsById = byKey(reasons, (r) => String(r.id));
  const reasonsByName = byKey(reasons, (r) => r.name.toUpperCase());
  const lettersByTitle = byKey(coverLetters, (c) => c.title);
  const lettersById = byKey(coverLetters, (c) => String(c.id));
  const attributesById = byKey(attributes, (a) => String(a.id));
  const attributesByName = byKey(attributes, (a) => a.name.toUpperCase());
  return {
    zones,
    reasons,
    coverLetters,
    attributes,
    zoneById: (id) => zonesById.get(String(id)),
    zoneByName: (name) => zonesByName.get(name.trim().toUpperCase()),
    zoneByRegion: (country, region) => zonesByRegion.get(`${country.toUpperCase()}/${region.toUpperCase()}`),
    reasonById: (id) => reasonsById.get(String(id)),
    reasonByName: (name) => reasonsByName.get(name.trim().toUpperCase()),
    coverLetterByTitle: (title) => lettersByTitle.get(title.trim()),
    coverLetterById: (id) => lettersById.get(String(id)),
    attributeById: (id) => attributesById.get(String(id)),
    attributeByName: (name) => attributesByName.get(name.trim().toUpperCase()),
  };
}
