/** Element classes and their types, without registering anything. */
export { CertElementBase } from './shared/cert-element-base.js';
export { CertElement, VERSION, type CommonState, type SelectedCustomer } from './shared/cert-element.js';
export { CertStatusBase } from './cert-status/cert-status-base.js';
export { CertStatusElement, type CertStatusState } from './cert-status/cert-status.js';
export { CertExpressLinkBase } from './certexpress-link/certexpress-link-base.js';
export { CertExpressLinkElement, type CertExpressLinkState } from './certexpress-link/certexpress-link.js';
export { CustomerLookupElement, type CustomerLookupState } from './customer-lookup/customer-lookup.js';
export { CertUploadElement, type CertUploadState } from './cert-upload/cert-upload.js';
export { define } from './shared/define.js';
export { defineStrings, type HostStrings, type Strings } from './shared/i18n.js';
export type * from './shared/events.js';
export type * from './customer-lookup/customer-lookup.events.js';
export type * from './cert-upload/cert-upload.events.js';
