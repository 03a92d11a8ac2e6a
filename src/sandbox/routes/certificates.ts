/** Certificate routes: query, create, get, update, delete, and customer links (both directions). */
import type { ApiRequest, ApiRoute } from '../api.js';
import { deleteInformation, missingField, notFound } from '../errors.js';
import { wrongType } from '../field-errors.js';
import { readJsonArray, readJsonObject } from '../http/api-body.js';
import type { Router } from '../http/router.js';
import { json, type Reply } from '../http/types.js';
import { customerModel } from '../model-builders.js';
import { fetchResult } from '../odata/fetch-result.js';
import { createCertificate, replaceCertificate } from '../operations.js';
import { modelContext, write, type Runtime } from '../runtime.js';
import { parseCertificateInput, parseCertificateReplacement } from './certificate-input.js';
import { checkCustomerCode } from './customer-input.js';
import {
  CERTIFICATE_LIST, certificateFromPath, certificateModels, customerFromPath, CUSTOMER_LIST, linkedCustomers,
} from './shared.js';

const BASE = '/api/v2/companies/:companyId/certificates';

function queryCertificates(req: ApiRequest, rt: Runtime): Reply {
  const models = certificateModels(req, rt, rt.store.allCertificates());
  return json(200, fetchResult(models, req.query, req.path, CERTIFICATE_LIST));
}

async function createCertificates(req: ApiRequest, rt: Runtime): Promise<Reply> {
  const items = await readJsonArray(req, 'CertificateModel');
  const inputs = items.map((item, i) => parseCertificateInput(item, items.length > 1 ? `[${i}].` : '', rt.catalogue));
  const verified = req.query.get('$preValidatedExemptionReason')?.toLowerCase() === 'true';
  const created = await write(rt, () => inputs.map((input) => createCertificate(rt, input, { verified })));
  const include = new URLSearchParams({ $include: 'customers' });
  return json(200, certificateModels({ ...req, query: include }, rt, created));
}

function getCertificate(req: ApiRequest, rt: Runtime): Reply {
  const [model] = certificateModels(req, rt, [certificateFromPath(req, rt)]);
  return json(200, model);
}

/** UpdateCertificate: "replace the certificate identified by this URL with a new one". */
async function updateCertificate(req: ApiRequest, rt: Runtime): Promise<Reply> {
  certificateFromPath(req, rt);
  const replacement = parseCertificateReplacement(await readJsonObject(req, 'CertificateModel'), rt.catalogue);
  // Resolved again after the body arrived: it may have changed or gone meanwhile.
  const certificate = await write(rt, () => {
    const current = certificateFromPath(req, rt);
    replaceCertificate(rt, current, replacement);
    return current;
  });
  const [model] = certificateModels({ ...req, query: new URLSearchParams({ $include: 'customers' }) }, rt, [certificate]);
  return json(200, model);
}

/** DeleteCertificate: AvaTax revokes the certificate, then deletes it with its links and document. */
async function deleteCertificate(req: ApiRequest, rt: Runtime): Promise<Reply> {
  const certificate = await write(rt, () => {
    const current = certificateFromPath(req, rt);
    rt.store.removeCertificate(current);
    return current;
  });
  return json(200, deleteInformation('Certificate', certificate.id));
}

function customersOfCertificate(req: ApiRequest, rt: Runtime): Reply {
  const certificate = certificateFromPath(req, rt);
  const ctx = modelContext(rt);
  const models = linkedCustomers(rt, certificate).map((c) => customerModel(c, ctx));
  return json(200, fetchResult(models, new URLSearchParams(), req.path, CUSTOMER_LIST));
}

async function readList(req: ApiRequest, field: 'customers' | 'certificates'): Promise<unknown[]> {
  const body = await readJsonObject(req, field === 'customers' ? 'LinkCustomersModel' : 'LinkCertificatesModel');
  const list = body[field];
  if (list === undefined || list === null) throw missingField(field);
  if (!Array.isArray(list)) throw wrongType(field, 'an array');
  if (list.length === 0) throw missingField(`${field}[0]`);
  return list;
}

function changeCustomerLinks(unlink: boolean) {
  return async (req: ApiRequest, rt: Runtime): Promise<Reply> => {
    certificateFromPath(req, rt);
    const codes = (await readList(req, 'customers')).map((c, i) => checkCustomerCode(c, `customers[${i}]`));
    await write(rt, () => {
      const certificate = certificateFromPath(req, rt);
      for (const code of codes) if (!rt.store.customer(code)) throw notFound('Customer', 'customerCode', code);
      if (unlink) rt.store.unlink(certificate, codes);
      else rt.store.link(certificate, codes);
    });
    return customersOfCertificate(req, rt);
  };
}

function changeCertificateLinks(unlink: boolean) {
  return async (req: ApiRequest, rt: Runtime): Promise<Reply> => {
    customerFromPath(req, rt);
    const ids = (await readList(req, 'certificates')).map((id, i) => {
      if (typeof id !== 'number' || !Number.isInteger(id)) throw wrongType(`certificates[${i}]`, 'an integer certificate id');
      return id;
    });
    const customer = await write(rt, () => {
      const current = customerFromPath(req, rt);
      const certificates = ids.map((id) => rt.store.certificate(id) ?? throwNotFound(id));
      for (const certificate of certificates) {
        if (unlink) rt.store.unlink(certificate, [current.customerCode]);
        else rt.store.link(certificate, [current.customerCode]);
      }
      return current;
    });
    const models = certificateModels(req, rt, rt.store.certificatesOf(customer.customerCode));
    return json(200, fetchResult(models, new URLSearchParams(), req.path, CERTIFICATE_LIST));
  };
}

function throwNotFound(id: number): never {
  throw notFound('Certificate', 'id', id);
}

export function registerCertificateRoutes(router: Router<ApiRoute>): void {
  const exemption = { needsProvisioning: true };
  const customerCerts = '/api/v2/companies/:companyId/customers/:customerCode/certificates';
  router
    .add('GET', BASE, { handler: queryCertificates, ...exemption })
    .add('POST', BASE, { handler: createCertificates, ...exemption })
    .add('GET', `${BASE}/:id`, { handler: getCertificate, ...exemption })
    .add('PUT', `${BASE}/:id`, { handler: updateCertificate, ...exemption })
    .add('DELETE', `${BASE}/:id`, { handler: deleteCertificate, ...exemption })
    .add('GET', `${BASE}/:id/customers`, { handler: customersOfCertificate, ...exemption })
    .add('POST', `${BASE}/:id/customers/link`, { handler: changeCustomerLinks(false), ...exemption })
    .add('POST', `${BASE}/:id/customers/unlink`, { handler: changeCustomerLinks(true), ...exemption })
    .add('POST', `${customerCerts}/link`, { handler: changeCertificateLinks(false), ...exemption })
    .add('POST', `${customerCerts}/unlink`, { handler: changeCertificateLinks(true), ...exemption });
}

