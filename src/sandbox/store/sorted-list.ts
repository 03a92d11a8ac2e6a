/**
 * A sorted list in chunks of at most CHUNK items: insert and remove cost O(CHUNK + chunks)
 * instead of moving a million-element array, and range queries find positions by binary
 * search. Items are ordered by a string key; equal keys are not allowed.
 */
const CHUNK = 1024;

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

  /** Position of the first item whose key is ≥ `key`. */
  lowerBound(key: string): number {
    if (this.chunks.length === 0) return 0;
    const c = this.chunkFor(key);
    let position = 0;
    for (let i = 0; i < c; i++) position += (this.chunks[i] as T[]).length;
    return position + this.indexIn(this.chunks[c] as T[], key);
  }

  /** Items from position `start` (inclusive) to `end` (exclusive), in key order. */
  *range(start: number, end = this.count): Generator<T> {
    let skipped = 0;
    let c = 0;
    while (c < this.chunks.length && skipped + (this.chunks[c] as T[]).length <= start) skipped += (this.chunks[c++] as T[]).length;
    let position = skipped;
    for (; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] as T[];
      for (let i = Math.max(0, start - position); i < chunk.length; i++) {
        if (position + i >= end) return;
        yield chunk[i] as T;
      }
      position += chunk.length;
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
