/** A seeded source of floats in [0, 1): every training run, offer draw and test is reproducible. */
export type Rng = () => number;

/**
 * mulberry32: tiny, fast, and good enough for shuffling, fold assignment, k-means seeding and
 * hold-out draws (not for anything secret).
 *
 * @example
 * const rng = createRng(42);
 * rng(); // 0.6011037519201636
 */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 31-bit integer seed drawn from an Rng (ml-random-forest wants integer seeds). */
export function nextSeed(rng: Rng): number {
  return Math.floor(rng() * 0x7fffffff);
}
