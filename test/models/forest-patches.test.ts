// Proves the two fixes in patches/ (see patches/README.md) on the installed libraries.
import { DecisionTreeClassifier } from 'ml-cart';
import { RandomForestClassifier } from 'ml-random-forest';
import { assertForestPatched, createRng, type Rng } from '../../models';

/** n rows × d features; the label depends on features 0 and 3 with some noise. */
function synthetic(n: number, d: number, rng: Rng): { x: number[][]; y: number[] } {
  const x = Array.from({ length: n }, () => Array.from({ length: d }, () => Math.round(rng() * 1000) / 10));
  const y = x.map((row) => ((row[0] as number) + 0.5 * (row[3] as number) + 30 * rng() > 90 ? 1 : 0));
  return { x, y };
}

/** Brute force over every midpoint of every feature: the best Gini gain of one split. */
function bestGiniGain(x: number[][], y: number[]): number {
  const gini = (labels: number[]): number => {
    if (labels.length === 0) return 0;
    const p = labels.filter((l) => l === 1).length / labels.length;
    return 1 - p * p - (1 - p) * (1 - p);
  };
  let best = -Infinity;
  for (let f = 0; f < (x[0] as number[]).length; f++) {
    const values = [...new Set(x.map((r) => r[f] as number))].sort((a, b) => a - b);
    for (let i = 1; i < values.length; i++) {
      const t = ((values[i - 1] as number) + (values[i] as number)) / 2;
      const left = y.filter((_, r) => (x[r]![f] as number) < t);
      const right = y.filter((_, r) => (x[r]![f] as number) >= t);
      best = Math.max(best, gini(y) - (gini(left) * left.length + gini(right) * right.length) / y.length);
    }
  }
  return best;
}

describe('patched ml-random-forest / ml-cart', () => {
  it('predictProbability counts every tree: the class probabilities sum to 1', () => {
    const { x, y } = synthetic(300, 5, createRng(3));
    const forest = new RandomForestClassifier({ nEstimators: 7, seed: 5, noOOB: true });
    forest.train(x, y);
    const sample = x.slice(0, 50);
    const p0 = forest.predictProbability(sample, 0);
    const p1 = forest.predictProbability(sample, 1);
    p0.forEach((p, i) => expect(p + (p1[i] as number)).toBeCloseTo(1, 6));
    // and each is a whole number of votes out of 7
    p1.forEach((p) => expect(Math.abs(p * 7 - Math.round(p * 7))).toBeLessThan(1e-5));
  });

  it('finds the exact best Gini split when thresholds are not capped', () => {
    const { x, y } = synthetic(400, 4, createRng(11));
    const tree = new DecisionTreeClassifier({ maxDepth: 1, maxThresholds: 1e6, gainThreshold: 0 });
    tree.train(x, y);
    const root = (tree as unknown as { root: { gain: number } }).root;
    expect(root.gain).toBeCloseTo(bestGiniGain(x, y), 10);
  });

  it('trains a forest on 10k rows × 17 features within a test (stock: minutes per tree batch)', () => {
    expect(() => assertForestPatched()).not.toThrow();
    const { x, y } = synthetic(12_000, 17, createRng(7));
    const train = { x: x.slice(0, 10_000), y: y.slice(0, 10_000) };
    const forest = new RandomForestClassifier({ nEstimators: 5, seed: 1, noOOB: true, treeOptions: { minNumSamples: 20, gainThreshold: 0 } });
    forest.train(train.x, train.y);
    const predicted = forest.predict(x.slice(10_000));
    const accuracy = predicted.filter((p, i) => p === y[10_000 + i]).length / predicted.length;
    // held-out rows: the noise band of the label limits accuracy to about 0.9
    expect(accuracy).toBeGreaterThan(0.8);
  });
});
