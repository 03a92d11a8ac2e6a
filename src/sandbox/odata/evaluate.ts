/** Evaluation of parsed `$filter` trees and ordering of field values. */
import type { FilterNode, Literal } from './filter.js';

/** Reads a dotted path from a model. */
export function readPath(model: unknown, path: string): unknown {
  if (!path.includes('.')) return model !== null && typeof model === 'object' ? (model as Record<string, unknown>)[path] : undefined;
  let value: unknown = model;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Orders two field values: nulls first, numbers numerically, everything else ordinally. */
export function compareValues(a: unknown, b: unknown): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function coerce(fieldValue: unknown, value: Literal): unknown {
  if (typeof fieldValue === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
    return Number(value);
  }
  if (typeof fieldValue === 'string' && typeof value === 'number') return String(value);
  if (typeof fieldValue === 'boolean' && typeof value === 'string') return value.toLowerCase() === 'true';
  return value;
}

function equals(fieldValue: unknown, value: Literal): boolean {
  if (value === null) return fieldValue === null || fieldValue === undefined;
  if (fieldValue === null || fieldValue === undefined) return false;
  return compareValues(fieldValue, coerce(fieldValue, value)) === 0;
}

/** How a list reads a field of one of its rows (default: a dotted path into a model). */
export type FieldReader<R> = (row: R, field: string) => unknown;

/** Evaluates a parsed filter against one row. */
export function matches<R>(node: FilterNode, model: R, read: FieldReader<R> = readPath as FieldReader<R>): boolean {
  switch (node.kind) {
    case 'and':
      return matches(node.left, model, read) && matches(node.right, model, read);
    case 'or':
      return matches(node.left, model, read) || matches(node.right, model, read);
    case 'null': {
      const v = read(model, node.field);
      return (v === null || v === undefined) !== node.negated;
    }
    case 'in': {
      const v = read(model, node.field);
      return node.values.some((value) => equals(v, value));
    }
    case 'text': {
      const v = read(model, node.field);
      if (v === null || v === undefined) return false;
      const hay = String(v).toLowerCase();
      const needle = node.value.toLowerCase();
      if (node.op === 'contains') return hay.includes(needle);
      return node.op === 'startswith' ? hay.startsWith(needle) : hay.endsWith(needle);
    }
    case 'between': {
      const v = read(model, node.field);
      if (v === null || v === undefined) return false;
      return compareValues(v, coerce(v, node.low)) >= 0 && compareValues(v, coerce(v, node.high)) <= 0;
    }
    case 'compare': {
      const v = read(model, node.field);
      if (node.op === 'eq') return equals(v, node.value);
      if (node.op === 'ne') return !equals(v, node.value);
      if (v === null || v === undefined || node.value === null) return false;
      const order = compareValues(v, coerce(v, node.value));
      if (node.op === 'gt') return order > 0;
      if (node.op === 'ge') return order >= 0;
      return node.op === 'lt' ? order < 0 : order <= 0;
    }
  }
}
