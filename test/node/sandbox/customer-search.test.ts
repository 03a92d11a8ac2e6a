/**
 * Customer search through the index answers exactly as a scan would: for the companion's
 * query and other indexable disjunctions, counts, pages and links are the same as those of
 * the same filter forced onto the scan path (an extra `or id eq -1` term), also after
 * creates, renames and deletes. The sorted chunk list is checked against a plain array.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { parseList } from '../../../src/sandbox/odata/fetch-result.js';
import { indexableSearch } from '../../../src/sandbox/routes/customer-query.js';
import { CUSTOMER_LIST } from '../../../src/sandbox/routes/shared.js';
import { SortedList } from '../../../src/sandbox/store/sorted-list.js';
import { createRandom } from '../../../src/sandbox/util/prng.js';
import { api, expectJson, startSandbox } from './support.js';

type Page = { '@recordsetCount': number; value: Array<{ customerCode: string }>; '@nextLink'?: string };

describe('customer search index', () => {
  let sandbox: Sandbox;
  const company = () => `/api/v2/companies/${sandbox.companyId}`;
  const query = async (filter: string, extra = '') => {
    const path = `${company()}/customers?$filter=${encodeURIComponent(filter)}&$orderBy=${encodeURIComponent('customerCode ASC')}${extra}`;
    return expectJson<Page>(await api(sandbox, path), 200);
  };
  /** The same query through the index and through a scan must agree on everything. */
  const agree = async (filter: string, extra = '&$top=20') => {
    const indexed = await query(filter, extra);
    const scanned = await query(`${filter} or id eq -1`, extra);
    assert.equal(indexed['@recordsetCount'], scanned['@recordsetCount'], `count of ${filter}`);
    assert.deepEqual(indexed.value.map((c) => c.customerCode), scanned.value.map((c) => c.customerCode), `page of ${filter}`);
    assert.equal(indexed['@nextLink'] === undefined, scanned['@nextLink'] === undefined);
    return indexed;
  };
  const create = async (customers: object[]) =>
    expectJson(await api(sandbox, `${company()}/customers`, { method: 'POST', body: JSON.stringify(customers), headers: { 'content-type': 'application/json' } }), 200);
  const customer = (customerCode: string, name: string, city: string) => ({ customerCode, name, line1: '1 A St', city, region: 'NV', postalCode: '89501', country: 'US' });

  before(async () => {
    sandbox = await startSandbox({ customers: 3000 });
    await create([
      customer('acme-1', 'Acme Lower', 'Reno'), customer('ACME-2', 'ACME Upper', 'reno'), customer('Acme_3', 'acme mixed', 'RENO'),
      customer('AcmE-4', 'Ünïcode Trading', 'São Paulo'), customer('A_B', 'Under Score', 'Sparks'), customer('AB', 'Plain AB', 'Sparks'),
    ]);
  });
  after(() => sandbox.close());

  it('takes the index for the search the companion sends, and a scan for anything else', () => {
    const plan = (filter: string, orderBy = 'customerCode ASC') => {
      const { filter: parsed, order } = parseList(new URLSearchParams({ $filter: filter, $orderBy: orderBy }), CUSTOMER_LIST);
      return indexableSearch(parsed, order);
    };
    assert.equal(plan("customerCode startswith 'x' or name contains 'x' or city contains 'x'")?.length, 3);
    assert.equal(plan("customerCode startswith 'x' or name contains 'x' or id eq -1"), null);
    assert.equal(plan("customerCode startswith 'x' and name contains 'x'"), null);
    assert.equal(plan("name contains 'x'", 'customerCode DESC'), null);
    assert.equal(plan("name contains 'x'", 'name'), null);
  });

  it("answers the companion's search as a scan does", async () => {
    for (const q of ['G-0001', 'g-00', 'acme', 'ACME-', 'reno', 'Supply', 'summit', 'll', 'Seattle', 'a_', 'ünï', "O'B", 'zzz-none', '']) {
      const quoted = `'${q.replace(/'/g, "''")}'`;
      await agree(`customerCode startswith ${quoted} or name contains ${quoted} or city contains ${quoted}`);
    }
    const found = await agree("customerCode startswith 'G-0001' or name contains 'G-0001' or city contains 'G-0001'");
    assert.equal(found['@recordsetCount'], 100);
    assert.equal(found.value[0]?.customerCode, 'G-000100');
  });

  it('answers other indexable disjunctions and every page', async () => {
    await agree("name startswith 'harbor' or city endswith 'land'");
    await agree("customerCode startswith 'G-001' or customerCode startswith 'G-002'");
    await agree("customerCode startswith 'A'");
    const first = await agree("name contains 'supply'", '&$top=50');
    let link = first['@nextLink'];
    let skip = 50;
    for (let pages = 0; link && pages < 3; pages++, skip += 50) {
      const indexed = await expectJson<Page>(await api(sandbox, link), 200);
      const scanned = await query("name contains 'supply' or id eq -1", `&$top=50&$skip=${skip}`);
      assert.deepEqual(indexed.value.map((c) => c.customerCode), scanned.value.map((c) => c.customerCode));
      link = indexed['@nextLink'];
    }
  });

  it('follows creates, renames and deletes', async () => {
    await create([customer('G-0001-NEW', 'Newly Made', 'Elko')]);
    const path = `${company()}/customers/G-000150`;
    const current = await expectJson<Record<string, unknown>>(await api(sandbox, path), 200);
    await expectJson(await api(sandbox, path, { method: 'PUT', body: JSON.stringify({ ...current, name: 'Renamed Zebra', city: 'Elko' }), headers: { 'content-type': 'application/json' } }), 200);
    await expectJson(await api(sandbox, `${company()}/customers/G-000160`, { method: 'DELETE' }), 200);
    const found = await agree("customerCode startswith 'G-0001' or name contains 'zebra' or city contains 'elko'", '&$top=200');
    const codes = found.value.map((c) => c.customerCode);
    assert.ok(codes.includes('G-0001-NEW') && codes.includes('G-000150') && !codes.includes('G-000160'));
    assert.equal((await query("name contains 'zebra'"))['@recordsetCount'], 1);
  });
});

describe('SortedList', () => {
  it('keeps the same order and positions as a sorted array through random inserts and removes', () => {
    const random = createRandom(7);
    const list = new SortedList<string>((s) => s);
    const plain: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const key = `k${Math.floor(random() * 5000).toString().padStart(4, '0')}`;
      const at = plain.indexOf(key);
      if (at >= 0) {
        assert.equal(list.remove(key), true);
        plain.splice(at, 1);
      } else {
        list.insert(key);
        const after = plain.findIndex((k) => k > key);
        plain.splice(after < 0 ? plain.length : after, 0, key);
      }
    }
    assert.equal(list.size, plain.length);
    assert.deepEqual([...list.range()], plain);
    for (const [from, to] of [['k0000', 'k1234'], ['k1234', 'k2500x'], ['k2500x', 'k4999'], ['k4', 'k9'], ['k9', 'k99']]) {
      const inRange = plain.filter((k) => k >= (from as string) && k < (to as string));
      const a = list.cursor(from as string);
      const b = list.cursor(to as string);
      assert.equal(list.between(a, b), inRange.length, `${from}..${to}`);
      assert.deepEqual([...list.range(a, b)], inRange);
      assert.equal(list.find(inRange[0] ?? 'missing'), inRange[0]);
    }
  });
});
