/**
 * AvaTax's own definitions of the wire models, read from the installed official SDK
 * (`avatax` 26.9.0): field lists, types and required flags from the json2typescript
 * decorators in `lib/models/*.js`, enum names and numbers from `lib/enums/*.d.ts`. A JSON
 * value is checked against them: no field the model lacks, every required field present,
 * each value of its declared type, enums written as AvaTax's names, and every error
 * code/number pair as ErrorCodeId has it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const LIB = join(dirname(createRequire(import.meta.url).resolve('avatax/package.json')), 'lib');

/** One declared type: a scalar, a date, an enum, a nested model, anything, or an array of one of those. */
export type FieldType =
  | { kind: 'string' | 'number' | 'boolean' | 'date' | 'any' }
  | { kind: 'enum'; name: string }
  | { kind: 'model'; name: string }
  | { kind: 'array'; of: FieldType };

export interface FieldSpec {
  type: FieldType;
  required: boolean;
}

export type ModelSpec = Map<string, FieldSpec>;

/**
 * Where the npm package differs from the wire or from the other official SDKs; each entry
 * names the source it was checked against.
 */
const EXTRA_FIELDS: Record<string, Record<string, FieldSpec>> = {
  // `jobs` (CustomerJobModel[]) is a CustomerModel member in the .NET SDK (src/models/CustomerModel.cs,
  // HEAD 76cd5e3) and the Java SDK (models/CustomerModel.java, HEAD 43d1060), and a documented
  // `$include` value in avatax 26.9.0's own QueryCustomers docblock; the JS model lacks it.
  CustomerModel: { jobs: { type: { kind: 'array', of: { kind: 'any' } }, required: false } },
};

function parseType(raw: string, self: string): FieldType {
  const text = raw.trim();
  if (text.startsWith('[') && text.endsWith(']')) return { kind: 'array', of: parseType(text.slice(1, -1), self) };
  if (text === 'String') return { kind: 'string' };
  if (text === 'Number') return { kind: 'number' };
  if (text === 'Boolean') return { kind: 'boolean' };
  if (text === 'Object' || text === 'json2typescript_1.Any') return { kind: 'any' };
  if (text === 'dateConverter_1.DateConverter') return { kind: 'date' };
  const enumMatch = /^Enums\.(\w+?)(?:Converter)?$/.exec(text);
  if (enumMatch) return { kind: 'enum', name: enumMatch[1] as string };
  const modelMatch = /^(?:\w+_1\.)?(\w+)$/.exec(text);
  if (modelMatch) return { kind: 'model', name: modelMatch[1] as string };
  throw new Error(`official-models: cannot read the type '${text}' of ${self}`);
}

const models = new Map<string, ModelSpec>();

/** The fields of `lib/models/{name}.js`. */
export function officialModel(name: string): ModelSpec {
  const known = models.get(name);
  if (known) return known;
  const source = readFileSync(join(LIB, 'models', `${name}.js`), 'utf8');
  const spec: ModelSpec = new Map();
  for (const match of source.matchAll(/JsonProperty\)\("([^"]+)",\s*([^,()]+?)(?:,\s*(true|false))?\)/g)) {
    spec.set(match[1] as string, { type: parseType(match[2] as string, name), required: match[3] !== 'true' });
  }
  if (spec.size === 0) throw new Error(`official-models: no fields found in ${name}.js`);
  for (const [field, extra] of Object.entries(EXTRA_FIELDS[name] ?? {})) spec.set(field, extra);
  models.set(name, spec);
  return spec;
}

const enums = new Map<string, Map<string, number>>();

/** Member names and numbers of `lib/enums/{name}.d.ts`. */
export function officialEnum(name: string): Map<string, number> {
  const known = enums.get(name);
  if (known) return known;
  const source = readFileSync(join(LIB, 'enums', `${name}.d.ts`), 'utf8');
  const members = new Map<string, number>();
  for (const match of source.matchAll(/^\s+(\w+) = (-?\d+),?\s*$/gm)) members.set(match[1] as string, Number(match[2]));
  if (members.size === 0) throw new Error(`official-models: no members found in ${name}.d.ts`);
  enums.set(name, members);
  return members;
}

