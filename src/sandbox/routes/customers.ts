/** Customer routes: query, create, get, update, delete, and the customer's certificates. */
import type { ApiRequest, ApiRoute } from '../api.js';
import { AvaTaxError, deleteInformation } from '../errors.js';
import { invalidValue } from '../field-errors.js';
import { readJsonArray, readJsonObject } from '../http/api-body.js';
import type { Router } from '../http/router.js';
import { json, type Reply } from '../http/types.js';
import { customerModel } from '../models.js';
import { fetchResult } from '../odata/fetch-result.js';
import { modelContext, type Runtime } from '../runtime.js';
import type { CustomerRecord } from '../store/types.js';
import { parseCustomerInput } from './customer-input.js';
import { CERTIFICATE_LIST, certificateModels, customerFromPath, CUSTOMER_LIST, customerModels } from './shared.js';

const BASE = '/api/v2/companies/:companyId/customers';

function getCustomer(req: ApiRequest, rt: Runtime): Reply {
  const [model] = customerModels(req, rt, [customerFromPath(req, rt)]);
  return json(200, model);
}

function queryCustomers(req: ApiRequest, rt: Runtime): Reply {
  const models = customerModels(req, rt, rt.store.allCustomers());
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
    throw invalidValue('customerCode', `The customerCode in the body ('${String(body.customerCode)}') must be the one in the URL; a customer code cannot be changed.`);
  }
  const input = parseCustomerInput({ ...body, customerCode: existing.customerCode }, '');
  const record: CustomerRecord = { id: existing.id, ...input, createdDate: existing.createdDate, modifiedDate: rt.now().toISOString() };
  rt.store.putCustomer(record);
  await rt.commit();
  return json(200, customerModel(record, modelContext(rt)));
}

/** DeleteCustomer: answers an ErrorDetail array like DeleteCertificate; the certificates stay, unlinked. */
async function deleteCustomer(req: ApiRequest, rt: Runtime): Promise<Reply> {
  const customer = customerFromPath(req, rt);
  rt.store.removeCustomer(customer);
  await rt.commit();
  return json(200, deleteInformation('Customer', customer.customerCode));
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
    .add('GET', `${BASE}/:customerCode`, { handler: getCustomer, ...exemption })
    .add('PUT', `${BASE}/:customerCode`, { handler: updateCustomer, ...exemption })
    .add('DELETE', `${BASE}/:customerCode`, { handler: deleteCustomer, ...exemption })
    .add('GET', `${BASE}/:customerCode/certificates`, { handler: listCertificatesForCustomer, ...exemption });
}
