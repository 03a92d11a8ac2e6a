/**
 * `cert-elements`: registers `<cert-status>` and `<certexpress-link>` and exports their classes,
 * event types and the headless client.
 */
import './elements/define-cert-status.js';
import './elements/define-certexpress-link.js';

export * from './elements/index.js';
export type * from './client/index.js';
export { apiError, CertApiError, CertClient, configError, isAbort, pollInvitation, safeLink, timings, toErrorDetail, tokenSource, TokenSource } from './client/index.js';
