/**
 * The index behind customer search (the companion's `customerCode startswith q or name
 * contains q or city contains q`, ordered by customerCode): customers sorted by code, and
 * for `name` and `city` a dictionary of distinct values (lower-cased), each with its
 * customers sorted by code and a trigram index to find the values holding a substring.
 * A query costs what it matches — the values whose text fits and their customers — not
 * the number of customers on file. Text matching ignores case, as the `$filter` evaluator.
 */
import { SortedList } from './sorted-list.js';
import type { CustomerRecord } from './types.js';

export type TextOp = 'contains' | 'startswith' | 'endswith';
export type IndexedField = 'name' | 'city';

/** One term of a search: `customerCode startswith value`, or a text op on name or city. */
export type SearchTerm = { field: 'customerCode'; op: 'startswith'; value: string } | { field: IndexedField; op: TextOp; value: string };

const byCode = (c: CustomerRecord) => c.customerCode;

export function textMatches(op: TextOp, text: string | undefined, value: string): boolean {
  if (text === undefined) return false;
  const hay = text.toLowerCase();
  const needle = value.toLowerCase();
  return op === 'contains' ? hay.includes(needle) : op === 'startswith' ? hay.startsWith(needle) : hay.endsWith(needle);
}

/** Distinct values of one field, each with its customers, and trigrams to find them. */
class ValueIndex {
  private readonly members = new Map<string, SortedList<CustomerRecord>>();
  /** Trigram → distinct values holding it. Values whose customers are all gone stay (lazily skipped). */
  private readonly trigrams = new Map<string, string[]>();

  add(value: string | undefined, customer: CustomerRecord): void {
    if (value === undefined) return;
    const key = value.toLowerCase();
    let list = this.members.get(key);
    if (!list) {
      this.members.set(key, (list = new SortedList(byCode)));
      for (const gram of new Set(trigramsOf(key))) {
        const values = this.trigrams.get(gram);
        if (values) values.push(key);
        else this.trigrams.set(gram, [key]);
      }
    }
    list.insert(customer);
  }

  remove(value: string | undefined, customer: CustomerRecord): void {
    if (value !== undefined) this.members.get(value.toLowerCase())?.remove(customer);
  }

  /** The customer lists of every distinct value that satisfies `op value`. */
  matching(op: TextOp, value: string): SortedList<CustomerRecord>[] {
    const needle = value.toLowerCase();
    const grams = trigramsOf(needle);
    let candidates: Iterable<string> = this.members.keys();
    if (grams.length > 0) {
      let smallest: string[] | undefined;
      for (const gram of grams) {
        const values = this.trigrams.get(gram) ?? [];
        if (!smallest || values.length < smallest.length) smallest = values;
      }
      candidates = smallest ?? [];
    }
    const out: SortedList<CustomerRecord>[] = [];
    for (const key of candidates) {
      const list = this.members.get(key);
      if (list && list.size > 0 && textMatches(op, key, needle)) out.push(list);
    }
    return out;
  }
}

function trigramsOf(text: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 3 <= text.length; i++) grams.push(text.slice(i, i + 3));
  return grams;
}

/** Every way of writing `prefix` in upper and lower case (ASCII letters; at most 2^6). */
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

/** Longest prefix of `value` with at most `maxLetters` cased letters. */
function casedPrefix(value: string, maxLetters: number): string {
  let letters = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch.toLowerCase() !== ch.toUpperCase() && ++letters > maxLetters) return value.slice(0, i);
  }
  return value;
}

/** A stream of customers in code order that satisfy one term. */
interface TermStream {
  term: SearchTerm;
  /** Sorted sources; their union (disjoint) is the term's matches, possibly with extra items to filter out. */
  sources: Array<{ list: SortedList<CustomerRecord>; start: number; end: number }>;
  /** Whether every item of the sources matches (no filtering needed). */
  exact: boolean;
}

export class CustomerSearchIndex {
  private readonly all = new SortedList<CustomerRecord>(byCode);
  private readonly names = new ValueIndex();
  private readonly cities = new ValueIndex();

