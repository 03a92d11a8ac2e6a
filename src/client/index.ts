/**
 * `cert-elements/client`: the headless client the elements use. No DOM rendering, no Lit.
 *
 * ```ts
 * import { CertClient } from 'cert-elements/client';
 * const client = new CertClient({ tokenEndpoint: '/cert-token', customerCode: 'C-1001' });
 * const verdict = await client.status({ country: 'US', region: 'WA' });
 * ```
 */
export type * from './contract.js';
export { ALL_SCOPES, CERT_STATUSES } from './contract.js';
export { CertClient, freshHeaders, useStatusBatching, type CertClientOptions, type StatusQuery, type StatusOptions, type CallOptions, type StatusBatching } from './cert-client.js';
export { apiError, CertApiError, configError, isAbort, toErrorDetail } from './errors.js';
export { TokenSource, tokenSource, type FetchToken, type TokenSourceOptions } from './token-source.js';
export { pollInvitation, pollWhileVisible, type PollOptions } from './invitation-poller.js';
export { safeLink } from './safe-link.js';
export { enableStatusBatching, type BatchItem } from './status-batcher.js';
import { enableStatusBatching } from './status-batcher.js';
// The headless client batches staff status asks, as `cert-elements/cert-status.js` does.
enableStatusBatching();
export { timings } from './timings.js';
export {
  checkCertificateFile,
  MAX_CERTIFICATE_BYTES,
  sniffCertificateFile,
  uploadCertificate,
  uploadTimings,
  type CertificateFields,
  type CertificateFileKind,
  type UploadOptions,
  type UploadTarget,
} from './upload.js';
