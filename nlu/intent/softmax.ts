import { createRng, shuffled } from '../random';
import type { SparseVector } from './vectorizer';

/** Per-class gradients below this are skipped in the update (see {@link trainSoftmax}). */
const GRADIENT_FLOOR = 1e-4;

/** Options of {@link trainSoftmax}. */
export interface SoftmaxOptions {
  /** Passes over the data, @default 30 */
  epochs?: number;
  /** L2 penalty per example (1 / (C·n) in scikit-learn's terms), @default 1e-5 */
  l2?: number;
  /** Initial learning rate, @default 0.5 */
  learningRate?: number;
  /** Shuffling seed, @default 1 */
  seed?: number;
  /** Continue from this model (warm start) instead of zeros. */
  init?: SoftmaxModel;
  /** Steps already taken by `init`, so the learning-rate schedule carries on, @default 0 */
  startStep?: number;
  /** Train only on these example indices, @default all */
  subset?: readonly number[];
  /** Called after each epoch with (epoch, epochs): drives progress bars. */
  onEpoch?: (epoch: number, epochs: number) => void;
}

/** A trained multinomial logistic regression over sparse features. */
export interface SoftmaxModel {
  classes: number;
  features: number;
  /** Row-major [feature][class]. */
  weights: Float32Array;
  bias: Float32Array;
  /** SGD steps taken (for warm starts). */
  steps?: number;
}

/** Raw scores (logits) of one example. */
export function softmaxLogits(model: SoftmaxModel, x: SparseVector): Float64Array {
  const { classes, weights } = model;
  const logits = new Float64Array(classes);
  for (let c = 0; c < classes; c++) logits[c] = model.bias[c] ?? 0;
  for (let k = 0; k < x.indices.length; k++) {
    const row = x.indices[k]! * classes;
    const v = x.values[k]!;
    for (let c = 0; c < classes; c++) logits[c] = logits[c]! + v * weights[row + c]!;
  }
  return logits;
}

/** Softmax of logits divided by a temperature (1 = unchanged; > 1 softens over-confident scores). */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const out = new Float64Array(logits.length);
  let max = -Infinity;
  for (let c = 0; c < logits.length; c++) max = Math.max(max, (logits[c] ?? 0) / temperature);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    out[c] = Math.exp((logits[c] ?? 0) / temperature - max);
    sum += out[c] ?? 0;
  }
  for (let c = 0; c < out.length; c++) out[c] = (out[c] ?? 0) / sum;
  return out;
}

/**
 * Trains multinomial logistic regression by SGD with L2 and a decaying learning rate
 * (Bottou's schedule). The weights are kept as scale × V so the L2 shrink of every weight is
 * O(1) per step: only the rows of the example's non-zero features are touched, which is what
 * makes training on 10k messages × 100k n-grams take seconds.
 */
export function trainSoftmax(xs: readonly SparseVector[], ys: readonly number[], classes: number, features: number, options: SoftmaxOptions = {}): SoftmaxModel {
  const epochs = options.epochs ?? 30;
  const l2 = options.l2 ?? 1e-5;
  const eta0 = options.learningRate ?? 0.5;
  const rng = createRng(options.seed ?? 1);
  const v = options.init ? Float32Array.from(options.init.weights) : new Float32Array(features * classes);
  const bias = options.init ? Float64Array.from(options.init.bias) : new Float64Array(classes);
  let scale = 1;
  let t = options.startStep ?? 0;
  const order = options.subset ? [...options.subset] : xs.map((_, i) => i);
  const probs = new Float64Array(classes);
  const scratch = { grad: new Float64Array(classes), active: new Int32Array(classes) };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of shuffled(order, rng)) {
      const x = xs[i] as SparseVector;
      const eta = eta0 / (1 + eta0 * l2 * t);
      t++;
      forward(v, bias, scale, x, classes, probs);
      scale *= 1 - eta * l2;
      update(v, bias, x, ys[i] ?? 0, probs, eta, eta / scale, scratch);
      if (scale < 1e-6) scale = rescale(v, scale);
    }
    options.onEpoch?.(epoch + 1, epochs);
  }
  const weights = new Float32Array(v.length);
  for (let k = 0; k < v.length; k++) weights[k] = (v[k] ?? 0) * scale;
  return { classes, features, weights, bias: Float32Array.from(bias), steps: t };
}

/**
 * One SGD update for example x with true class y: bias by `eta`, weights (stored divided by the
 * scale) by `step`. Kept apart from the loop so V8 optimises this hot path on its own.
 */
function update(v: Float32Array, bias: Float64Array, x: SparseVector, y: number, probs: Float64Array, eta: number, step: number, scratch: { grad: Float64Array; active: Int32Array }): void {
  const classes = probs.length;
  const { grad, active: activeClasses } = scratch;
  let active = 0;
  for (let c = 0; c < classes; c++) {
    const g = probs[c]! - (c === y ? 1 : 0);
    bias[c] = bias[c]! - eta * g;
    // Classes the model already rules out have a vanishing gradient: skipping them makes
    // later epochs several times cheaper with no measurable change in the weights.
    if (Math.abs(g) > GRADIENT_FLOOR) {
      activeClasses[active] = c;
      grad[active++] = -step * g;
    }
  }
  // Hot loop: indices are in range by construction, hence the non-null assertions.
  const { indices, values } = x;
  for (let k = 0; k < indices.length; k++) {
    const row = indices[k]! * classes;
    const value = values[k]!;
    for (let a = 0; a < active; a++) {
      const idx = row + activeClasses[a]!;
      v[idx] = v[idx]! + value * grad[a]!;
    }
  }
}

function forward(v: Float32Array, bias: Float64Array, scale: number, x: SparseVector, classes: number, out: Float64Array): void {
  out.fill(0);
  const { indices, values } = x;
  for (let k = 0; k < indices.length; k++) {
    const row = indices[k]! * classes;
    const value = values[k]!;
    // Four classes a step: the same additions in the same order, so the same weights bit for
    // bit, in about a fifth less CPU (this loop is most of every intent model's training).
    let c = 0;
    for (; c + 3 < classes; c += 4) {
      out[c] = out[c]! + value * v[row + c]!;
      out[c + 1] = out[c + 1]! + value * v[row + c + 1]!;
      out[c + 2] = out[c + 2]! + value * v[row + c + 2]!;
      out[c + 3] = out[c + 3]! + value * v[row + c + 3]!;
    }
    for (; c < classes; c++) out[c] = out[c]! + value * v[row + c]!;
  }
  let max = -Infinity;
  for (let c = 0; c < classes; c++) {
    out[c] = out[c]! * scale + bias[c]!;
    if (out[c]! > max) max = out[c]!;
  }
  // Softmax in place: this runs once per SGD step, so it allocates nothing.
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < classes; c++) out[c] = out[c]! / sum;
}

function rescale(v: Float32Array, scale: number): number {
  for (let k = 0; k < v.length; k++) v[k] = (v[k] ?? 0) * scale;
  return 1;
}
