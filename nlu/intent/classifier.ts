import { OUT_OF_SCOPE, type IntentScore } from '../types';
import { expectedCalibrationError, fitTemperature, learnThreshold, type HeldOut } from './calibration';
import { decodeFloats, encodeFloats } from './codec';
import { softmax, softmaxLogits, trainSoftmax, type SoftmaxModel } from './softmax';
import { maskPatternEntities } from './mask';
import { stratifiedSplit } from './split';
import { TfidfVectorizer, type SparseVector, type VectorizerState } from './vectorizer';

/** One labelled training message. */
export interface IntentExample {
  text: string;
  intent: string;
}

/** Options of {@link LinearIntentClassifier.train}. */
export interface LinearTrainOptions {
  /** L2 penalty per example, @default 1e-5 */
  l2?: number;
  /** SGD passes; by default enough for ~150k steps, between 10 and 60. */
  epochs?: number;
  /** Seed of shuffling and splitting, @default 1 */
  seed?: number;
  /** Held-out share used to calibrate confidence and learn the out-of-scope threshold, @default 0.15 */
  heldOutFraction?: number;
  /** In-scope accuracy the out-of-scope threshold may cost on held-out data, @default 0.015 */
  maxInScopeLoss?: number;
  /** Progress in 0..1 (training runs twice: calibration model, then the final one). */
  onProgress?: (fraction: number) => void;
}

/** Figures measured on the held-out part during training (never on trained-on data). */
export interface CalibrationReport {
  heldOut: number;
  accuracy: number;
  /** Expected calibration error before and after temperature scaling. */
  eceRaw: number;
  ece: number;
  temperature: number;
  threshold: number;
}

/** Saved state of a {@link LinearIntentClassifier}. */
export interface LinearClassifierState {
  labels: string[];
  /** Length of the sentence embedding appended to the n-grams (0 = trained without an encoder). */
  dense: number;
  /** Emails, phones and order numbers are read as placeholders (see {@link maskPatternEntities}); false in older models. */
  masked: boolean;
  vectorizer: VectorizerState;
  weights: string;
  bias: number[];
  temperature: number;
  threshold: number;
  report: CalibrationReport;
}

/** A calibrated prediction: the intent or out_of_scope, and the full ranking. */
export interface IntentPrediction {
  intent: string;
  confidence: number;
  alternatives: IntentScore[];
}

/** Options of a prediction. */
export interface PredictOptions {
  /** Skip the out-of-scope threshold (the out_of_scope class, if trained, still counts), @default false */
  ignoreThreshold?: boolean;
}

const STEPS_PER_TRAINING = 150_000;
/**
 * Up to this many examples the final model is retrained from scratch on everything (cheap, and
 * few-shot data gains most from it); above, it continues from the calibration model for a third
 * of the epochs, which keeps training on 10k messages well under a minute.
 */
const FULL_RETRAIN_MAX = 2000;

function defaultEpochs(n: number): number {
  return Math.min(60, Math.max(10, Math.ceil(STEPS_PER_TRAINING / Math.max(1, n))));
}

/** Singletons are mostly typos and names in big data sets, but precious in few-shot ones. */
function minDfFor(n: number): number {
  return n >= 5000 ? 2 : 1;
}

/**
 * Word + character n-gram TF-IDF with multinomial logistic regression, calibrated by
 * temperature scaling and given an out-of-scope threshold, both learned on a held-out split.
 * Examples labelled `out_of_scope` are trained as a class of their own and also sharpen the
 * threshold.
 */
export class LinearIntentClassifier {
  private constructor(
    private readonly state: Omit<LinearClassifierState, 'weights' | 'vectorizer'>,
    private readonly vectorizer: TfidfVectorizer,
    private readonly model: SoftmaxModel,
  ) {}

  /** Intents known to the model (out_of_scope included when it was trained). */
  get labels(): readonly string[] {
    return this.state.labels;
  }

  /** Held-out calibration figures. */
  get report(): CalibrationReport {
    return this.state.report;
  }

