/**
 * List endpoints: `$filter`, `$orderBy`, `$top`, `$skip` over a collection, answered as an
 * AvaTax FetchResult `{"@recordsetCount", value, "@nextLink"?}`. `@nextLink` is a relative
 * URL with `$` written `%24` and spaces `+`; it is left out on the last page.
 */
import { AvaTaxError } from '../errors.js';
import { compareValues, matches, readPath } from './evaluate.js';
import { parseFilter, resolveField, type FieldSchema } from './filter.js';

/** Most records one call returns, as AvaTax documents. */
export const MAX_PAGE = 1000;

export interface FetchResult<T> {
  '@recordsetCount': number;
  value: T[];
  '@nextLink'?: string;
}

export interface ListQuery {
  filter: string | null;
  orderBy: string | null;
  top: number;
  skip: number;
}

/** Options of one list endpoint. */
export interface ListOptions extends FieldSchema {
  /**
   * Exemption-data lists allow a single sort field and equal-sized pages (AvaTax errors
   * 1219 ExemptionSortLimits and 1218 ExemptionPaginationLimits).
   */
  exemptionLimits?: boolean;
  /** Sort applied when `$orderBy` is absent. */
  defaultOrder?: string;
}

function nonNegativeInt(name: string, raw: string | null, fallback: number): number {
  if (raw === null || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new AvaTaxError('InvalidQueryValue', `${name} must be a whole number of 0 or more, not '${raw}'.`);
  }
  return value;
}

/** Reads the list query parameters. `$top` 0 or absent means a full page. */
export function readListQuery(params: URLSearchParams): ListQuery {
  const top = nonNegativeInt('$top', params.get('$top'), 0);
  return {
    filter: params.get('$filter'),
    orderBy: params.get('$orderBy') ?? params.get('$orderby'),
    top: top === 0 ? MAX_PAGE : Math.min(top, MAX_PAGE),
    skip: nonNegativeInt('$skip', params.get('$skip'), 0),
  };
}

interface SortKey {
  field: string;
  descending: boolean;
}

function parseOrderBy(source: string, options: ListOptions): SortKey[] {
  const keys = source
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, direction, extra] = part.split(/\s+/);
      const dir = (direction ?? 'asc').toLowerCase();
      if (extra !== undefined || (dir !== 'asc' && dir !== 'desc')) {
        throw new AvaTaxError('InvalidQueryValue', `$orderBy entries are 'field [ASC|DESC]', not '${part}'.`);
      }
      return { field: resolveField(name as string, options, false), descending: dir === 'desc' };
    });
  if (options.exemptionLimits && keys.length > 1) {
    throw new AvaTaxError('ExemptionSortLimits', 'Only one sort field is allowed on exemption data.');
  }
  return keys;
}

/**
 * Filters, sorts and pages `models`. `path` is the request path (without query) used for
 * `@nextLink`; `params` are the request's query parameters, carried over to the link.
 */
export function fetchResult<T>(
  models: Iterable<T>,
  params: URLSearchParams,
  path: string,
  options: ListOptions,
): FetchResult<T> {
  const query = readListQuery(params);
  if (options.exemptionLimits && params.get('$top') && query.skip % query.top !== 0) {
    throw new AvaTaxError('ExemptionPaginationLimits', 'Pages must be of equal size: $skip must be a multiple of $top.');
  }
  const filter = query.filter?.trim() ? parseFilter(query.filter, options) : null;
  const order = parseOrderBy(query.orderBy ?? options.defaultOrder ?? '', options);

  let rows: T[] = [];
  for (const model of models) if (!filter || matches(filter, model)) rows.push(model);
  if (order.length > 0) {
    rows = rows.sort((a, b) => {
      for (const key of order) {
        const c = compareValues(readPath(a, key.field), readPath(b, key.field));
        if (c !== 0) return key.descending ? -c : c;
      }
      return 0;
    });
  }

  const result: FetchResult<T> = {
    '@recordsetCount': rows.length,
    value: rows.slice(query.skip, query.skip + query.top),
  };
  if (query.skip + query.top < rows.length) {
    const next = new URLSearchParams(params);
    next.set('$top', String(query.top));
    next.set('$skip', String(query.skip + query.top));
    result['@nextLink'] = `${path}?${next.toString()}`;
  }
  return result;
}
