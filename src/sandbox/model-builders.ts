/**
 * AvaTax wire models (src/avatax/models.ts) derived from stored records. Like AvaTax, absent
 * optional values are omitted rather than sent as null (except where the API shape needs an
 * explicit null).
 */
import type {
  ActiveCertificateModel,
  CertExpressInvitationModel,
  CertExpressInvitationStatusModel,
  CertificateModel,
  CustomerCollection,
  CustomerModel,
} from '../avatax/models.js';
import type { Catalogue } from './definitions/catalogue.js';
import type { CertificateRecord, CustomerRecord, InvitationRecord } from './store/types.js';
import { ecmStatusOn } from './store/validity.js';

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

/**
 * `$include` values for customers (AvaTax's list: certificates, attributes,
 * active_certificates, histories, logs, jobs, billTos, shipTos, shipToStates, custom_fields)
 * and the CustomerModel collection each one fills. All but the first two are empty here.
 */
const EMPTY_CUSTOMER_INCLUDES: ReadonlyArray<[include: string, field: CustomerCollection]> = [
  ['attributes', 'attributes'],
  ['histories', 'histories'],
  ['logs', 'logs'],
  ['jobs', 'jobs'],
  ['billtos', 'billTos'],
  ['shiptos', 'shipTos'],
  ['shiptostates', 'shipToStates'],
  ['custom_fields', 'customFields'],
];

/** What `$include` asked to add to a CustomerModel, already resolved by the caller. */
export interface CustomerIncludes {
  include: ReadonlySet<string>;
  certificates?: readonly CertificateRecord[];
  /** The customer's certificates that exempt today. */
  activeCertificates?: readonly CertificateRecord[];
}

export function customerModel(customer: CustomerRecord, ctx: ModelContext, includes?: CustomerIncludes): CustomerModel {
  // Built field by field so nothing stored but not in AvaTax's model can leak onto the wire.
  // name, line1, city, postalCode and country are required members of CustomerModel (avatax
  // 26.9.0 lib/models/CustomerModel.js); a customer AvaTax created implicitly (certificate
  // links) has them empty.
  const model: CustomerModel = {
    id: customer.id,
    companyId: ctx.companyId,
    customerCode: customer.customerCode,
    name: customer.name,
    line1: customer.line1 ?? '',
    city: customer.city ?? '',
    postalCode: customer.postalCode ?? '',
    country: customer.country ?? '',
    createdDate: customer.createdDate,
    modifiedDate: customer.modifiedDate,
  };
  for (const field of OPTIONAL_CUSTOMER_FIELDS) {
    const value = customer[field];
    if (value !== undefined) (model as unknown as Record<string, unknown>)[field] = value;
  }
  if (!includes) return model;
  if (includes.certificates) model.certificates = includes.certificates.map((c) => certificateModel(c, ctx));
  if (includes.activeCertificates) model.activeCertificates = includes.activeCertificates.map((c) => activeCertificateModel(c, ctx));
  for (const [name, field] of EMPTY_CUSTOMER_INCLUDES) {
    if (includes.include.has(name)) model[field] = [];
  }
  return model;
}

const OPTIONAL_CUSTOMER_FIELDS = [
  'alternateId', 'attnName', 'line2', 'region', 'phoneNumber', 'faxNumber', 'emailAddress', 'contactName',
  'taxpayerIdNumber', 'isBill', 'isShip',
] as const satisfies ReadonlyArray<keyof CustomerRecord & keyof CustomerModel>;

function activeCertificateModel(certificate: CertificateRecord, ctx: ModelContext): ActiveCertificateModel {
  const model = certificateModel(certificate, ctx);
  const active: ActiveCertificateModel = {
    id: certificate.id,
    created: certificate.createdDate,
    modified: certificate.modifiedDate,
    exposureZone: model.exposureZone,
    actualTaxCode: model.exemptionReason,
    certificate: model,
  };
  if (certificate.exemptionNumber) active.actualTaxNumber = certificate.exemptionNumber;
  return active;
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
  if (include.has('attributes')) {
    model.attributes = (certificate.attributeIds ?? []).flatMap((id) => ctx.catalogue.attributeById(id) ?? []).map((a) => ({ ...a }));
  }
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
  };
  if (invitation.recipient !== null) model.recipient = invitation.recipient;
  if (invitation.message) model.message = invitation.message;
  if (customer) model.customer = customerModel(customer, ctx);
  return model;
}

/** The CreateCertExpressInvitation answer item: readiness beside the bare invitation. */
export function invitationStatusModel(invitation: InvitationRecord, ctx: ModelContext): CertExpressInvitationStatusModel {
  return { status: invitationReady(invitation, ctx.nowMs) ? 'Ready' : 'InProgress', invitation: invitationModel(invitation, ctx) };
}