/** What a response body should be: a model, a FetchResult of one, an array of one, or a JSON string. */
export type Shape = { model: string } | { fetchResultOf: string } | { arrayOf: string } | 'string';

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function checkValue(value: unknown, type: FieldType, path: string, problems: string[]): void {
  switch (type.kind) {
    case 'any':
      return;
    case 'string':
    case 'number':
    case 'boolean':
      if (typeof value !== type.kind) problems.push(`${path}: expected a ${type.kind}, got ${JSON.stringify(value)}`);
      return;
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value)) problems.push(`${path}: expected an ISO 8601 date, got ${JSON.stringify(value)}`);
      return;
    case 'enum':
      // AvaTax writes enum names on the wire (the SDK's numbers are its own).
      if (typeof value !== 'string' || !officialEnum(type.name).has(value)) {
        problems.push(`${path}: ${JSON.stringify(value)} is not a ${type.name} name`);
      }
      return;
    case 'array':
      if (!Array.isArray(value)) {
        problems.push(`${path}: expected an array`);
        return;
      }
      value.forEach((item, i) => checkValue(item, type.of, `${path}[${i}]`, problems));
      return;
    case 'model':
      checkModel(value, type.name, path, problems);
  }
}

/** Checks `value` against model `name`; appends readable problems. */
export function checkModel(value: unknown, name: string, path: string, problems: string[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${path}: expected a ${name} object`);
    return;
  }
  const spec = officialModel(name);
  const record = value as Record<string, unknown>;
  for (const [field, fieldValue] of Object.entries(record)) {
    const fieldSpec = spec.get(field);
    if (!fieldSpec) {
      problems.push(`${path}.${field}: ${name} has no such field`);
      continue;
    }
    if (fieldValue === null) {
      if (fieldSpec.required) problems.push(`${path}.${field}: required in ${name}, but null`);
      continue;
    }
    checkValue(fieldValue, fieldSpec.type, `${path}.${field}`, problems);
  }
  for (const [field, fieldSpec] of spec) {
    if (fieldSpec.required && !(field in record)) problems.push(`${path}.${field}: required in ${name}, but missing`);
  }
  // ErrorDetail.code is an ErrorCodeId name; its number must be that member's number.
  if (name === 'ErrorDetail' && typeof record.code === 'string' && record.number !== undefined) {
    const expected = officialEnum('ErrorCodeId').get(record.code);
    if (expected !== undefined && expected !== record.number) {
      problems.push(`${path}.number: ${String(record.number)}, but ErrorCodeId.${record.code} is ${expected}`);
    }
  }
}

/**
 * Checks a response body against its shape. FetchResult is generic in the SDK
 * (utils/fetch_result.js maps `@recordsetCount`, `value` and `nextLink`); on the wire the
 * link is `@nextLink`, as the .NET SDK's src/FetchResult.cs maps it.
 */
export function checkBody(body: unknown, shape: Shape, problems: string[]): void {
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'error' in body) {
    checkModel(body, 'ErrorResult', 'body', problems);
    const info = (body as { error: { code?: unknown } }).error;
    if (typeof info?.code !== 'string' || !officialEnum('ErrorCodeId').has(info.code)) {
      problems.push(`body.error.code: ${JSON.stringify(info?.code)} is not an ErrorCodeId name`);
    }
    return;
  }
  if (shape === 'string') {
    if (typeof body !== 'string') problems.push('body: expected a JSON string');
    return;
  }
  if ('model' in shape) return checkModel(body, shape.model, 'body', problems);
  if ('arrayOf' in shape) return checkValue(body, { kind: 'array', of: { kind: 'model', name: shape.arrayOf } }, 'body', problems);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    problems.push('body: expected a FetchResult object');
    return;
  }
  const page = body as Record<string, unknown>;
  for (const key of Object.keys(page)) {
    if (!['@recordsetCount', 'value', '@nextLink'].includes(key)) problems.push(`body.${key}: FetchResult has no such field`);
  }
  if (typeof page['@recordsetCount'] !== 'number') problems.push('body.@recordsetCount: required number');
  if (page['@nextLink'] !== undefined && typeof page['@nextLink'] !== 'string') problems.push('body.@nextLink: expected a string');
  checkValue(page.value, { kind: 'array', of: { kind: 'model', name: shape.fetchResultOf } }, 'body.value', problems);
}
