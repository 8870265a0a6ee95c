import { softmax } from './softmax';

/** Logits of one held-out example with its true class (-1 when its label is out of scope). */
export interface HeldOut {
  logits: ArrayLike<number>;
  label: number;
}

function nll(examples: readonly HeldOut[], temperature: number): number {
  let total = 0;
  for (const ex of examples) {
    if (ex.label < 0) continue;
    total -= Math.log(Math.max(softmax(ex.logits, temperature)[ex.label] ?? 0, 1e-12));
  }
  return total;
}

/**
 * Temperature scaling (Guo et al. 2017): the one scalar that minimises the negative
 * log-likelihood of held-out examples. Golden-section search on log T; the loss is unimodal in T.
 */
export function fitTemperature(examples: readonly HeldOut[]): number {
  if (!examples.some((e) => e.label >= 0)) return 1;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (nll(examples, Math.exp(a)) < nll(examples, Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

/** A prediction's confidence and whether it was right, for calibration metrics. */
export interface ScoredPrediction {
  confidence: number;
  correct: boolean;
}

/**
 * Expected calibration error: the gap between confidence and accuracy, averaged over equal-width
 * confidence bins weighted by their size.
 *
 * @param bins @default 10
 */
export function expectedCalibrationError(predictions: readonly ScoredPrediction[], bins = 10): number {
  if (predictions.length === 0) return 0;
  const count = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  for (const p of predictions) {
    const b = Math.min(bins - 1, Math.floor(p.confidence * bins));
    count[b] = (count[b] ?? 0) + 1;
    conf[b] = (conf[b] ?? 0) + p.confidence;
    right[b] = (right[b] ?? 0) + (p.correct ? 1 : 0);
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const n = count[b] ?? 0;
    if (n > 0) ece += (n / predictions.length) * Math.abs((conf[b] ?? 0) / n - (right[b] ?? 0) / n);
  }
  return ece;
}

/** How much the out-of-scope budget evens out intents of different sizes: 0 = per example, 1 = per intent. */
const INTENT_WEIGHT_POWER = 0.5;

/** A held-out example scored for the out-of-scope threshold. */
export interface ThresholdExample {
  /** Best in-scope confidence. */
  confidence: number;
  /** True for examples labelled out of scope. */
  outOfScope: boolean;
  /** For in-scope examples: was the best in-scope intent right? */
  correct: boolean;
  /** The true intent, so small intents are not crowded out of the accuracy budget. @default one group */
  intent?: string;
}

/**
 * Learns the out-of-scope threshold from held-out data: the highest confidence cut that costs
 * at most `maxLoss` of in-scope accuracy (correct in-scope answers turned into out_of_scope).
 * The highest such cut rejects the most out-of-scope messages; with no out-of-scope examples
 * at hand it is still the cut that the accuracy budget allows.
 *
 * The loss is not counted per example: then the budget grows with every easy example of a big
 * templated intent and is spent on the few held-out examples of the rare hand-written intents
 * (the cut climbs whenever easy examples are added). Nor purely per intent: then one held-out
 * example of a tiny intent sets the cut. An intent's n held-out examples weigh √n together.
 *
 * @param maxLoss allowed in-scope accuracy loss, @default 0.015
 */
export function learnThreshold(examples: readonly ThresholdExample[], maxLoss = 0.015): number {
  const inScope = examples.filter((e) => !e.outOfScope);
  if (inScope.length === 0) return 0;
  const perIntent = new Map<string | undefined, number>();
  for (const e of inScope) perIntent.set(e.intent, (perIntent.get(e.intent) ?? 0) + 1);
  // An intent's examples weigh n^-½ each, n^½ together: between counting examples (big intents
  // decide) and counting intents (one held-out example of a tiny intent decides).
  let total = 0;
  for (const n of perIntent.values()) total += n ** (1 - INTENT_WEIGHT_POWER);
  const correct = inScope
    .filter((e) => e.correct)
    .map((e) => ({ confidence: e.confidence, weight: (perIntent.get(e.intent) ?? 1) ** -INTENT_WEIGHT_POWER / total }))
    .sort((a, b) => a.confidence - b.confidence);
  let spent = 0;
  for (const c of correct) {
    // Cutting at this confidence rejects everything below it: stop before the budget is exceeded.
    if (spent + c.weight > maxLoss + 1e-12) return c.confidence;
    spent += c.weight;
  }
  return correct[correct.length - 1]?.confidence ?? 0;
}