  /**
   * Trains on the training part of a stratified split, calibrates confidence and learns the
   * out-of-scope threshold on the held-out part, then trains on everything so no example is
   * wasted (see {@link FULL_RETRAIN_MAX}).
   */
  static train(examples: readonly IntentExample[], options: LinearTrainOptions = {}, embeddings?: readonly Float32Array[]): LinearIntentClassifier {
    if (examples.length === 0) throw new Error('no training examples');
    if (embeddings && embeddings.length !== examples.length) throw new Error('one embedding per example is needed');
    const labels = [...new Set(examples.map((e) => e.intent))].sort();
    if (labels.filter((l) => l !== OUT_OF_SCOPE).length < 2) throw new Error('need at least two intents to train');
    const progress = options.onProgress ?? (() => undefined);
    // IDF from every text is unsupervised (no labels), so the held-out part stays honest.
    const texts = examples.map((e) => maskPatternEntities(e.text));
    const vectorizer = TfidfVectorizer.fit(texts, { minDf: minDfFor(examples.length) });
    const dense = embeddings?.[0]?.length ?? 0;
    const xs = texts.map((text, i) => appendDense(vectorizer.transform(text), vectorizer.size, embeddings?.[i]));
    const ys = examples.map((e) => labels.indexOf(e.intent));
    const features = vectorizer.size + dense;
    const split = stratifiedSplit(examples.map((e) => e.intent), options.heldOutFraction ?? 0.15, options.seed ?? 1);
    const epochs = options.epochs ?? defaultEpochs(examples.length);
    const base = { l2: options.l2 ?? 1e-5, seed: options.seed ?? 1 };
    const partial = trainSoftmax(xs, ys, labels.length, features, { ...base, epochs, subset: split.train, onEpoch: (e, n) => progress((0.75 * e) / n) });
    const heldOut = split.heldOut.map((i) => ({ x: xs[i] as SparseVector, intent: (examples[i] as IntentExample).intent }));
    const report = calibrate(heldOut, labels, partial, options.maxInScopeLoss ?? 0.015);
    const full = examples.length <= FULL_RETRAIN_MAX
      ? trainSoftmax(xs, ys, labels.length, features, { ...base, epochs, onEpoch: (e, n) => progress(0.75 + (0.25 * e) / n) })
      : trainSoftmax(xs, ys, labels.length, features, { ...base, epochs: Math.max(1, Math.ceil(epochs / 3)), init: partial, startStep: partial.steps ?? 0, onEpoch: (e, n) => progress(0.75 + (0.25 * e) / n) });
    const { temperature, threshold } = report;
    return new LinearIntentClassifier({ labels, dense, masked: true, bias: [], temperature, threshold, report }, vectorizer, full);
  }

  /** Restores a saved classifier. */
  static fromState(state: LinearClassifierState): LinearIntentClassifier {
    const vectorizer = TfidfVectorizer.fromState(state.vectorizer);
    const model: SoftmaxModel = { classes: state.labels.length, features: vectorizer.size + state.dense, weights: decodeFloats(state.weights), bias: Float32Array.from(state.bias) };
    if (model.weights.length !== model.classes * model.features) throw new Error('intent model weights do not match its vocabulary');
    return new LinearIntentClassifier(state, vectorizer, model);
  }

  /** The state to save. */
  toState(): LinearClassifierState {
    return { ...this.state, vectorizer: this.vectorizer.toState(), weights: encodeFloats(this.model.weights), bias: [...this.model.bias] };
  }

  /** Length of the sentence embedding this classifier expects (0 = none). */
  get dense(): number {
    return this.state.dense;
  }

  /** Uncalibrated scores, one per label. */
  logits(text: string, embedding?: Float32Array): Float64Array {
    return this.logitsOf(this.vectorizer.transform(this.prepare(text)), embedding);
  }

  /** The text as the model was trained to read it. */
  private prepare(text: string): string {
    return this.state.masked ? maskPatternEntities(text) : text;
  }

  private logitsOf(x: SparseVector, embedding?: Float32Array): Float64Array {
    if (this.state.dense > 0 && embedding?.length !== this.state.dense) {
      throw new Error(`this classifier needs a ${this.state.dense}-dimensional sentence embedding, got ${embedding ? embedding.length : 'none'}`);
    }
    return softmaxLogits(this.model, appendDense(x, this.vectorizer.size, this.state.dense > 0 ? embedding : undefined));
  }

