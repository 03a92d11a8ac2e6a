/**
 * A small seeded pseudo-random generator (32-bit state, splitmix-style output mixing).
 * Generated data and fault decisions must repeat exactly for a given seed, which
 * `Math.random` cannot give.
 */
export type Random = () => number;

/** Returns a generator of floats in [0, 1), fully determined by `seed`. */
export function createRandom(seed: number): Random {
  let state = (Math.trunc(seed) ^ 0x5bd1e995) >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 0x1_0000_0000;
  };
}

/** Picks one element of a non-empty array. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** An integer in [min, max]. */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
