/**
 * AvaTax REST v2 models as they travel on the wire: JSON members named as the API names them,
 * enums written as names, dates as strings. One module for both sides: the sandbox builds these
 * shapes and the companion reads them (through `Received<T>`, see server/avatax/models.ts), so a
 * member renamed here breaks the build of whichever side still uses the old name.
 *
 * Members are typed as AvaTax sends them when it includes them; AvaTax leaves out members that
 * are null, which the optional marks (`?`) say.
 */

/** A page of a list: `@nextLink` is present only when more pages follow. */
export interface FetchResult<T> {
  '@recordsetCount': number;
  value: T[];
  '@nextLink'?: string;
}

/** `GET /api/v2/utilities/ping`. */
export interface PingResultModel {
  version: string;
  authenticated: boolean;
  authenticationType?: string;
  authenticatedUserName?: string;
  authenticatedUserId?: number;
  authenticatedAccountId?: number;
  authenticatedCompanyId?: number;
}

/** CertificateRequestDeliveryMethod, by name. */
export type DeliveryMethod = 'Email' | 'Fax' | 'Download';

/** CertificateEcmStatus, by name: whether a certificate exempts on the day it was read. */
export type EcmStatus = 'None' | 'Expired' | 'Invalid' | 'Valid' | 'PendingFuture';

export interface ExposureZoneModel {
  id: number;
  companyId: number;
  name: string;
  tag: string;
  description: string;
  created: string;
  modified: string;
  region: string;
  country: string;
}

export interface ExemptionReasonModel {
  id: number;
  name: string;
}

export interface CoverLetterModel {
  id: number;
  companyId: number;
  title: string;
  subject: string;
  description: string;
  createdDate: string;
  modifiedDate: string;
  active: boolean;
  pageCount: number;
  templateFilename: string;
  version: number;
}

/** CertificateAttributeModel (also the body items of attribute link/unlink). */
export interface CertificateAttributeModel {
  id: number;
  name: string;
  description: string;
  isSystemCode: boolean;
}

/** ActiveCertificateModel: a customer's `$include=active_certificates` entries. */
export interface ActiveCertificateModel {
  id: number;
  created: string;
  modified: string;
  actualTaxNumber?: string;
  exposureZone: ExposureZoneModel;
  actualTaxCode: ExemptionReasonModel;
  certificate: CertificateModel;
}

/** CustomerModel collections that `$include` adds. */
export type CustomerCollection = 'customFields' | 'billTos' | 'shipTos' | 'attributes' | 'histories' | 'jobs' | 'logs' | 'shipToStates';

export interface CustomerModel {
  id: number;
  companyId: number;
  /** Unique per company, case-sensitive. */
  customerCode: string;
  alternateId?: string;
  name: string;
  attnName?: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
  phoneNumber?: string;
  faxNumber?: string;
  emailAddress?: string;
  contactName?: string;
  taxpayerIdNumber?: string;
  isBill?: boolean;
  isShip?: boolean;
  createdDate: string;
  modifiedDate: string;
  certificates?: CertificateModel[];
  activeCertificates?: ActiveCertificateModel[];
  customFields?: never[];
  billTos?: never[];
  shipTos?: never[];
  attributes?: never[];
  histories?: never[];
  jobs?: never[];
  logs?: never[];
  shipToStates?: never[];
}

export interface CertificateModel {
  id: number;
  companyId: number;
  signedDate: string;
  expirationDate?: string;
  filename?: string;
  documentExists: boolean;
  valid: boolean;
  verified: boolean;
  exemptPercentage: number;
  isSingleCertificate: boolean;
  exemptionNumber?: string;
  validatedExemptionReason?: ExemptionReasonModel;
  exemptionReason: ExemptionReasonModel;
  status: string;
  ecmStatus: EcmStatus;
  createdDate: string;
  modifiedDate: string;
  taxNumberType?: string;
  businessNumberType?: string;
  pageCount: number;
  customers?: CustomerModel[];
  poNumbers?: unknown[];
  attributes?: CertificateAttributeModel[];
  histories?: unknown[];
  jobs?: unknown[];
  logs?: unknown[];
  invalidReasons?: unknown[];
  customFields?: unknown[];
  jurisdictions?: unknown[];
  exposureZone: ExposureZoneModel;
  exposureZoneName: string;
  /** Create only: the document, base64 PDF. */
  pdf?: string;
  /** Create only: the document, base64 images, one per page. */
  pages?: string[];
}

/**
 * ExemptionStatusModel: ListValidCertificatesForCustomer (`Exempt` / `NotExempt`), and as the
 * SDKs type them, the active and inactive certificate lists of a customer.
 */
export interface ExemptionStatusModel {
  status: string;
  certificate: CertificateModel | null;
}

/** CreateCertExpressInvitationModel: one item of a CreateCertExpressInvitation body. */
export interface CreateCertExpressInvitationModel {
  recipient?: string;
  coverLetterTitle?: string;
  exposureZones?: number[];
  exemptReasons?: number[];
  deliveryMethod: DeliveryMethod;
  message?: string;
}

export interface CertExpressInvitationModel {
  id: number;
  companyId: number;
  recipient?: string;
  customerCode: string;
  customer?: CustomerModel;
  coverLetter: CoverLetterModel;
  emailStatus: string | null;
  coverLettersOnly: boolean;
  exposureZones: number[];
  exemptReasons: number[];
  deliveryMethod: DeliveryMethod;
  message?: string;
  date: string;
  requestLink: string | null;
}

/** CertExpressInvitationStatusModel: readiness lives here, not on the invitation itself. */
export interface CertExpressInvitationStatusModel {
  status: 'InProgress' | 'Ready';
  invitation: CertExpressInvitationModel;
}
