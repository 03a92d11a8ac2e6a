/**
 * The index behind customer search (the companion's `customerCode startswith q or name
 * contains q or city contains q`, ordered by customerCode): customers sorted by code, and
 * for `name` and `city` a dictionary of distinct values (lower-cased), each with its
 * customers sorted by code and a trigram index to find the values holding a substring.
 * A query costs what it matches — the values whose text fits and their customers — not the
 * number of customers on file. Text matching ignores case, as the `$filter` evaluator does.
 */
import { MinHeap } from './min-heap.js';
import { SortedList, type Cursor } from './sorted-list.js';
import type { CustomerRecord } from './types.js';

export type TextOp = 'contains' | 'startswith' | 'endswith';
export type IndexedField = 'name' | 'city';

/** One term of a search: `customerCode startswith value`, or a text op on name or city. */
export type SearchTerm = { field: 'customerCode'; op: 'startswith'; value: string } | { field: IndexedField; op: TextOp; value: string };

/** A customer in the index, with the (shared) lower-cased keys of its name and city. */
interface Entry {
  customer: CustomerRecord;
  name: string | undefined;
  city: string | undefined;
}

const byCode = (e: Entry) => e.customer.customerCode;

export function textMatches(op: TextOp, text: string | undefined, value: string): boolean {
  if (text === undefined) return false;
  const hay = text.toLowerCase();
  const needle = value.toLowerCase();
  return op === 'contains' ? hay.includes(needle) : op === 'startswith' ? hay.startsWith(needle) : hay.endsWith(needle);
}

function trigramsOf(text: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 3 <= text.length; i++) grams.push(text.slice(i, i + 3));
  return grams;
}

/** Distinct values of one field, each with its customers, and trigrams to find them. */
class ValueIndex {
  /** Lower-cased value → its customers; `key` is the one string every entry of the value shares. */
  private readonly members = new Map<string, { key: string; list: SortedList<Entry> }>();
  /** Trigram → distinct values holding it. Values whose customers are all gone stay (skipped). */
  private readonly trigrams = new Map<string, string[]>();
  /** Value as written → its lower-cased key (customers repeat values; this spares a copy each). */
  private readonly lowered = new Map<string, string>();

  /** Adds the entry under `value`; returns the shared lower-cased key. */
  add(value: string | undefined, entry: Entry): string | undefined {
    if (value === undefined) return undefined;
    let lower = this.lowered.get(value);
    if (lower === undefined) {
      lower = value.toLowerCase();
      if (this.lowered.size < 1_000_000) this.lowered.set(value, lower);
    }
    let known = this.members.get(lower);
    if (!known) {
      this.members.set(lower, (known = { key: lower, list: new SortedList(byCode) }));
      for (const gram of new Set(trigramsOf(lower))) {
        const values = this.trigrams.get(gram);
        if (values) values.push(lower);
        else this.trigrams.set(gram, [lower]);
      }
    }
    known.list.insert(entry);
    return known.key;
  }

  remove(key: string | undefined, entry: Entry): void {
    if (key !== undefined) this.members.get(key)?.list.remove(entry);
  }

  /** The keys (and customer lists) of every distinct value that satisfies `op value`. */
  matching(op: TextOp, value: string): Map<string, SortedList<Entry>> {
    const needle = value.toLowerCase();
    const grams = trigramsOf(needle);
    let candidates: Iterable<string> = this.members.keys();
    if (grams.length > 0) {
      let smallest: string[] = [];
      grams.forEach((gram, i) => {
        const values = this.trigrams.get(gram) ?? [];
        if (i === 0 || values.length < smallest.length) smallest = values;
      });
      candidates = smallest;
    }
    const out = new Map<string, SortedList<Entry>>();
    for (const key of candidates) {
      const list = this.members.get(key)?.list;
      if (list && list.size > 0 && textMatches(op, key, needle)) out.set(key, list);
    }
    return out;
  }
}

/** Every way of writing `prefix` in upper and lower case. */
function caseVariants(prefix: string): string[] {
  let variants = [''];
  for (const ch of prefix) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    const forms = lower !== upper && lower.length === 1 && upper.length === 1 ? [lower, upper] : [ch];
    variants = variants.flatMap((v) => forms.map((f) => v + f));
  }
  return variants;
}

/** Longest prefix of `value` with at most `maxLetters` cased letters (so at most 2^maxLetters variants). */
function casedPrefix(value: string, maxLetters: number): string {
  let letters = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch.toLowerCase() !== ch.toUpperCase() && ++letters > maxLetters) return value.slice(0, i);
  }
  return value;
}

/** The matches of one term: sorted, disjoint sources, and a cheap membership test. */
interface TermMatches {
  sources: Array<{ list: SortedList<Entry>; start: Cursor; end: Cursor; size: number }>;
  /** Whether every item of the sources matches (else each is checked with `has`). */
  exact: boolean;
  /** Items in the sources (an upper bound of the matches when not exact). */
  size: number;
  has(entry: Entry): boolean;
}

