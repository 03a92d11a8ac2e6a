/**
 * QueryCustomers. The companion's search — `customerCode startswith q or name contains q
 * or city contains q`, ordered by customerCode — and any other disjunction of text searches
 * on customerCode (startswith), name and city in that order is answered from the customer
 * search index, at a cost that follows the matches, not the customers on file. Every other
 * query scans the stored records (no model is built but for the page returned).
 */
import type { ApiRequest } from '../api.js';
import { json, type Reply } from '../http/types.js';
import { readPath, type FieldReader } from '../odata/evaluate.js';
import { fetchResult, pageResult, parseList, type SortKey } from '../odata/fetch-result.js';
import type { FilterNode } from '../odata/filter.js';
import type { Runtime } from '../runtime.js';
import type { SearchTerm } from '../store/customer-search.js';
import type { CustomerRecord } from '../store/types.js';
import { CUSTOMER_LIST, customerModels } from './shared.js';

/** The search terms of a filter the index can answer, or null. */
export function indexableSearch(filter: FilterNode | null, order: readonly SortKey[]): SearchTerm[] | null {
  if (!filter || order.length !== 1 || order[0]?.field !== 'customerCode' || order[0].descending) return null;
  const terms: SearchTerm[] = [];
  const collect = (node: FilterNode): boolean => {
    if (node.kind === 'or') return collect(node.left) && collect(node.right);
    if (node.kind !== 'text') return false;
    if (node.field === 'customerCode' && node.op === 'startswith') terms.push({ field: 'customerCode', op: 'startswith', value: node.value });
    else if (node.field === 'name' || node.field === 'city') terms.push({ field: node.field, op: node.op, value: node.value });
    else return false;
    return true;
  };
  return collect(filter) ? terms : null;
}

/** A field of a stored customer as its CustomerModel has it (companyId; required text never absent). */
function customerField(companyId: number): FieldReader<CustomerRecord> {
  const requiredText = new Set(['line1', 'city', 'postalCode', 'country']);
  return (customer, field) => {
    if (field === 'companyId') return companyId;
    const value = readPath(customer, field);
    return value === undefined && requiredText.has(field) ? '' : value;
  };
}

export function queryCustomers(req: ApiRequest, rt: Runtime): Reply {
  const { query, filter, order } = parseList(req.query, CUSTOMER_LIST);
  const terms = indexableSearch(filter, order);
  if (terms) {
    const { count, page } = rt.store.search.search(terms, query.skip, query.top);
    return json(200, pageResult(count, customerModels(req, rt, page), query, req.query, req.path));
  }
  const result = fetchResult(rt.store.allCustomers(), req.query, req.path, CUSTOMER_LIST, {
    read: customerField(rt.companyId),
    toModels: (page) => customerModels(req, rt, page),
  });
  return json(200, result);
}
