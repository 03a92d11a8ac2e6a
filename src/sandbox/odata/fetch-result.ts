/**
 * List endpoints: `$filter`, `$orderBy`, `$top`, `$skip` over a collection, answered as an
 * AvaTax FetchResult `{"@recordsetCount", value, "@nextLink"?}`. `@nextLink` is a relative
 * URL with `$` written `%24` and spaces `+`; it is left out on the last page.
 */
import type { FetchResult } from '../../avatax/models.js';
import { AvaTaxError } from '../errors.js';
import { compareValues, matches, readPath, type FieldReader } from './evaluate.js';
import { parseFilter, resolveField, type FieldSchema, type FilterNode } from './filter.js';

/** Most records one call returns, as AvaTax documents. */
export const MAX_PAGE = 1000;

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

export interface SortKey {
  field: string;
  descending: boolean;
}

export function parseOrderBy(source: string, options: ListOptions): SortKey[] {
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

/** A list request read and checked: paging, the parsed filter and the sort keys. */
export interface ParsedList {
  query: ListQuery;
  filter: FilterNode | null;
  order: SortKey[];
}

export function parseList(params: URLSearchParams, options: ListOptions): ParsedList {
  const query = readListQuery(params);
  if (options.exemptionLimits && params.get('$top') && query.skip % query.top !== 0) {
    throw new AvaTaxError('ExemptionPaginationLimits', 'Pages must be of equal size: $skip must be a multiple of $top.');
  }
  const filter = query.filter?.trim() ? parseFilter(query.filter, options) : null;
  return { query, filter, order: parseOrderBy(query.orderBy ?? options.defaultOrder ?? '', options) };
}

/** The FetchResult for one page of `total` matches, with `@nextLink` when more follow. */
export function pageResult<T>(total: number, page: T[], query: ListQuery, params: URLSearchParams, path: string): FetchResult<T> {
  const result: FetchResult<T> = { '@recordsetCount': total, value: page };
  if (query.skip + query.top < total) {
    const next = new URLSearchParams(params);
    next.set('$top', String(query.top));
    next.set('$skip', String(query.skip + query.top));
    result['@nextLink'] = `${path}?${next.toString()}`;
  }
  return result;
}

/**
 * Filters, sorts and pages `rows` (a scan). `path` is the request path (without query) used
 * for `@nextLink`; `params` are the request's query parameters, carried over to the link.
 * `read` reads a field of a row (default: the row is the model); `toModels` turns the
 * page's rows into models, so only the page is ever built.
 */
export function fetchResult<R, M = R>(
  rows: Iterable<R>,
  params: URLSearchParams,
  path: string,
  options: ListOptions,
  view: { read?: FieldReader<R>; toModels?: (page: R[]) => M[] } = {},
): FetchResult<M> {
  const { query, filter, order } = parseList(params, options);
  const read = view.read ?? (readPath as FieldReader<R>);
  let matched: R[] = [];
  for (const row of rows) if (!filter || matches(filter, row, read)) matched.push(row);
  if (order.length > 0) {
    matched = matched.sort((a, b) => {
      for (const key of order) {
        const c = compareValues(read(a, key.field), read(b, key.field));
        if (c !== 0) return key.descending ? -c : c;
      }
      return 0;
    });
  }
  const page = matched.slice(query.skip, query.skip + query.top);
  const models = view.toModels ? view.toModels(page) : (page as unknown as M[]);
  return pageResult(matched.length, models, query, params, path);
}
