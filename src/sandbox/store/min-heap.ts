/** A binary min-heap ordered by `less`. */
export class MinHeap<T> {
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
    for (let i = this.items.length - 1; i > 0; ) {
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

  /** Puts `item` at the top and sifts it down (also: re-sift the top after its key grew). */
  replaceTop(item: T): void {
    this.items[0] = item;
    for (let i = 0; ; ) {
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
