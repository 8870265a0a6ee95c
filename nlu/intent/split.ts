import { createRng, shuffled } from '../random';

/**
 * Splits indices per label so the held-out part has every label in proportion; labels with
 * fewer than `minPerLabel` examples stay wholly in the training part (nothing to spare).
 *
 * @param fraction share held out, @default 0.15
 * @param minPerLabel @default 3
 */
export function stratifiedSplit(labels: readonly string[], fraction = 0.15, seed = 1, minPerLabel = 3): { train: number[]; heldOut: number[] } {
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => byLabel.set(label, [...(byLabel.get(label) ?? []), i]));
  const rng = createRng(seed);
  const train: number[] = [];
  const heldOut: number[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const indices = shuffled(byLabel.get(label) ?? [], rng);
    const take = indices.length < minPerLabel ? 0 : Math.max(1, Math.round(indices.length * fraction));
    heldOut.push(...indices.slice(0, take));
    train.push(...indices.slice(take));
  }
  return { train: train.sort((a, b) => a - b), heldOut: heldOut.sort((a, b) => a - b) };
}
