/** Customer routes: query, create, get, update, delete, and the customer's certificates. */
import type { ApiRequest, ApiRoute } from '../api.js';
import { AvaTaxError, deleteInformation } from '../errors.js';
import { invalidValue } from '../field-errors.js';
import { readJsonArray, readJsonObject } from '../http/api-body.js';
import type { Router } from '../http/router.js';
import { json, type Reply } from '../http/types.js';
import { customerModel } from '../model-builders.js';
import { fetchResult } from '../odata/fetch-result.js';
import { modelContext, write, type Runtime } from '../runtime.js';
import type { CustomerRecord } from '../store/types.js';
import { parseCustomerInput } from './customer-input.js';
import { queryCustomers } from './customer-query.js';
import { CERTIFICATE_LIST, certificateModels, customerFromPath, customerModels } from './shared.js';

const BASE = '/api/v2/companies/:companyId/customers';

function getCustomer(req: ApiRequest, rt: Runtime): Reply {
  const [model] = customerModels(req, rt, [customerFromPath(req, rt)]);
  return json(200, model);
}

async function createCustomers(req: ApiRequest, rt: Runtime): Promise<Reply> {
  const items = await readJsonArray(req, 'CustomerModel');
  const inputs = items.map((item, i) => parseCustomerInput(item, items.length > 1 ? `[${i}].` : ''));
  const seen = new Set<string>();
  for (const input of inputs) {
    if (rt.store.customer(input.customerCode) || seen.has(input.customerCode)) throw duplicate(input.customerCode, rt);
    seen.add(input.customerCode);
  }
  const stamp = rt.now().toISOString();
  const created = await write(rt, () =>
    inputs.map((input) => {
      // Checked again inside the write: another request may have created it while the body arrived.
      if (rt.store.customer(input.customerCode)) throw duplicate(input.customerCode, rt);
      const record: CustomerRecord = { id: rt.store.nextCustomerId(), ...input, createdDate: stamp, modifiedDate: stamp };
      rt.store.putCustomer(record);
      return record;
    }),
  );
  const ctx = modelContext(rt);
  return json(200, created.map((c) => customerModel(c, ctx)));
}

function duplicate(code: string, rt: Runtime): AvaTaxError {
  return new AvaTaxError('DuplicateEntry', `Customer '${code}' already exists.`, {
    description: `A customer with customerCode '${code}' already exists in company ${rt.companyId}.`,
    refersTo: 'customerCode',
  });
}

async function updateCustomer(req: ApiRequest, rt: Runtime): Promise<Reply> {
  const existing = customerFromPath(req, rt);
  const body = await readJsonObject(req, 'CustomerModel');
  if (body.customerCode !== undefined && body.customerCode !== existing.customerCode) {
    throw invalidValue('customerCode', `The customerCode in the body ('${String(body.customerCode)}') must be the one in the URL; a customer code cannot be changed.`);
  }
  const input = parseCustomerInput({ ...body, customerCode: existing.customerCode }, '');
  const record = await write(rt, () => {
    const current = customerFromPath(req, rt);
    const replacement: CustomerRecord = { id: current.id, ...input, createdDate: current.createdDate, modifiedDate: rt.now().toISOString() };
    rt.store.putCustomer(replacement);
    return replacement;
  });
  return json(200, customerModel(record, modelContext(rt)));
}

/** DeleteCustomer: answers an ErrorDetail array like DeleteCertificate; the certificates stay, unlinked. */
async function deleteCustomer(req: ApiRequest, rt: Runtime): Promise<Reply> {
  const customer = await write(rt, () => {
    const current = customerFromPath(req, rt);
    rt.store.removeCustomer(current);
    return current;
  });
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
