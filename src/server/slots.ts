/**
 * At most `limit` holders at a time; others wait in line, each for at most `waitMs`. Bounds the
 * calls in flight towards AvaTax, and the memory that concurrent certificate uploads take (each
 * holds its file several times over while it is read, checked and encoded for AvaTax).
 */
export class Slots {
  readonly #limit: number;
  #used = 0;
  readonly #line: Array<() => void> = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** A release function once a slot is free, or null when none freed up within `waitMs`. */
  acquire(waitMs: number): Promise<(() => void) | null> {
    if (this.#used < this.#limit) {
      this.#used++;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve) => {
      const take = (): void => {
        clearTimeout(timer);
        resolve(this.#releaser());
      };
      const timer = setTimeout(() => {
        const at = this.#line.indexOf(take);
        if (at >= 0) this.#line.splice(at, 1);
        resolve(null);
      }, waitMs);
      this.#line.push(take);
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#line.shift();
      // The slot passes straight to the next in line; otherwise it is free again.
      if (next) next();
      else this.#used--;
    };
  }
}
