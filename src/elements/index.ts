/** Element classes and their types, without registering anything. */
export { CertElement, VERSION, type CommonState } from './cert-element.js';
export { CertStatusElement, type CertStatusState } from './cert-status.js';
export { CertExpressLinkElement, type CertExpressLinkState } from './certexpress-link.js';
export { define } from './define.js';
export type * from './events.js';
