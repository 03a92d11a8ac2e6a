import type { SelectedCustomer } from './cert-element.js';

/** What following a lookup needs of an element (kept to types so this module loads on its own). */
interface Follower extends Element {
  customerSource?: string;
  customerCode?: string;
  customer?: SelectedCustomer;
}

/**
 * Makes `el` follow the `<customer-lookup>` its `customer-source` names: each `customer-select`
 * from that lookup sets `customer` and `customerCode`. Listening on the root (document or shadow
 * root) also catches a lookup added later; one that already holds a choice is adopted at once.
 * Loaded only by elements that use `customer-source`, so storefront pages never fetch it.
 */
export function followCustomerSource(el: Follower, signal: AbortSignal): void {
  const root = el.getRootNode() as Document | ShadowRoot;
  const adopt = (customer?: SelectedCustomer): void => {
    if (customer?.customerCode) {
      el.customer = customer;
      el.customerCode = customer.customerCode;
    }
  };
  root.addEventListener(
    'customer-select',
    (e) => {
      const id = el.customerSource;
      if (id && e.composedPath().some((node) => (node as Element).id === id)) {
        adopt((e as CustomEvent<{ customer?: SelectedCustomer }>).detail?.customer);
      }
    },
    { signal },
  );
  if (!el.customerCode) adopt((root.getElementById(el.customerSource!) as Follower | null)?.customer);
}
