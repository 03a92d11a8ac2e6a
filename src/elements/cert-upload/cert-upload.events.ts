import type { UploadResult } from '../../client/contract.js';

/** Detail of `cert-uploaded`: the companion's answer (`{customerCode, certificate, zone, status}`). */
export type CertUploadedDetail = UploadResult;

export type CertUploadedEvent = CustomEvent<CertUploadedDetail>;

declare global {
  interface HTMLElementEventMap {
    'cert-uploaded': CertUploadedEvent;
  }
}
