import type { CertificateOnFile, CertificateSummary, CertStatus, ErrorDetail, OpenRequest } from '../../client/contract.js';

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

/** Detail of `certexpress-invite-created`. */
export interface InviteCreatedDetail {
  id: number;
  /** An open invitation for the zone was reused instead of creating one. */
  reused: boolean;
}

/** Detail of `certexpress-link-ready`. */
export interface LinkReadyDetail {
  url: string;
}

/** Detail of `certexpress-link-open`: the form link the person just opened. */
export type LinkOpenDetail = LinkReadyDetail;

export type CertErrorEvent = CustomEvent<ErrorDetail>;
export type CertStatusChangeEvent = CustomEvent<CertStatusChangeDetail>;
export type InviteCreatedEvent = CustomEvent<InviteCreatedDetail>;
export type LinkReadyEvent = CustomEvent<LinkReadyDetail>;
export type LinkOpenEvent = CustomEvent<LinkOpenDetail>;

declare global {
  interface HTMLElementEventMap {
    'cert-error': CertErrorEvent;
    'cert-status-change': CertStatusChangeEvent;
    'certexpress-invite-created': InviteCreatedEvent;
    'certexpress-link-ready': LinkReadyEvent;
    'certexpress-link-open': LinkOpenEvent;
  }
}

/** Dispatches a bubbling, composed event with `detail` from `target`. */
export const emit = <T>(target: EventTarget, type: string, detail: T): boolean =>
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
