/**
 * The sandbox's stored records. They are what gets persisted; wire models are derived
 * from them on every read (see model-builders.ts), so derived facts such as `ecmStatus` or an
 * invitation's readiness can never go stale in the data file.
 */
import type { CustomerModel, DeliveryMethod } from '../../avatax/models.js';

/** CertificateModel.status values the sandbox stores. */
export type CertificateStatus = 'COMPLETE' | 'PENDING' | 'PENDING-FUTURE' | 'PENDING-MULTI' | 'PENDING-SINGLE' | 'REVOKED';

/** CustomerModel fields a stored customer may leave out until they are given. */
type CustomerDetail = 'alternateId' | 'attnName' | 'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'country'
  | 'phoneNumber' | 'faxNumber' | 'emailAddress' | 'contactName' | 'taxpayerIdNumber' | 'isBill' | 'isShip';

/** A stored customer: CustomerModel's own fields (so a field renamed there is renamed here), codes and times ISO. */
export type CustomerRecord = Pick<CustomerModel, 'id' | 'customerCode' | 'name' | 'createdDate' | 'modifiedDate'> & Partial<Pick<CustomerModel, CustomerDetail>>;

/** A certificate's stored image. `generated` documents are rendered from the record on download. */
export type StoredDocument =
  | { kind: 'generated' }
  | { kind: 'pdf' | 'png' | 'tiff'; base64: string; pages: number }
  | { kind: 'jpeg'; pagesBase64: string[] };

export interface CertificateRecord {
  id: number;
  /** `YYYY-MM-DD` */
  signedDate: string;
  /** `YYYY-MM-DD`, or null when open-ended. */
  expirationDate: string | null;
  filename?: string;
  exemptionNumber?: string;
  exemptionReasonId: number;
  exposureZoneId: number;
  status: CertificateStatus;
  valid: boolean;
  verified: boolean;
  exemptPercentage: number;
  taxNumberType?: string;
  businessNumberType?: string;
  /** Linked customer codes, in link order. */
  customerCodes: string[];
  /** Linked certificate attribute ids, in link order (absent in older data files = none). */
  attributeIds?: number[];
  document: StoredDocument | null;
  createdDate: string;
  modifiedDate: string;
}

export interface InvitationRecord {
  id: number;
  customerCode: string;
  recipient: string | null;
  deliveryMethod: DeliveryMethod;
  coverLetterId: number;
  exposureZones: number[];
  exemptReasons: number[];
  message?: string;
  /** ISO timestamp from the sandbox clock. */
  date: string;
  /** Wall-clock epoch ms at which it becomes Ready; null = stuck InProgress forever. */
  readyAtMs: number | null;
  /** Unguessable token of its CertExpress page. */
  token: string;
  /** Fax number captured at creation for Fax delivery. */
  faxNumber?: string;
  /** The buyer's last submission on its CertExpress page: when, and the certificates it made. */
  submitted?: { at: string; certificateIds: number[] };
}

export type ProvisionStatus = 'Provisioned' | 'InProgress' | 'NotProvisioned';

/** Everything the data file holds. */
export interface SandboxState {
  /** UTC day the data was seeded (`YYYY-MM-DD`); seed dates are relative to it. */
  seedDay: string;
  provision: { status: ProvisionStatus; readyAtMs: number | null };
  nextIds: { customer: number; certificate: number; invitation: number };
  customers: CustomerRecord[];
  certificates: CertificateRecord[];
  invitations: InvitationRecord[];
}
