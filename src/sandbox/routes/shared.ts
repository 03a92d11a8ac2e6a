/** Lookups and list helpers shared by the API routes. */
import type { ApiRequest } from '../api.js';
import { notFound } from '../errors.js';
import type { CertificateModel, CustomerModel } from '../../avatax/models.js';
import { certificateModel, customerModel, parseInclude, type CustomerIncludes } from '../model-builders.js';
import type { ListOptions } from '../odata/fetch-result.js';
import { modelContext, type Runtime } from '../runtime.js';
import type { CertificateRecord, CustomerRecord } from '../store/types.js';
import { exemptsOn } from '../store/validity.js';
import { intParam } from '../http/api-body.js';

/** Fields of CertificateModel usable in `$filter` / `$orderBy`. */
export const CERTIFICATE_LIST: ListOptions = {
  fields: [
    'id', 'companyId', 'signedDate', 'expirationDate', 'filename', 'documentExists', 'valid', 'verified',
    'exemptPercentage', 'isSingleCertificate', 'status', 'ecmStatus', 'createdDate', 'modifiedDate',
    'taxNumberType', 'businessNumberType', 'pageCount', 'exemptionReason.id', 'exemptionReason.name',
    'exposureZone.id', 'exposureZone.name', 'exposureZone.region', 'exposureZone.country', 'exposureZoneName',
  ],
  notFilterable: ['exemptionNumber', 'jurisdictions', 'ecmsId', 'ecmsStatus', 'pdf', 'pages'],
  exemptionLimits: true,
  defaultOrder: 'id',
};

/** Fields of CustomerModel usable in `$filter` / `$orderBy`. */
export const CUSTOMER_LIST: ListOptions = {
  fields: [
    'id', 'companyId', 'customerCode', 'alternateId', 'name', 'attnName', 'line1', 'line2', 'city', 'region',
    'postalCode', 'country', 'phoneNumber', 'faxNumber', 'emailAddress', 'contactName', 'taxpayerIdNumber',
    'isBill', 'isShip', 'createdDate', 'modifiedDate',
  ],
  exemptionLimits: true,
  defaultOrder: 'id',
};

/** The customer named by the `customerCode` route parameter, or 404. */
export function customerFromPath(req: ApiRequest, rt: Runtime): CustomerRecord {
  const code = req.params.customerCode ?? '';
  const customer = rt.store.customer(code);
  if (!customer) throw notFound('Customer', 'customerCode', code);
  return customer;
}

/** The certificate named by the `id` route parameter, or 404. */
export function certificateFromPath(req: ApiRequest, rt: Runtime): CertificateRecord {
  const id = intParam(req, 'id', 'Certificate');
  const certificate = rt.store.certificate(id);
  if (!certificate) throw notFound('Certificate', 'id', id);
  return certificate;
}

/** Builds CertificateModels honouring `$include` (customers are resolved only when asked for). */
export function certificateModels(
  req: ApiRequest,
  rt: Runtime,
  certificates: Iterable<CertificateRecord>,
): CertificateModel[] {
  const include = parseInclude(req.query.get('$include'));
  const ctx = modelContext(rt);
  const withCustomers = include.has('customers');
  const out: CertificateModel[] = [];
  for (const certificate of certificates) {
    const customers = withCustomers ? linkedCustomers(rt, certificate) : undefined;
    out.push(certificateModel(certificate, ctx, include, customers));
  }
  return out;
}

export function linkedCustomers(rt: Runtime, certificate: CertificateRecord): CustomerRecord[] {
  return certificate.customerCodes.map((code) => rt.store.customer(code)).filter((c): c is CustomerRecord => !!c);
}

/** Builds CustomerModels honouring `$include` (certificates are resolved only when asked for). */
export function customerModels(req: ApiRequest, rt: Runtime, customers: Iterable<CustomerRecord>): CustomerModel[] {
  const include = parseInclude(req.query.get('$include'));
  const ctx = modelContext(rt);
  const out: CustomerModel[] = [];
  for (const customer of customers) {
    const includes: CustomerIncludes = { include };
    const needsCertificates = include.has('certificates') || include.has('active_certificates');
    const certificates = needsCertificates ? rt.store.certificatesOf(customer.customerCode) : [];
    if (include.has('certificates')) includes.certificates = certificates;
    if (include.has('active_certificates')) includes.activeCertificates = certificates.filter((c) => exemptsOn(c, ctx.today));
    out.push(customerModel(customer, ctx, includes));
  }
  return out;
}