  /** Calibrated prediction with the out-of-scope decision (`ignoreThreshold` to measure what the threshold costs). */
  predict(text: string, options: PredictOptions = {}, embedding?: Float32Array): IntentPrediction {
    const x = this.vectorizer.transform(this.prepare(text));
    // Not one known n-gram (empty text, emoji, an unseen script): the model has no evidence at all.
    if (!embedding && x.indices.length === 0) return { intent: OUT_OF_SCOPE, confidence: 1, alternatives: [] };
    return decide(softmax(this.logitsOf(x, embedding), this.state.temperature), this.state.labels, options.ignoreThreshold ? 0 : this.state.threshold);
  }
}

/** Appends a dense embedding after the n-gram features (indices from `offset`). */
function appendDense(x: SparseVector, offset: number, embedding: Float32Array | undefined): SparseVector {
  if (!embedding || embedding.length === 0) return x;
  const indices = new Int32Array(x.indices.length + embedding.length);
  const values = new Float32Array(indices.length);
  indices.set(x.indices);
  values.set(x.values);
  for (let k = 0; k < embedding.length; k++) {
    indices[x.indices.length + k] = offset + k;
    values[x.values.length + k] = embedding[k]!;
  }
  return { indices, values };
}

/**
 * Ranks the intents and applies the out-of-scope rule: out_of_scope when the model names it or
 * when the best in-scope probability is under the threshold.
 */
export function decide(probs: ArrayLike<number>, labels: readonly string[], threshold: number): IntentPrediction {
  const ranked: IntentScore[] = labels.map((intent, i) => ({ intent, confidence: probs[i] ?? 0 })).sort((a, b) => b.confidence - a.confidence);
  const best = ranked[0] ?? { intent: OUT_OF_SCOPE, confidence: 0 };
  const bestInScope = ranked.find((s) => s.intent !== OUT_OF_SCOPE);
  const alternatives = ranked.filter((s) => s.intent !== OUT_OF_SCOPE).slice(0, 5);
  if (best.intent === OUT_OF_SCOPE || !bestInScope || bestInScope.confidence < threshold) {
    const oos = ranked.find((s) => s.intent === OUT_OF_SCOPE)?.confidence ?? 0;
    return { intent: OUT_OF_SCOPE, confidence: Math.max(oos, 1 - (bestInScope?.confidence ?? 0)), alternatives };
  }
  return { intent: bestInScope.intent, confidence: bestInScope.confidence, alternatives: alternatives.slice(1) };
}

function calibrate(heldOut: readonly { x: SparseVector; intent: string }[], labels: readonly string[], model: SoftmaxModel, maxLoss: number): CalibrationReport {
  const scored: HeldOut[] = heldOut.map((e) => ({ logits: softmaxLogits(model, e.x), label: labels.indexOf(e.intent) }));
  const temperature = fitTemperature(scored);
  const oosIndex = labels.indexOf(OUT_OF_SCOPE);
  const rows = scored.map((s, k) => {
    const probs = softmax(s.logits, temperature);
    const raw = softmax(s.logits);
    let best = -1;
    probs.forEach((p, c) => {
      if (c !== oosIndex && (best < 0 || p > (probs[best] ?? 0))) best = c;
    });
    const rawBest = raw.indexOf(Math.max(...raw));
    const outOfScope = heldOut[k]?.intent === OUT_OF_SCOPE;
    return { confidence: probs[best] ?? 0, rawConfidence: raw[rawBest] ?? 0, outOfScope, correct: !outOfScope && best === s.label, rawCorrect: rawBest === s.label, intent: heldOut[k]?.intent };
  });
  const inScope = rows.filter((r) => !r.outOfScope);
  const threshold = learnThreshold(rows, maxLoss);
  return {
    heldOut: heldOut.length,
    accuracy: inScope.length ? inScope.filter((r) => r.correct).length / inScope.length : 0,
    eceRaw: expectedCalibrationError(rows.map((r) => ({ confidence: r.rawConfidence, correct: r.rawCorrect }))),
    ece: expectedCalibrationError(inScope.map((r) => ({ confidence: r.confidence, correct: r.correct }))),
    temperature,
    threshold,
  };
}
