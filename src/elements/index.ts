/** Element classes and their types, without registering anything. */
import { CertElement } from './shared/cert-element.js';
import { CertStatusElement } from './cert-status/cert-status.js';
import { CertExpressLinkElement } from './certexpress-link/certexpress-link.js';

export { CertElement, CertStatusElement, CertExpressLinkElement };
export { VERSION, type CommonState, type SelectedCustomer } from './shared/cert-element.js';
export type { CertStatusState } from './cert-status/cert-status.js';
export type { CertExpressLinkState } from './certexpress-link/certexpress-link.js';

// The names of the former lean twins, kept for code that imported them: each element is one
// class now, whichever bundle registers it.
/** @deprecated The same class as {@link CertElement}. */
export const CertElementBase = CertElement;
export type CertElementBase = CertElement;
/** @deprecated The same class as {@link CertStatusElement}. */
export const CertStatusBase = CertStatusElement;
export type CertStatusBase = CertStatusElement;
/** @deprecated The same class as {@link CertExpressLinkElement}. */
export const CertExpressLinkBase = CertExpressLinkElement;
export type CertExpressLinkBase = CertExpressLinkElement;
export { CustomerLookupElement, type CustomerLookupState } from './customer-lookup/customer-lookup.js';
export { CertUploadElement, type CertUploadState } from './cert-upload/cert-upload.js';
export { define } from './shared/define.js';
export { defineStrings, type HostStrings, type Strings } from './strings.js';
export type * from './shared/events.js';
export type * from './cert-status/cert-status.events.js';
export type * from './certexpress-link/certexpress-link.events.js';
export type * from './customer-lookup/customer-lookup.events.js';
export type * from './cert-upload/cert-upload.events.js';
