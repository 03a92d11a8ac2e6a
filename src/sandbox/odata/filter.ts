/**
 * AvaTax `$filter` expressions: comparisons (`eq ne gt ge lt le` and `= != <> > >= < <=`),
 * `in (…)`, `between … and …`, `contains`/`startswith`/`endswith` (infix, or OData function
 * form), `is null` / `is not null`, `and`/`or` with parentheses. Strings are single-quoted
 * (`''` escapes a quote) or double-quoted; bare dates are strings.
 *
 * Comparisons other than the text searches are exact (ordinal): a filter on a customer
 * code must never match another customer's code that differs only in case.
 */
import { AvaTaxError } from '../errors.js';
import { malformed, tokenize, type Token } from './lexer.js';

export type Literal = string | number | boolean | null;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'compare'; field: string; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; value: Literal }
  | { kind: 'in'; field: string; values: Literal[] }
  | { kind: 'between'; field: string; low: Literal; high: Literal }
  | { kind: 'text'; field: string; op: 'contains' | 'startswith' | 'endswith'; value: string }
  | { kind: 'null'; field: string; negated: boolean };

/** The fields a resource lets callers filter and sort on. */
export interface FieldSchema {
  /** Canonical (dotted) field paths. */
  fields: readonly string[];
  /** Fields AvaTax documents as not filterable on this resource. */
  notFilterable?: readonly string[];
}

const SYMBOL_OPS: Record<string, 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'> = {
  '=': 'eq', '!=': 'ne', '<>': 'ne', '>': 'gt', '>=': 'ge', '<': 'lt', '<=': 'le',
};
const WORD_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const TEXT_OPS = new Set(['contains', 'startswith', 'endswith']);
/** Deepest parenthesis nesting accepted. */
export const MAX_NESTING = 32;

/** Parses a `$filter`, resolving field names (case-insensitively) against the schema. */
export function parseFilter(source: string, schema: FieldSchema): FilterNode {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (t: Token | undefined, w: string): boolean => t?.type === 'word' && t.text.toLowerCase() === w;
  const isSymbol = (t: Token | undefined, s: string): boolean => t?.type === 'symbol' && t.text === s;
  const expectSymbol = (s: string) => {
    if (!isSymbol(peek(), s)) throw malformed(`expected '${s}'`);
    pos++;
  };

  const field = (): string => {
    const t = tokens[pos++];
    if (t?.type !== 'word') throw malformed('expected a field name');
    return resolveField(t.text, schema, true);
  };

  const literal = (): Literal => {
    const t = tokens[pos++];
    if (!t) throw malformed('expected a value');
    if (t.type === 'string') return t.text;
    if (t.type === 'number') return t.value;
    if (t.type === 'word') {
      const w = t.text.toLowerCase();
      if (w === 'true' || w === 'false') return w === 'true';
      if (w === 'null') return null;
    }
    throw malformed('expected a value');
  };

  const textValue = (): string => {
    const value = literal();
    if (value === null || typeof value === 'boolean') throw malformed('text searches need a string');
    return String(value);
  };

  const predicate = (): FilterNode => {
    const first = peek();
    if (first?.type === 'word' && TEXT_OPS.has(first.text.toLowerCase()) && isSymbol(tokens[pos + 1], '(')) {
      pos += 2;
      const name = field();
      expectSymbol(',');
      const value = textValue();
      expectSymbol(')');
      return { kind: 'text', field: name, op: first.text.toLowerCase() as 'contains', value };
    }
    const name = field();
    const op = tokens[pos++];
    if (!op) throw malformed(`an operator must follow '${name}'`);
    if (op.type === 'symbol' && SYMBOL_OPS[op.text]) {
      return { kind: 'compare', field: name, op: SYMBOL_OPS[op.text] as 'eq', value: literal() };
    }
    const word = op.type === 'word' ? op.text.toLowerCase() : '';
    if (WORD_OPS.has(word)) return { kind: 'compare', field: name, op: word as 'eq', value: literal() };
    if (TEXT_OPS.has(word)) return { kind: 'text', field: name, op: word as 'contains', value: textValue() };
    if (word === 'in') {
      expectSymbol('(');
      const values = [literal()];
      while (isSymbol(peek(), ',')) {
        pos++;
        values.push(literal());
      }
      expectSymbol(')');
      return { kind: 'in', field: name, values };
    }
    if (word === 'between') {
      const low = literal();
      if (!isWord(tokens[pos++], 'and')) throw malformed("'between' needs 'and'");
      return { kind: 'between', field: name, low, high: literal() };
    }
    if (word === 'is') {
      const negated = isWord(peek(), 'not');
      if (negated) pos++;
      if (!isWord(tokens[pos++], 'null')) throw malformed("'is' must be followed by 'null' or 'not null'");
      return { kind: 'null', field: name, negated };
    }
    throw malformed(`unknown operator after '${name}'`);
  };

  // Parentheses recurse; a bound keeps a hostile filter a 400 instead of a stack overflow.
  let depth = 0;
  const primary = (): FilterNode => {
    if (isSymbol(peek(), '(')) {
      if (++depth > MAX_NESTING) throw malformed(`parentheses are nested more than ${MAX_NESTING} deep`);
      pos++;
      const inner = orExpression();
      expectSymbol(')');
      depth--;
      return inner;
    }
    return predicate();
  };

  const andExpression = (): FilterNode => {
    let left = primary();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };

  function orExpression(): FilterNode {
    let left = andExpression();
    while (isWord(peek(), 'or')) {
      pos++;
      left = { kind: 'or', left, right: andExpression() };
    }
    return left;
  }

  if (tokens.length === 0) throw malformed('it is empty');
  const tree = orExpression();
  if (pos < tokens.length) throw malformed('unexpected text after the expression');
  return tree;
}

/** Maps a field name as written to its canonical path, or throws InvalidQueryField. */
export function resolveField(name: string, schema: FieldSchema, forFilter: boolean): string {
  const lower = name.toLowerCase();
  if (forFilter && schema.notFilterable?.some((f) => f.toLowerCase() === lower)) {
    throw new AvaTaxError('FieldNotQueryableError', `The field '${name}' in the query is not queryable.`, {
      description: `AvaTax documents '${name}' as not filterable on this API.`,
    });
  }
  const found = schema.fields.find((f) => f.toLowerCase() === lower);
  if (!found) throw new AvaTaxError('InvalidQueryField', `Unknown field '${name}'.`);
  return found;
}

