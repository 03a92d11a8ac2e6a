/** Registers `<customer-lookup>`. The package's only side effects live in these define modules. */
import { CustomerLookupElement } from './customer-lookup/customer-lookup.js';
import { define } from './shared/define.js';

define('customer-lookup', CustomerLookupElement);

export { CustomerLookupElement };
export type { CustomerLookupState, CustomerSelectDetail, CustomerSelectEvent } from './customer-lookup/customer-lookup.js';
