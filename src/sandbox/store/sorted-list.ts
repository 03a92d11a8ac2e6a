/**
 * A sorted list in chunks of at most CHUNK items: insert and remove cost O(log n + CHUNK)
 * instead of moving a million-element array, and a range query finds its ends by binary
 * search (cursors). Items are ordered by a string key; equal keys are not allowed. Cursors
 * are valid until the next insert or remove.
 */
const CHUNK = 1024;

/** A place in the list: item `index` of chunk `chunk`. */
export interface Cursor {
  chunk: number;
  index: number;
}

export class SortedList<T> {
  private chunks: T[][] = [];
  private count = 0;

  constructor(private readonly keyOf: (item: T) => string) {}

  get size(): number {
    return this.count;
  }

  insert(item: T): void {
    const key = this.keyOf(item);
    if (this.chunks.length === 0) {
      this.chunks.push([item]);
      this.count = 1;
      return;
    }
    const c = this.chunkFor(key);
    const chunk = this.chunks[c] as T[];
    chunk.splice(this.indexIn(chunk, key), 0, item);
    this.count++;
    if (chunk.length > CHUNK) this.chunks.splice(c + 1, 0, chunk.splice(CHUNK / 2));
  }

  /** Removes the item with the same key; returns whether there was one. */
  remove(item: T): boolean {
    const key = this.keyOf(item);
    if (this.chunks.length === 0) return false;
    const c = this.chunkFor(key);
    const chunk = this.chunks[c] as T[];
    const i = this.indexIn(chunk, key);
    if (i >= chunk.length || this.keyOf(chunk[i] as T) !== key) return false;
    chunk.splice(i, 1);
    this.count--;
    if (chunk.length === 0) this.chunks.splice(c, 1);
    return true;
  }

  /** The item with exactly this key. */
  find(key: string): T | undefined {
    if (this.chunks.length === 0) return undefined;
    const chunk = this.chunks[this.chunkFor(key)] as T[];
    const item = chunk[this.indexIn(chunk, key)];
    return item !== undefined && this.keyOf(item) === key ? item : undefined;
  }

  /** Where the first item whose key is ≥ `key` is (or the end). O(log n). */
  cursor(key: string): Cursor {
    if (this.chunks.length === 0) return { chunk: 0, index: 0 };
    const chunk = this.chunkFor(key);
    const index = this.indexIn(this.chunks[chunk] as T[], key);
    return index < (this.chunks[chunk] as T[]).length ? { chunk, index } : { chunk: chunk + 1, index: 0 };
  }

  /** The start of the list. */
  first(): Cursor {
    return { chunk: 0, index: 0 };
  }

  /** The end of the list. */
  end(): Cursor {
    return { chunk: this.chunks.length, index: 0 };
  }

  /** How many items lie from `from` (inclusive) to `to` (exclusive): O(chunks between them). */
  between(from: Cursor, to: Cursor): number {
    if (from.chunk > to.chunk || (from.chunk === to.chunk && from.index >= to.index)) return 0;
    if (from.chunk === to.chunk) return to.index - from.index;
    let count = (this.chunks[from.chunk] as T[]).length - from.index;
    for (let c = from.chunk + 1; c < to.chunk; c++) count += (this.chunks[c] as T[]).length;
    return count + to.index;
  }

  /** The items from `from` (inclusive) to `to` (exclusive), in key order. */
  *range(from: Cursor = this.first(), to: Cursor = this.end()): Generator<T> {
    for (let c = from.chunk; c <= to.chunk && c < this.chunks.length; c++) {
      const chunk = this.chunks[c] as T[];
      const stop = c === to.chunk ? to.index : chunk.length;
      for (let i = c === from.chunk ? from.index : 0; i < stop; i++) yield chunk[i] as T;
    }
  }

  /** The chunk that holds, or would hold, `key`. */
  private chunkFor(key: string): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.chunks[mid] as T[];
      if (this.keyOf(chunk[chunk.length - 1] as T) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexIn(chunk: readonly T[], key: string): number {
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keyOf(chunk[mid] as T) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
