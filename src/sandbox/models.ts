/**
 * AvaTax wire models and their derivation from stored records. Field names follow the
 * AvaTax REST v2 models; enums are written as names. Like AvaTax, absent optional values
 * are omitted rather than sent as null (except where the API shape needs an explicit null).
 */
import type { Catalogue } from './definitions/catalogue.js';
import type { CertificateRecord, CustomerRecord, DeliveryMethod, InvitationRecord } from './store/types.js';
import { ecmStatusOn, type EcmStatus } from './store/validity.js';

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

export interface CustomerModel extends CustomerRecord {
  companyId: number;
  certificates?: CertificateModel[];
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
  attributes?: unknown[];
  histories?: unknown[];
  jobs?: unknown[];
  logs?: unknown[];
  invalidReasons?: unknown[];
  customFields?: unknown[];
  jurisdictions?: unknown[];
  exposureZone: ExposureZoneModel;
  exposureZoneName: string;
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
  /** Not in the AvaTax model: lets a poller tell readiness without guessing from requestLink. */
  status: 'InProgress' | 'Ready';
}

/** What model builders need to know about the moment and the sandbox. */
export interface ModelContext {
  companyId: number;
  catalogue: Catalogue;
  /** Today as `YYYY-MM-DD` on the sandbox clock. */
  today: string;
  /** Wall-clock epoch ms (invitation readiness). */
  nowMs: number;
  /** Base URL of the sandbox, for request links. */
  baseUrl: string;
}

/** `$include` values for certificates that map to (always empty) collections here. */
const EMPTY_CERT_INCLUDES: ReadonlyArray<[include: string, field: keyof CertificateModel]> = [
  ['po_numbers', 'poNumbers'],
  ['attributes', 'attributes'],
  ['histories', 'histories'],
  ['jobs', 'jobs'],
  ['logs', 'logs'],
  ['invalid_reasons', 'invalidReasons'],
  ['custom_fields', 'customFields'],
  ['jurisdictions', 'jurisdictions'],
];

/** Parses `$include` into a lower-case set (comma separated; AvaTax also spells `PoNumbers`). */
export function parseInclude(value: string | null): Set<string> {
  const set = new Set<string>();
  for (const part of (value ?? '').split(',')) {
    const name = part.trim().toLowerCase();
    if (name) set.add(name === 'ponumbers' ? 'po_numbers' : name);
  }
  return set;
}

export function customerModel(
  customer: CustomerRecord,
  ctx: ModelContext,
  certificates?: readonly CertificateRecord[],
): CustomerModel {
  const model: CustomerModel = { ...customer, companyId: ctx.companyId };
  if (certificates) model.certificates = certificates.map((c) => certificateModel(c, ctx));
  return model;
}

export function certificateModel(
  certificate: CertificateRecord,
  ctx: ModelContext,
  include: ReadonlySet<string> = new Set(),
  customers?: readonly CustomerRecord[],
): CertificateModel {
  const zone = ctx.catalogue.zoneById(certificate.exposureZoneId);
  const reason = ctx.catalogue.reasonById(certificate.exemptionReasonId);
  if (!zone || !reason) throw new Error(`certificate ${certificate.id} refers to unknown reference data`);
  const model: CertificateModel = {
    id: certificate.id,
    companyId: ctx.companyId,
    signedDate: certificate.signedDate,
    documentExists: certificate.document !== null,
    valid: certificate.valid,
    verified: certificate.verified,
    exemptPercentage: certificate.exemptPercentage,
    isSingleCertificate: false,
    exemptionReason: { ...reason },
    status: certificate.status,
    ecmStatus: ecmStatusOn(certificate, ctx.today),
    createdDate: certificate.createdDate,
    modifiedDate: certificate.modifiedDate.slice(0, 10),
    pageCount: pageCount(certificate),
    exposureZone: { ...zone },
    exposureZoneName: zone.name,
  };
  if (certificate.expirationDate !== null) model.expirationDate = certificate.expirationDate;
  if (certificate.filename) model.filename = certificate.filename;
  if (certificate.exemptionNumber) model.exemptionNumber = certificate.exemptionNumber;
  if (certificate.verified) model.validatedExemptionReason = { ...reason };
  if (certificate.taxNumberType) model.taxNumberType = certificate.taxNumberType;
  if (certificate.businessNumberType) model.businessNumberType = certificate.businessNumberType;
  if (include.has('customers') && customers) model.customers = customers.map((c) => customerModel(c, ctx));
  for (const [name, field] of EMPTY_CERT_INCLUDES) {
    if (include.has(name)) (model as unknown as Record<string, unknown[]>)[field] = [];
  }
  return model;
}

function pageCount(certificate: CertificateRecord): number {
  const document = certificate.document;
  if (document === null) return 0;
  if (document.kind === 'generated') return 1;
  return document.kind === 'jpeg' ? document.pagesBase64.length : document.pages;
}

/** True once the invitation's CertExpress page is built. */
export function invitationReady(invitation: InvitationRecord, nowMs: number): boolean {
  return invitation.readyAtMs !== null && nowMs >= invitation.readyAtMs;
}

/** The CertExpress link of an invitation. */
export function requestLinkOf(invitation: InvitationRecord, baseUrl: string): string {
  return `${baseUrl}/certexpress/${invitation.token}`;
}

export function invitationModel(
  invitation: InvitationRecord,
  ctx: ModelContext,
  customer?: CustomerRecord,
): CertExpressInvitationModel {
  const ready = invitationReady(invitation, ctx.nowMs);
  const letter = ctx.catalogue.coverLetterById(invitation.coverLetterId);
  if (!letter) throw new Error(`invitation ${invitation.id} refers to an unknown cover letter`);
  const model: CertExpressInvitationModel = {
    id: invitation.id,
    companyId: ctx.companyId,
    customerCode: invitation.customerCode,
    coverLetter: { ...letter },
    emailStatus: ready && invitation.deliveryMethod !== 'Download' ? 'Sent' : null,
    coverLettersOnly: false,
    exposureZones: [...invitation.exposureZones],
    exemptReasons: [...invitation.exemptReasons],
    deliveryMethod: invitation.deliveryMethod,
    date: invitation.date,
    requestLink: ready && invitation.deliveryMethod === 'Download' ? requestLinkOf(invitation, ctx.baseUrl) : null,
    status: ready ? 'Ready' : 'InProgress',
  };
  if (invitation.recipient !== null) model.recipient = invitation.recipient;
  if (invitation.message) model.message = invitation.message;
  if (customer) model.customer = customerModel(customer, ctx);
  return model;
}
