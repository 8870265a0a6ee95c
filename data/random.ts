/** A deterministic source of numbers in [0, 1), derived from ids rather than from a global seed. */
export interface IdRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * Hashes text to 32 bits (FNV-1a, then a murmur-style finaliser so nearby ids such as `536365`
 * and `536366` land far apart).
 */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A generator seeded by a purpose and an id (e.g. `randomFor('shipment', '536365')`), so every
 * generated fact of the demo shop depends only on the row it belongs to: adding or removing one
 * order never changes another order's carrier or dates. splitmix32 underneath.
 *
 * @example
 * const random = randomFor('customer-name', '17850');
 * const first = random.pick(['Ann', 'Bob']);
 */
export function randomFor(purpose: string, id: string): IdRandom {
  let state = hashText(`${purpose}:${id}`);
  const next = (): number => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return ((z ^ (z >>> 15)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('randomFor: pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
  };
}
