import type { CustomerSummary } from '../../client/contract.js';

/** Detail of `customer-select`: the customer the user chose in a `<customer-lookup>`. */
export interface CustomerSelectDetail {
  customer: CustomerSummary;
}

export type CustomerSelectEvent = CustomEvent<CustomerSelectDetail>;

declare global {
  interface HTMLElementEventMap {
    'customer-select': CustomerSelectEvent;
  }
}
