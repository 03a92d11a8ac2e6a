/**
 * `cert-elements`: registers every element — `<cert-status>`, `<certexpress-link>`,
 * `<customer-lookup>`, `<cert-upload>` — and exports their classes, event types and the
 * headless client.
 */
import './elements/define-cert-status.js';
import './elements/define-certexpress-link.js';
import './elements/define-customer-lookup.js';
import './elements/define-cert-upload.js';

export * from './elements/index.js';
export type * from './client/index.js';
export {
  apiError,
  CertApiError,
  CertClient,
  checkCertificateFile,
  configError,
  isAbort,
  MAX_CERTIFICATE_BYTES,
  pollInvitation,
  safeLink,
  timings,
  toErrorDetail,
  tokenSource,
  TokenSource,
  uploadCertificate,
  uploadTimings,
} from './client/index.js';
