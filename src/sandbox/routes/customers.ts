/** Customer routes: query, create, get, update, and the customer's certificates. */
import type { ApiRequest, ApiRoute } from '../api.js';
import { AvaTaxError } from '../errors.js';
import { readJsonArray, readJsonObject } from '../http/api-body.js';
import type { Router } from '../http/router.js';
import { json, type Reply } from '../http/types.js';
import { customerModel, parseInclude } from '../models.js';
import { fetchResult } from '../odata/fetch-result.js';
import { modelContext, type Runtime } from '../runtime.js';
import type { CustomerRecord } from '../store/types.js';
import { parseCustomerInput } from './customer-input.js';
import { CERTIFICATE_LIST, certificateModels, customerFromPath, CUSTOMER_LIST } from './shared.js';

const BASE = '/api/v2/companies/:companyId/customers';

function customerReply(req: ApiRequest, rt: Runtime, customer: CustomerRecord): Reply {
  const include = parseInclude(req.query.get('$include'));
  const certificates = include.has('certificates') ? rt.store.certificatesOf(customer.customerCode) : undefined;
  return json(200, customerModel(customer, modelContext(rt), certificates));
}

function queryCustomers(req: ApiRequest, rt: Runtime): Reply {
  const include = parseInclude(req.query.get('$include'));
  const ctx = modelContext(rt);
  const models = [...rt.store.allCustomers()].map((c) =>
    customerModel(c, ctx, include.has('certificates') ? rt.store.certificatesOf(c.customerCode) : undefined),
  );
  return json(200, fetchResult(models, req.query, req.path, CUSTOMER_LIST));
}

async function createCustomers(req: ApiRequest, rt: Runtime): Promise<Reply> {
  const items = await readJsonArray(req, 'CustomerModel');
  const inputs = items.map((item, i) => parseCustomerInput(item, items.length > 1 ? `[${i}].` : ''));
  const seen = new Set<string>();
  for (const input of inputs) {
    if (rt.store.customer(input.customerCode) || seen.has(input.customerCode)) {
      throw new AvaTaxError('DuplicateEntry', `Customer '${input.customerCode}' already exists.`, {
        description: `A customer with customerCode '${input.customerCode}' already exists in company ${rt.companyId}.`,
        refersTo: 'customerCode',
      });
    }
    seen.add(input.customerCode);
  }
  const stamp = rt.now().toISOString();
  const created = inputs.map((input) => {
    const record: CustomerRecord = { id: rt.store.nextCustomerId(), ...input, createdDate: stamp, modifiedDate: stamp };
    rt.store.putCustomer(record);
    return record;
  });
  await rt.commit();
  const ctx = modelContext(rt);
  return json(200, created.map((c) => customerModel(c, ctx)));
}

async function updateCustomer(req: ApiRequest, rt: Runtime): Promise<Reply> {
  const existing = customerFromPath(req, rt);
  const body = await readJsonObject(req, 'CustomerModel');
  if (body.customerCode !== undefined && body.customerCode !== existing.customerCode) {
    throw new AvaTaxError('CertificatesFieldInvalid', 'The customerCode of a customer cannot be changed.', {
      refersTo: 'customerCode',
    });
  }
  const input = parseCustomerInput({ ...body, customerCode: existing.customerCode }, '');
  const record: CustomerRecord = { id: existing.id, ...input, createdDate: existing.createdDate, modifiedDate: rt.now().toISOString() };
  rt.store.putCustomer(record);
  await rt.commit();
  return json(200, customerModel(record, modelContext(rt)));
}

function listCertificatesForCustomer(req: ApiRequest, rt: Runtime): Reply {
  const customer = customerFromPath(req, rt);
  const models = certificateModels(req, rt, rt.store.certificatesOf(customer.customerCode));
  return json(200, fetchResult(models, req.query, req.path, CERTIFICATE_LIST));
}

export function registerCustomerRoutes(router: Router<ApiRoute>): void {
  const exemption = { needsProvisioning: true };
  router
    .add('GET', BASE, { handler: queryCustomers, ...exemption })
    .add('POST', BASE, { handler: createCustomers, ...exemption })
    .add('GET', `${BASE}/:customerCode`, { handler: (req, rt) => customerReply(req, rt, customerFromPath(req, rt)), ...exemption })
    .add('PUT', `${BASE}/:customerCode`, { handler: updateCustomer, ...exemption })
    .add('GET', `${BASE}/:customerCode/certificates`, { handler: listCertificatesForCustomer, ...exemption });
}
