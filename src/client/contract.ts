/**
 * The wire contract between the browser (elements, headless client) and the companion
 * (`cert-elements/server`). Types only: the companion imports them as types, the browser
 * code builds on them, and nothing here runs.
 *
 * Shapes follow design §3–§4. Dates are ISO strings: calendar dates as `YYYY-MM-DD`,
 * instants as full ISO-8601 timestamps in UTC.
 */

/** Space-separated scopes a token may carry. */
export type Scope =
  | 'status:read'
  | 'invite:create'
  | 'certificate:upload'
  | 'certificate:read'
  | 'customer:search';

/** Every scope, in the order the contract lists them. */
export const ALL_SCOPES: readonly Scope[] = [
  'status:read',
  'invite:create',
  'certificate:upload',
  'certificate:read',
  'customer:search',
];

/** Body of `POST {token-endpoint}`. */
export interface TokenRequest {
  customerCode?: string;
  /**
   * Zones the page is about to ask the status of, as ISO 3166-2 codes (`US-WA`, `CA-ON`). A
   * token endpoint may answer their verdicts with the token (`status`), saving the page a round
   * trip; one that ignores this still works.
   */
  status?: string[];
}

/** 200 answer of the token endpoint. */
export interface TokenResponse {
  token: string;
  /** ISO timestamp; the client refreshes ahead of it. */
  expiresAt: string;
  /** The customer the token is scoped to, or `*` for staff. */
  customerCode: string;
  /** Base URL of the cert API; when absent the element's `api-base` attribute is used. */
  apiBase?: string;
  /** Verdicts of the zones the request named in `status` (those it could answer), fresh now. */
  status?: StatusVerdict[];
}

/** A ship-to zone: ISO 3166 country and region (state, province). */
export interface Zone {
  country: string;
  region: string;
  /** Exposure-zone name as AvaTax knows it, e.g. `Washington`. */
  name: string;
}

/**
 * Verdict for one zone:
 * - `exempt`: a valid certificate covers the zone today;
 * - `expiring`: valid today, expires within 30 days;
 * - `pending`: received, not yet validated;
 * - `expired`: the newest certificate for the zone has expired;
 * - `invalid`: revoked or rejected;
 * - `missing`: nothing on file (including a customer AvaTax does not know).
 */
export type CertStatus = 'exempt' | 'expiring' | 'pending' | 'expired' | 'invalid' | 'missing';

export const CERT_STATUSES: readonly CertStatus[] = ['exempt', 'expiring', 'pending', 'expired', 'invalid', 'missing'];

/** A certificate as the elements show it. */
export interface CertificateSummary {
  id: number;
  /** Exemption reason name, e.g. `RESALE`. */
  exemptionReason: string;
  /** `YYYY-MM-DD` */
  signedDate: string;
  /** `YYYY-MM-DD`, or null for a certificate without an end date. */
  expirationDate: string | null;
  /** Exposure-zone name, e.g. `Washington`. */
  exposureZone: string;
  /** A document (PDF or image) is stored and can be fetched through the document route. */
  documentAvailable: boolean;
  /** Exemption (tax) number printed on the certificate, when known. */
  exemptionNumber?: string | null;
}

/** `GET /v1/status?country=&region=` */
export interface StatusVerdict {
  customerCode: string;
  zone: Zone;
  status: CertStatus;
  certificate: CertificateSummary | null;
  /** ISO timestamp of the upstream check. */
  checkedAt: string;
  /**
   * Asked for (`requests=1`): the open certificate request of a zone that is `missing`,
   * `expired` or `invalid`, or null when nobody was asked (or the customer answered since).
   * Absent when not asked for, and for the other statuses.
   */
  request?: OpenRequest | null;
}

/**
 * A certificate request (CertExpress invitation) still waiting for the customer: the newest for
 * the customer and zone within the reuse window, with no certificate of the zone created since.
 */
export interface OpenRequest {
  /** The invitation id. */
  id: number;
  /** When it was sent (ISO). */
  createdAt: string;
  deliveryMethod: DeliveryMethod;
  /**
   * The address or number it went to (Email, Fax; null for Download). Masked for a customer's
   * own token (`p•••@rainier-supply.example`, `•••4567`); staff see it whole.
   */
  recipient: string | null;
  /** Its form is ready: a Download link to open, or an email or fax that went out. */
  ready: boolean;
  /** The form link of a ready Download request (`https:`, or `http:` on loopback), else null. */
  requestLink: string | null;
}

