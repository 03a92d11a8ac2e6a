import type { CustomerSummary } from '../../client/contract.js';

/** A customer as a `<customer-lookup>` reports it in `customer-select`; only `customerCode` is required. */
export type SelectedCustomer = Partial<CustomerSummary> & { customerCode: string };