  add(customer: CustomerRecord): void {
    this.all.insert(customer);
    this.names.add(customer.name, customer);
    this.cities.add(customer.city, customer);
  }

  remove(customer: CustomerRecord): void {
    this.all.remove(customer);
    this.names.remove(customer.name, customer);
    this.cities.remove(customer.city, customer);
  }

  /**
   * Customers matching any of `terms`, in customerCode order: how many there are, and the
   * items from `skip` to `skip + top`.
   */
  search(terms: readonly SearchTerm[], skip: number, top: number): { count: number; page: CustomerRecord[] } {
    const streams = terms.map((term) => this.stream(term));
    // |T1 ∪ T2 ∪ …| = Σ |Ti minus the earlier terms|: each match is counted by the first term that has it.
    let count = 0;
    streams.forEach((stream, index) => {
      const earlier = terms.slice(0, index);
      for (const source of stream.sources) {
        if (index === 0 && stream.exact) {
          count += source.end - source.start;
          continue;
        }
        for (const customer of source.list.range(source.start, source.end)) {
          if ((stream.exact || termMatches(stream.term, customer)) && !earlier.some((t) => termMatches(t, customer))) count++;
        }
      }
    });
    return { count, page: this.firstInCodeOrder(streams, skip + top).slice(skip) };
  }

  private stream(term: SearchTerm): TermStream {
    if (term.field === 'customerCode') {
      const prefix = casedPrefix(term.value, 6);
      const sources = caseVariants(prefix).map((variant) => ({
        list: this.all,
        start: this.all.lowerBound(variant),
        end: this.all.lowerBound(`${variant}\uffff`),
      }));
      return { term, sources, exact: prefix === term.value };
    }
    const index = term.field === 'name' ? this.names : this.cities;
    const sources = index.matching(term.op, term.value).map((list) => ({ list, start: 0, end: list.size }));
    return { term, sources, exact: true };
  }

  /** The first `limit` distinct customers over all streams, merged in code order. */
  private firstInCodeOrder(streams: readonly TermStream[], limit: number): CustomerRecord[] {
    const heads = new MinHeap<Head>((a, b) => a.current.customerCode < b.current.customerCode);
    for (const stream of streams) {
      for (const source of stream.sources) {
        const head: Head = { iterator: source.list.range(source.start, source.end), stream, current: undefined as unknown as CustomerRecord };
        if (advance(head)) heads.push(head);
      }
    }
    const out: CustomerRecord[] = [];
    while (out.length < limit && heads.size > 0) {
      const head = heads.peek();
      // Codes are unique, so a customer found by several terms arrives several times in a row.
      if (out[out.length - 1]?.customerCode !== head.current.customerCode) out.push(head.current);
      if (advance(head)) heads.replaceTop(head);
      else heads.pop();
    }
    return out;
  }
}

interface Head {
  iterator: Iterator<CustomerRecord>;
  stream: TermStream;
  current: CustomerRecord;
}

/** Moves a head to its stream's next match; false at the end. */
function advance(head: Head): boolean {
  for (let next = head.iterator.next(); !next.done; next = head.iterator.next()) {
    if (head.stream.exact || termMatches(head.stream.term, next.value)) {
      head.current = next.value;
      return true;
    }
  }
  return false;
}

/** A binary min-heap. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T {
    return this.items[0] as T;
  }

  push(item: T): void {
    this.items.push(item);
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.items[i] as T, this.items[parent] as T)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): void {
    const last = this.items.pop() as T;
    if (this.items.length > 0) this.replaceTop(last);
  }

  /** Replaces the top (or re-sifts it after its key grew). */
  replaceTop(item: T): void {
    this.items[0] = item;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.items.length && this.less(this.items[left] as T, this.items[smallest] as T)) smallest = left;
      if (right < this.items.length && this.less(this.items[right] as T, this.items[smallest] as T)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private swap(a: number, b: number): void {
    const t = this.items[a] as T;
    this.items[a] = this.items[b] as T;
    this.items[b] = t;
  }
}

export function termMatches(term: SearchTerm, customer: CustomerRecord): boolean {
  return textMatches(term.op, customer[term.field], term.value);
}
