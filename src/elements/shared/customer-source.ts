import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SelectedCustomer } from './cert-element.js';

/** An element that can follow a `<customer-lookup>` named by its `customer-source` attribute. */
export interface CustomerSourceHost extends ReactiveControllerHost, HTMLElement {
  customerSource?: string;
  customerCode?: string;
  customer?: SelectedCustomer;
  state: string;
}

/**
 * The `customer-source` behaviour of the full element classes (not in the storefront bundle):
 * while the element is connected it follows the named lookup's choices (that code loads on first
 * use) and holds the element in the `choose` state until a customer is chosen.
 */
export class CustomerSourceFollower implements ReactiveController {
  #linked?: AbortController;

  constructor(private readonly host: CustomerSourceHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#linked?.abort();
    this.#linked = undefined;
  }

  /** Starts following (once per connection); true, with the state set to `choose`, while no customer is chosen. */
  waiting(): boolean {
    const el = this.host;
    if (!el.customerSource) return false;
    if (!this.#linked) {
      const { signal } = (this.#linked = new AbortController());
      void import('./customer-follow.js').then((m) => signal.aborted || m.followCustomerSource(el, signal));
    }
    // Following a lookup with nothing chosen yet: a neutral prompt, not an error.
    if (el.customerCode) return false;
    el.state = 'choose';
    return true;
  }
}
