import type { CertificateOnFile, CertificateSummary, CertStatus, OpenRequest } from '../../client/contract.js';

/** Detail of `cert-status-change`. */
export interface CertStatusChangeDetail {
  /** The verdict; in list mode (no region) the best status on file, or `missing`. */
  status: CertStatus;
  /** The certificate behind the verdict (region mode), else null. */
  certificate: CertificateSummary | null;
  /** Region mode, a zone not covered: the open certificate request (who was asked, when), else null. */
  request: OpenRequest | null;
  /** List mode only: every certificate on file. */
  certificates?: CertificateOnFile[];
}

export type CertStatusChangeEvent = CustomEvent<CertStatusChangeDetail>;

declare global {
  interface HTMLElementEventMap {
    'cert-status-change': CertStatusChangeEvent;
  }
}