/** Below this many matches a code-prefix term tests membership with a Set, above it by comparing text. */
const SET_LIMIT = 50_000;

export class CustomerSearchIndex {
  private readonly all = new SortedList<Entry>(byCode);
  private readonly names = new ValueIndex();
  private readonly cities = new ValueIndex();

  add(customer: CustomerRecord): void {
    const entry: Entry = { customer, name: undefined, city: undefined };
    entry.name = this.names.add(customer.name, entry);
    entry.city = this.cities.add(customer.city, entry);
    this.all.insert(entry);
  }

  remove(customer: CustomerRecord): void {
    const entry = this.all.find(customer.customerCode);
    if (!entry || entry.customer !== customer) return;
    this.all.remove(entry);
    this.names.remove(entry.name, entry);
    this.cities.remove(entry.city, entry);
  }

  /**
   * Customers matching any of `terms`, in customerCode order: how many there are, and the
   * items from `skip` to `skip + top`.
   */
  search(terms: readonly SearchTerm[], skip: number, top: number): { count: number; page: CustomerRecord[] } {
    const matches = terms.map((term) => this.matchesOf(term));
    // |T1 ∪ T2 ∪ …| = Σ |Ti minus the earlier terms|: each match is counted by the first term
    // that has it. A term with no earlier match to subtract is counted from its list sizes.
    let count = 0;
    matches.forEach((term, index) => {
      const earlier = matches.slice(0, index).filter((e) => e.size > 0);
      if (term.exact && earlier.length === 0) {
        count += term.size;
        return;
      }
      for (const source of term.sources) {
        for (const entry of source.list.range(source.start, source.end)) {
          if ((term.exact || term.has(entry)) && !earlier.some((e) => e.has(entry))) count++;
        }
      }
    });
    return { count, page: this.firstInCodeOrder(matches, skip + top).slice(skip) };
  }

  private matchesOf(term: SearchTerm): TermMatches {
    if (term.field === 'customerCode') {
      const prefix = casedPrefix(term.value, 6);
      const variants = caseVariants(prefix);
      const exact = prefix === term.value;
      const sources = variants
        .map((variant) => {
          const start = this.all.cursor(variant);
          const end = this.all.cursor(`${variant}\uffff`);
          return { list: this.all, start, end, size: this.all.between(start, end) };
        })
        .filter((source) => source.size > 0);
      const size = sources.reduce((sum, source) => sum + source.size, 0);
      const needle = term.value.toLowerCase();
      const startsWith = (e: Entry) => e.customer.customerCode.slice(0, needle.length).toLowerCase() === needle;
      let has = startsWith;
      if (size <= SET_LIMIT) {
        const members = new Set<Entry>();
        for (const source of sources) for (const entry of source.list.range(source.start, source.end)) if (exact || startsWith(entry)) members.add(entry);
        has = (e) => members.has(e);
      }
      return { sources, exact, size, has };
    }
    const index = term.field === 'name' ? this.names : this.cities;
    const found = index.matching(term.op, term.value);
    const sources = [...found.values()].map((list) => ({ list, start: list.first(), end: list.end(), size: list.size }));
    const field = term.field;
    const size = sources.reduce((sum, source) => sum + source.size, 0);
    return { sources, exact: true, size, has: (e) => e[field] !== undefined && found.has(e[field] as string) };
  }

  /** The first `limit` distinct customers over all terms, merged in code order. */
  private firstInCodeOrder(matches: readonly TermMatches[], limit: number): CustomerRecord[] {
    interface Head { iterator: Iterator<Entry>; term: TermMatches; current?: Entry }
    const advance = (head: Head): boolean => {
      for (let next = head.iterator.next(); !next.done; next = head.iterator.next()) {
        if (head.term.exact || head.term.has(next.value)) {
          head.current = next.value;
          return true;
        }
      }
      return false;
    };
    const codeOf = (head: Head) => (head.current as Entry).customer.customerCode;
    const heads = new MinHeap<Head>((a, b) => codeOf(a) < codeOf(b));
    for (const term of matches) {
      for (const source of term.sources) {
        const head: Head = { iterator: source.list.range(source.start, source.end), term };
        if (advance(head)) heads.push(head);
      }
    }
    const out: CustomerRecord[] = [];
    while (out.length < limit && heads.size > 0) {
      const head = heads.peek();
      const customer = (head.current as Entry).customer;
      // Codes are unique, so a customer found by several terms arrives several times in a row.
      if (out[out.length - 1] !== customer) out.push(customer);
      if (advance(head)) heads.replaceTop(head);
      else heads.pop();
    }
    return out;
  }
}
