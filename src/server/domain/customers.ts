import type { CustomerSearchResult, CustomerSummary } from '../../client/contract.js';
import type { AvaTaxGateway } from '../avatax/client.js';
import type { AvaCustomer } from '../avatax/models.js';
import type { CustomerProfile } from '../config.js';
import { writeOutcome } from '../avatax/upstream-errors.js';
import { ApiError, invalidRequest } from '../errors.js';

/** Search answers hold at most this many customers. */
export const SEARCH_LIMIT = 20;

/** Quotes a string for an AvaTax `$filter` (single quotes doubled). */
export const filterString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** Customer records upstream: find them, and create one from a token's profile when missing. */
export class CustomerRecords {
  readonly #gateway: AvaTaxGateway;

  constructor(gateway: AvaTaxGateway) {
    this.#gateway = gateway;
  }

  /**
   * The AvaTax customer, created from `profile` when AvaTax does not know it yet.
   * A 400 names the profile fields that are missing to create it.
   */
  async ensure(companyId: number, customerCode: string, profile: CustomerProfile | undefined): Promise<AvaCustomer> {
    return (await this.find(companyId, customerCode)) ?? this.createFromProfile(companyId, customerCode, profile);
  }

  /** The AvaTax customer, or null when AvaTax does not know it. */
  find(companyId: number, customerCode: string): Promise<AvaCustomer | null> {
    return this.#gateway.getCustomer(companyId, customerCode);
  }

  /** Creates the customer from a token's profile; a 400 names the fields it lacks. */
  async createFromProfile(companyId: number, customerCode: string, profile: CustomerProfile | undefined): Promise<AvaCustomer> {
    const missing = missingProfileFields(profile);
    if (missing.length || !profile) {
      throw invalidRequest(
        `AvaTax does not know customer ${customerCode} yet, and the token's profile lacks what is needed to create it: ${missing.join(', ')}.`,
        missing.map((f) => `profile.${f}`),
      );
    }
    const model: AvaCustomer = {
      companyId,
      customerCode,
      name: profile.name,
      line1: profile.line1 as string,
      city: profile.city as string,
      postalCode: profile.postalCode as string,
      country: (profile.country as string).toUpperCase(),
    };
    if (profile.region) model.region = profile.region.toUpperCase();
    if (profile.emailAddress) model.emailAddress = profile.emailAddress;
    if (profile.phoneNumber) model.phoneNumber = profile.phoneNumber;
    if (profile.faxNumber) model.faxNumber = profile.faxNumber;
    try {
      return await this.#gateway.createCustomer(companyId, model);
    } catch (error) {
      // Another request created it a moment ago, or this one landed although its answer was
      // lost: use that record.
      if (isDuplicate(error) || writeOutcome(error) === 'no-answer') {
        const created = await this.#gateway.getCustomer(companyId, customerCode);
        if (created) return created;
      }
      throw error;
    }
  }

  /** Customers whose code starts with `q`, or whose name or city contains it. */
  async search(companyId: number, q: string): Promise<CustomerSearchResult> {
    const quoted = filterString(q);
    const filter = `customerCode startswith ${quoted} or name contains ${quoted} or city contains ${quoted}`;
    const page = await this.#gateway.queryCustomers(companyId, filter, SEARCH_LIMIT);
    const customers = (page.value ?? []).slice(0, SEARCH_LIMIT).map(toCustomerSummary);
    return { customers, total: page['@recordsetCount'] ?? customers.length };
  }
}

/** Fields a profile needs before AvaTax can create a customer from it. */
export function missingProfileFields(profile: CustomerProfile | undefined): string[] {
  const required: (keyof CustomerProfile)[] = ['name', 'line1', 'city', 'postalCode', 'country'];
  const country = profile?.country?.toUpperCase();
  if (country === 'US' || country === 'CA' || country === 'USA' || country === 'CAN') required.push('region');
  return required.filter((field) => !profile?.[field]?.trim());
}

function isDuplicate(error: unknown): boolean {
  return error instanceof ApiError && (error.cause as { code?: unknown } | undefined)?.code === 'DuplicateEntry';
}

function toCustomerSummary(c: AvaCustomer): CustomerSummary {
  return {
    customerCode: c.customerCode ?? '',
    name: c.name ?? '',
    city: c.city ?? null,
    region: c.region ?? null,
    country: c.country ?? null,
    postalCode: c.postalCode ?? null,
    emailAddress: c.emailAddress ?? null,
    faxNumber: c.faxNumber ?? null,
  };
}
