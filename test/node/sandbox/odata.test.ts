/** The `$filter` parser and the FetchResult pager on plain data, without HTTP. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AvaTaxError } from '../../../src/sandbox/errors.js';
import { fetchResult } from '../../../src/sandbox/odata/fetch-result.js';
import { matches } from '../../../src/sandbox/odata/evaluate.js';
import { parseFilter } from '../../../src/sandbox/odata/filter.js';

const schema = { fields: ['id', 'name', 'zone.region', 'expires', 'active'], notFilterable: ['secret'] };
const rows = [
  { id: 1, name: "Bob's Tools", zone: { region: 'WA' }, expires: '2026-01-31', active: true },
  { id: 2, name: 'Alpha & Omega', zone: { region: 'OR' }, expires: null, active: false },
  { id: 3, name: 'alpha beta', zone: { region: 'WA' }, expires: '2024-12-31', active: true },
];
const ids = (filter: string) => rows.filter((r) => matches(parseFilter(filter, schema), r)).map((r) => r.id);

describe('$filter', () => {
  it('reads double-quoted strings, doubled single quotes and bare dates', () => {
    assert.deepEqual(ids('name eq "Alpha & Omega"'), [2]);
    assert.deepEqual(ids("name eq 'Bob''s Tools'"), [1]);
    assert.deepEqual(ids('expires lt 2025-06-01'), [3]);
  });

  it('resolves field names case-insensitively, including dotted paths', () => {
    assert.deepEqual(ids("ZONE.REGION eq 'WA' AND Active eq true"), [1, 3]);
  });

  it('binds and tighter than or, and honours parentheses', () => {
    assert.deepEqual(ids("id eq 2 or zone.region eq 'WA' and id eq 3"), [2, 3]);
    assert.deepEqual(ids("(id eq 2 or zone.region eq 'WA') and id ne 3"), [1, 2]);
  });

  it('searches text case-insensitively but compares exactly', () => {
    assert.deepEqual(ids("name startswith 'ALPHA'"), [2, 3]);
    assert.deepEqual(ids("contains(name, 'TOOLS')"), [1]);
    assert.deepEqual(ids("name eq 'alpha beta'"), [3]);
    assert.deepEqual(ids("name eq 'ALPHA BETA'"), []);
  });

  it('treats null explicitly', () => {
    assert.deepEqual(ids('expires eq null'), [2]);
    assert.deepEqual(ids('expires is not null and expires ge 2025-01-01'), [1]);
    assert.deepEqual(ids('expires ne null'), [1, 3]);
  });

  it('names the problem in errors', () => {
    const code = (filter: string) => {
      try {
        parseFilter(filter, schema);
        return 'parsed';
      } catch (error) {
        return (error as AvaTaxError).code;
      }
    };
    assert.equal(code("secret eq 'x'"), 'FieldNotQueryableError');
    assert.equal(code("nope eq 'x'"), 'InvalidQueryField');
    assert.equal(code('id eq'), 'MalformedFilterException');
    assert.equal(code('id in (1, 2'), 'MalformedFilterException');
    assert.equal(code('id between 1 or 2'), 'MalformedFilterException');
    assert.equal(code('id ! 2'), 'MalformedFilterException');
    assert.equal(code(''), 'MalformedFilterException');
    assert.equal(code(`${'('.repeat(32)}id eq 1${')'.repeat(32)}`), 'parsed');
    assert.equal(code(`${'('.repeat(33)}id eq 1${')'.repeat(33)}`), 'MalformedFilterException');
    assert.equal(code(`${'('.repeat(100_000)}id eq 1`), 'MalformedFilterException', 'no stack overflow');
  });
});

describe('FetchResult paging', () => {
  const many = Array.from({ length: 2500 }, (_, i) => ({ id: i + 1, name: `n${i}` }));
  const page = (query: string) => fetchResult(many, new URLSearchParams(query), '/api/v2/things', { fields: ['id', 'name'] });

  it('caps a page at 1000 and links the next one', () => {
    const first = page('');
    assert.equal(first['@recordsetCount'], 2500);
    assert.equal(first.value.length, 1000);
    assert.equal(first['@nextLink'], '/api/v2/things?%24top=1000&%24skip=1000');
    const last = page('$top=1000&$skip=2000');
    assert.equal(last.value.length, 500);
    assert.equal(last['@nextLink'], undefined);
  });

  it('keeps the filter in the link, written with + for spaces', () => {
    const result = page(`$filter=${encodeURIComponent('id le 30')}&$top=20&$orderBy=id%20desc`);
    assert.equal(result['@recordsetCount'], 30);
    assert.equal(result.value[0]?.id, 30);
    assert.equal(result['@nextLink'], '/api/v2/things?%24filter=id+le+30&%24top=20&%24orderBy=id+desc&%24skip=20');
  });
});
