import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SelectedCustomer } from './customer.js';

// `customer-source` (staff screens): loaded by the first element that has it (see
// `CertElement.restart`), so a page without it never fetches this module.

/** An element that can follow a `<customer-lookup>` named by its `customer-source` attribute. */
export interface CustomerSourceHost extends ReactiveControllerHost, HTMLElement {
  customerSource?: string;
  customerCode?: string;
  customer?: SelectedCustomer;
}

/**
 * The `customer-source` behaviour every element shares: while the element is connected it
 * follows the choices of the lookup its `customer-source` names. Until one is chosen the element
 * waits in the `choose` state (set by the element, which starts its work once `customerCode` is).
 */
export class CustomerSourceController implements ReactiveController {
  #linked?: AbortController;

  constructor(private readonly host: CustomerSourceHost) {
    // Calls hostConnected at once when the host is connected already.
    host.addController(this);
  }

  hostConnected(): void {
    this.#linked?.abort();
    followCustomerSource(this.host, (this.#linked = new AbortController()).signal);
  }

  hostDisconnected(): void {
    this.#linked?.abort();
  }
}

/**
 * Makes `el` follow the `<customer-lookup>` its `customer-source` names: each `customer-select`
 * from that lookup sets `customer` and `customerCode`. Listening on the root (document or shadow
 * root) also catches a lookup added later; one that already holds a choice is adopted at once.
 */
function followCustomerSource(el: CustomerSourceHost, signal: AbortSignal): void {
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
  if (!el.customerCode) adopt((root.getElementById(el.customerSource!) as CustomerSourceHost | null)?.customer);
}
