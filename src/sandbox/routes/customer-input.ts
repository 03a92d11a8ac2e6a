/** Validation of CustomerModel input (create and update). Nothing is stored until every item passes. */
import { AvaTaxError, missingField } from '../errors.js';
import { invalidCountry, invalidEmail, invalidRegion, tooLong, wrongType } from '../field-errors.js';
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
  if (typeof value !== 'string') throw wrongType(field, 'a string');
  if (!value.trim()) throw missingField(field);
  if (value.length > MAX_CODE_LENGTH) throw tooLong(field, MAX_CODE_LENGTH);
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
    if (typeof value !== 'string') throw wrongType(`${at}${field}`, 'a string');
    const trimmed = value.trim();
    if (trimmed) out[field] = trimmed;
  }
  for (const flag of ['isBill', 'isShip'] as const) {
    const value = item[flag];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'boolean') throw wrongType(`${at}${flag}`, 'true or false');
    out[flag] = value;
  }
  for (const field of REQUIRED) if (!out[field]) throw missingField(`${at}${field}`);
  out.country = normalizeCountry(out.country as string);
  if (!/^[A-Z]{2}$/.test(out.country)) throw invalidCountry(`${at}country`, out.country);
  if (out.region) out.region = out.region.toUpperCase();
  if ((out.country === 'US' || out.country === 'CA') && !out.region) throw missingField(`${at}region`);
  if (out.region && out.region.length > 3) throw invalidRegion(`${at}region`, out.country, out.region);
  if (out.isBill && out.isShip) {
    throw new AvaTaxError('CustomerCantBeBothShipToAndBillTo', `Customer ${out.customerCode} is ShipTo customer and BillTo customer.`, {
      description: `Customer ${out.customerCode} can be either ShipTo customer or BillTo customer, but not both.`,
      refersTo: `${at}isShip`,
    });
  }
  if (out.emailAddress && !isEmailAddress(out.emailAddress)) {
    throw invalidEmail(`${at}emailAddress`, out.emailAddress);
  }
  return out as CustomerInput;
}
