import type { Rng } from './random';

/**
 * Stratified k-fold assignment: each class is shuffled and dealt round-robin, so every fold
 * keeps the positive rate (15% purchases in the Online Shoppers data).
 *
 * @returns the fold (0..k-1) of each row
 * @example
 * const fold = stratifiedFolds(labels, 5, createRng(1));
 * const test = rows.filter((_, i) => fold[i] === 0);
 */
export function stratifiedFolds(labels: readonly boolean[], k: number, rng: Rng): number[] {
  const fold = new Array<number>(labels.length).fill(0);
  for (const cls of [true, false]) {
    const members = labels.flatMap((l, i) => (l === cls ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [members[i], members[j]] = [members[j] as number, members[i] as number];
    }
    // continue the deal where the other class stopped, so fold sizes differ by one at most
    const offset = cls ? 0 : labels.filter(Boolean).length;
    members.forEach((row, i) => {
      fold[row] = (i + offset) % k;
    });
  }
  return fold;
}
