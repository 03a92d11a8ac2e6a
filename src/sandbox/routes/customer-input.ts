/** Validation of CustomerModel input (create and update). Nothing is stored until every item passes. */
import { AvaTaxError, invalidField, missingField } from '../errors.js';
import type { CustomerRecord } from '../store/types.js';

const TEXT_FIELDS = [
  'alternateId', 'name', 'attnName', 'line1', 'line2', 'city', 'region', 'postalCode', 'country',
  'phoneNumber', 'faxNumber', 'emailAddress', 'contactName', 'taxpayerIdNumber',
] as const;

const REQUIRED = ['name', 'line1', 'city', 'postalCode', 'country'] as const;
const MAX_CODE_LENGTH = 50;
const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY_ALIASES: Record<string, string> = { USA: 'US', 'UNITED STATES': 'US', CAN: 'CA', CANADA: 'CA' };

export type CustomerInput = Omit<CustomerRecord, 'id' | 'createdDate' | 'modifiedDate'>;

/** A plausible email address (one @, a dot in the domain, no spaces). */
export function isEmailAddress(value: string): boolean {
  return EMAIL_ADDRESS.test(value);
}

/** ISO alpha-2 from a 2/3-letter code or a common name. */
export function normalizeCountry(value: string): string {
  const upper = value.trim().toUpperCase();
  return COUNTRY_ALIASES[upper] ?? upper;
}

/** Checks a customer code from a body or path. */
export function checkCustomerCode(value: unknown, field = 'customerCode'): string {
  if (value === undefined || value === null || value === '') throw missingField(field);
  if (typeof value !== 'string' || !value.trim()) throw invalidField(field, 'The customer code must be a non-blank string.');
  if (value.length > MAX_CODE_LENGTH) throw invalidField(field, `The customer code is longer than ${MAX_CODE_LENGTH} characters.`);
  return value;
}

/** Validates one CustomerModel. `at` prefixes field paths (e.g. `[2].name`). */
export function parseCustomerInput(item: Record<string, unknown>, at: string): CustomerInput {
  const out: Partial<CustomerInput> & { customerCode: string } = {
    customerCode: checkCustomerCode(item.customerCode, `${at}customerCode`),
  };
  for (const field of TEXT_FIELDS) {
    const value = item[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw invalidField(`${at}${field}`, `${field} must be a string.`);
    const trimmed = value.trim();
    if (trimmed) out[field] = trimmed;
  }
  for (const flag of ['isBill', 'isShip'] as const) {
    const value = item[flag];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'boolean') throw invalidField(`${at}${flag}`, `${flag} must be true or false.`);
    out[flag] = value;
  }
  for (const field of REQUIRED) if (!out[field]) throw missingField(`${at}${field}`);
  out.country = normalizeCountry(out.country as string);
  if (!/^[A-Z]{2}$/.test(out.country)) throw invalidField(`${at}country`, 'country must be an ISO 3166 country code.');
  if (out.region) out.region = out.region.toUpperCase();
  if ((out.country === 'US' || out.country === 'CA') && !out.region) throw missingField(`${at}region`);
  if (out.region && out.region.length > 3) throw invalidField(`${at}region`, 'region is at most 3 characters.');
  if (out.isBill && out.isShip) {
    throw new AvaTaxError('CertificatesFieldInvalid', 'A customer cannot be both a ship-to and a bill-to record.', {
      refersTo: `${at}isShip`,
    });
  }
  if (out.emailAddress && !isEmailAddress(out.emailAddress)) {
    throw invalidField(`${at}emailAddress`, 'emailAddress is not an email address.');
  }
  return out as CustomerInput;
}
