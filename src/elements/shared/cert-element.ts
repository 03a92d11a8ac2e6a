import type { PropertyDeclarations } from 'lit';
import type { CustomerSummary } from '../../client/contract.js';
import { CertElementBase } from './cert-element-base.js';
import { CustomerSourceFollower } from './customer-source.js';
import { serverRenderedRoot } from './server-root.js';

export { VERSION, type CommonState } from './cert-element-base.js';

/** A customer as a `<customer-lookup>` reports it in `customer-select`; only `customerCode` is required. */
export type SelectedCustomer = Partial<CustomerSummary> & { customerCode: string };

/**
 * Shared base of the staff-capable cert elements: {@link CertElementBase} plus `customer-source`
 * (follow a `<customer-lookup>`, showing "Choose a customer" until one is chosen).
 * Not registered as an element itself.
 */
export abstract class CertElement extends CertElementBase {
  static override properties: PropertyDeclarations = {
    customerSource: { attribute: 'customer-source' },
  };

  /**
   * Id of a `<customer-lookup>` in the same document or shadow root: the element follows its
   * `customer-select` events (and shows "Choose a customer" until one is chosen).
   */
  declare customerSource?: string;

  /** The customer chosen through `customer-source` (name, email, fax…), used to prefill forms. */
  customer?: SelectedCustomer;

  #source = new CustomerSourceFollower(this);

  protected override waiting(): boolean {
    return this.#source.waiting();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return serverRenderedRoot(this) ?? super.createRenderRoot();
  }
}
