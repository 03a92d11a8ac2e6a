/**
 * The slice of AvaTax REST v2 models the companion reads and writes, as they appear on the
 * wire (enum values as names, dates as strings). Only the fields the companion uses are typed;
 * everything is optional because AvaTax omits null members.
 */

export interface AvaFetchResult<T> {
  '@recordsetCount'?: number;
  value?: T[];
  '@nextLink'?: string;
}

export interface AvaExemptionReason {
  id?: number;
  name?: string;
}

export interface AvaExposureZone {
  id?: number;
  name?: string;
  tag?: string;
  description?: string;
  region?: string;
  country?: string;
}

export interface AvaCustomerRef {
  companyId?: number;
  customerCode?: string;
}

export interface AvaCertificate {
  id?: number;
  companyId?: number;
  signedDate?: string;
  expirationDate?: string | null;
  filename?: string;
  documentExists?: boolean;
  valid?: boolean;
  verified?: boolean;
  exemptionNumber?: string | null;
  exemptionReason?: AvaExemptionReason | null;
  status?: string;
  ecmStatus?: string;
  createdDate?: string;
  pageCount?: number;
  customers?: AvaCustomerRef[];
  exposureZone?: AvaExposureZone | null;
  pdf?: string;
  pages?: string[];
}

export interface AvaExemptionStatus {
  status?: string;
  certificate?: AvaCertificate | null;
}

export interface AvaCustomer {
  id?: number;
  companyId?: number;
  customerCode?: string;
  name?: string;
  line1?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  phoneNumber?: string;
  faxNumber?: string;
  emailAddress?: string;
}

export type AvaDeliveryMethod = 'Email' | 'Fax' | 'Download';

export interface AvaCreateInvitation {
  recipient?: string;
  coverLetterTitle?: string;
  exposureZones?: number[];
  exemptReasons?: number[];
  deliveryMethod: AvaDeliveryMethod;
}

export interface AvaInvitation {
  id?: number;
  companyId?: number;
  recipient?: string | null;
  customerCode?: string;
  emailStatus?: string | null;
  exposureZones?: number[];
  deliveryMethod?: AvaDeliveryMethod | number;
  date?: string;
  requestLink?: string | null;
}

export interface AvaInvitationStatus {
  status?: string;
  invitation?: AvaInvitation;
}

export interface AvaCoverLetter {
  id?: number;
  title?: string;
  subject?: string;
  description?: string;
  active?: boolean;
}

export interface AvaPingResult {
  version?: string;
  authenticated?: boolean;
}