/** One certificate on file with its zone and state (the list form of status). */
export interface CertificateOnFile {
  zone: Zone;
  status: Exclude<CertStatus, 'missing'>;
  certificate: CertificateSummary;
}

/** `GET /v1/status` without a region (optionally `?country=`). */
export interface StatusList {
  customerCode: string;
  /** Present when the list was narrowed to one country. */
  country?: string;
  certificates: CertificateOnFile[];
  checkedAt: string;
}

/** `POST /v1/status/batch` body (staff only, at most 100 items). */
export interface BatchStatusRequest {
  items: Array<{ customerCode: string; country: string; region: string }>;
}

/** One result of a batch: the verdict, or an error for that item alone. */
export type BatchStatusItem =
  | ({ ok: true } & StatusVerdict)
  | { ok: false; customerCode: string; country: string; region: string; error: ErrorDetail };

/** `POST /v1/status/batch` answer, items in request order. */
export interface BatchStatusResponse {
  items: BatchStatusItem[];
}

export type DeliveryMethod = 'Download' | 'Email' | 'Fax';

/** `POST /v1/invitations` body. */
export interface InvitationRequest {
  country: string;
  region: string;
  deliveryMethod: DeliveryMethod;
  /** Email address (Email) or fax number (Fax); defaults to what the customer record holds. */
  recipient?: string;
  /** Cover letter title; default `STANDARD_REQUEST`. */
  coverLetterTitle?: string;
  /** Staff tokens name the customer; customer tokens may omit it (their own). */
  customerCode?: string;
  /**
   * A reminder: a new Email or Fax invitation although an open one could be reused (counted by
   * the invitation rate limit, like any new one).
   */
  reminder?: boolean;
}

export type InvitationStatus = 'InProgress' | 'Ready';

/** Invitation as the elements see it. */
export interface Invitation {
  id: number;
  status: InvitationStatus;
  deliveryMethod: DeliveryMethod;
  /** Set once a Download invitation is Ready. */
  requestLink: string | null;
  /** `Sent` once an Email/Fax invitation went out. */
  emailStatus: string | null;
  createdAt: string;
  /** True when an open invitation for the same zone and delivery method was returned instead of a new one. */
  reused: boolean;
  customerCode?: string;
  recipient?: string | null;
}

/** `GET /v1/cover-letters` item. */
export interface CoverLetter {
  title: string;
  subject: string;
  description: string;
}

/** `GET /v1/exposure-zones` item. */
export interface ExposureZone {
  id: number;
  name: string;
  country: string;
  region: string;
}

/** `GET /v1/exemption-reasons` item: `name` is what `POST /v1/certificates` takes as `exemptionReason`. */
export interface ExemptionReason {
  id: number;
  name: string;
}

/** `GET /v1/customers?q=` item (staff). */
export interface CustomerSummary {
  customerCode: string;
  name: string;
  city: string | null;
  region: string | null;
  country: string | null;
  postalCode: string | null;
  emailAddress: string | null;
  faxNumber: string | null;
}

/** `GET /v1/customers?q=` answer. */
export interface CustomerSearchResult {
  customers: CustomerSummary[];
  /** Total matches upstream (the list holds at most the first page). */
  total: number;
}

/** `POST /v1/certificates` answer. */
export interface UploadResult {
  customerCode: string;
  certificate: CertificateSummary;
  zone: Zone;
  status: CertStatus;
}

/** `GET /v1/health` answer. */
export interface Health {
  ok: boolean;
  upstream: 'reachable' | 'unreachable' | 'unauthorized';
  /**
   * The state shared between instances: `unavailable` while it cannot be reached (the
   * companion then reads AvaTax for every status and refuses rate-limited writes).
   */
  store: 'ok' | 'unavailable';
  version: string;
}

/** Error codes of the cert API. */
export type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid_request'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'upstream_unavailable'
  | 'upstream_error'
  | 'timeout'
  | 'network_error'
  | 'configuration_error'
  /** The companion failed in a way it did not expect (500); the message stays generic. */
  | 'internal_error';

/** The `error` member of every error answer; `message` is safe to show to a person. */
export interface ErrorDetail {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  /** For `invalid_request`: the fields at fault. */
  fields?: string[];
}

export interface ErrorBody {
  error: ErrorDetail;
}
