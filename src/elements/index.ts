/** Element classes and their types, without registering anything. */
export { CertElementBase } from './cert-element-base.js';
export { CertElement, VERSION, type CommonState, type SelectedCustomer } from './cert-element.js';
export { CertStatusBase } from './cert-status-base.js';
export { CertStatusElement, type CertStatusState } from './cert-status.js';
export { CertExpressLinkBase } from './certexpress-link-base.js';
export { CertExpressLinkElement, type CertExpressLinkState } from './certexpress-link.js';
export { CustomerLookupElement, type CustomerLookupState } from './customer-lookup.js';
export { CertUploadElement, type CertUploadState } from './cert-upload.js';
export { define } from './define.js';
export { defineStrings, type HostStrings, type Strings } from './i18n.js';
export type * from './events.js';
export type * from './customer-lookup-events.js';
export type * from './cert-upload-events.js';
