import { DecisionTreeClassifier } from 'ml-cart';
import { RandomForestClassifier } from 'ml-random-forest';

/** Options of one random forest. */
export interface ForestOptions {
  /** Number of trees. @default 40 */
  trees: number;
  /** A node with at most this many rows becomes a leaf (ml-cart `minNumSamples`): large leaves give
   * smoother probabilities, which rank better here than fully grown trees. @default 150 */
  minNodeSize: number;
  /** Candidate thresholds per feature (patched ml-cart `maxThresholds`). @default 64 */
  maxThresholds: number;
  /** Share of features each tree sees (ml-random-forest `maxFeatures`). @default 1 */
  maxFeatures: number;
  /** Integer seed of bagging and feature sampling. @default 1 */
  seed: number;
}

/** Defaults chosen by 5-fold CV on the Online Shoppers data (see bench/propensity.ts). */
export const DEFAULT_FOREST_OPTIONS: ForestOptions = { trees: 40, minNodeSize: 150, maxThresholds: 64, maxFeatures: 1, seed: 1 };

/**
 * One tree as parallel arrays (node 0 is the root). Internal nodes send `x[feature] < threshold`
 * left, as ml-cart does; leaves have feature -1 and hold the share of positive training rows.
 */
export interface CompactTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** Leaf: share of positives; internal node: 0 (unused). */
  value: number[];
}

/** A trained forest, independent of the library that grew it: a few MB of JSON at most. */
export interface CompactForest {
  trees: CompactTree[];
}

/** The part of an ml-cart tree node we read (the library ships no types for it). */
interface CartNode {
  splitColumn?: number;
  splitValue?: number;
  left?: CartNode;
  right?: CartNode;
  distribution?: { columns: number; get(row: number, column: number): number };
}

/**
 * Throws unless patches/ml-cart is applied: unpatched, training takes minutes instead of
 * seconds. (patch-package runs from scripts/postinstall.js; an install without dev
 * dependencies skips it.)
 */
export function assertForestPatched(): void {
  const options = (new DecisionTreeClassifier() as unknown as { options: Record<string, unknown> }).options;
  if (options.maxThresholds === undefined) {
    throw new Error('ml-cart is not patched: run `npm install` with dev dependencies so patches/ are applied');
  }
}

/**
 * Trains a random forest with ml-random-forest (bagging, all features per tree unless
 * `maxFeatures` < 1) on the patched, linear-time ml-cart, and returns it in compact form.
 *
 * @param rows - one numeric vector per example
 * @param labels - 0 or 1 per example
 */
export function trainForest(rows: readonly number[][], labels: readonly number[], options: Partial<ForestOptions> = {}): CompactForest {
  assertForestPatched();
  const o = { ...DEFAULT_FOREST_OPTIONS, ...options };
  const forest = new RandomForestClassifier({
    nEstimators: o.trees,
    maxFeatures: o.maxFeatures,
    replacement: false,
    seed: o.seed,
    useSampleBagging: true,
    noOOB: true,
    treeOptions: { minNumSamples: o.minNodeSize, gainThreshold: 0, maxThresholds: o.maxThresholds },
  });
  forest.train(rows as number[][], labels as number[]);
  const { estimators, indexes } = forest as unknown as { estimators: { root: CartNode }[]; indexes: number[][] };
  return { trees: estimators.map((tree, i) => compactTree(tree.root, indexes[i] ?? [])) };
}

/** Flattens an ml-cart tree; `columns` maps the tree's feature subset back to input columns. */
function compactTree(root: CartNode, columns: readonly number[]): CompactTree {
  const tree: CompactTree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const visit = (node: CartNode): number => {
    const id = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(0);
    if (node.left && node.right && node.splitColumn !== undefined && node.splitValue !== undefined) {
      tree.feature[id] = columns[node.splitColumn] ?? node.splitColumn;
      tree.threshold[id] = node.splitValue;
      tree.left[id] = visit(node.left);
      tree.right[id] = visit(node.right);
    } else {
      // a leaf whose rows were all negative has a one-column distribution
      const d = node.distribution;
      tree.value[id] = d && d.columns > 1 ? Math.round(d.get(0, 1) * 1e4) / 1e4 : 0;
    }
    return id;
  };
  visit(root);
  return tree;
}

/**
 * Share of trees' leaf probabilities for the positive class, averaged (soft voting, as
 * scikit-learn does): finer-grained than counting votes, so better for ranking and calibration.
 */
export function forestScore(forest: CompactForest, x: readonly number[]): number {
  let sum = 0;
  for (const tree of forest.trees) {
    let node = 0;
    while (tree.feature[node] !== -1) {
      const f = tree.feature[node] as number;
      node = ((x[f] as number) < (tree.threshold[node] as number) ? tree.left[node] : tree.right[node]) as number;
    }
    sum += tree.value[node] as number;
  }
  return forest.trees.length === 0 ? 0 : sum / forest.trees.length;
}
