import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { SentenceEncoder } from '../types';
import { LinearIntentClassifier, type CalibrationReport, type IntentExample, type IntentPrediction, type LinearClassifierState, type LinearTrainOptions, type PredictOptions } from './classifier';

/** Model directory format version: bumped when files change incompatibly. */
export const MODEL_FORMAT_VERSION = 1;
const MODEL_FORMAT = 'shopkeep-nlu-intent';
/** Texts embedded per encoder call while training. */
const EMBED_BATCH = 64;

/** Options of {@link IntentModel.train}. */
export type IntentTrainOptions = LinearTrainOptions;

/** The sentence encoder a model was trained with. */
export interface EncoderInfo {
  name: string;
  dimension: number;
}

/** Contents of `model.json`: what the model is, how it was trained, what it scored. */
export interface IntentModelMeta {
  format: typeof MODEL_FORMAT;
  version: number;
  createdAt: string;
  labels: string[];
  examples: number;
  /** Encoder the model was trained with, or null. */
  encoder: EncoderInfo | null;
  /** Held-out figures of the model used for predictions (the encoder one when there is an encoder). */
  calibration: CalibrationReport;
  /** Extra figures (held-out test results, the encoder-free model's calibration), free-form numbers. */
  metrics: Record<string, number>;
}

/** Raised when a model trained with one encoder is asked to predict with another. */
export class EncoderMismatchError extends Error {
  constructor(expected: EncoderInfo, got: SentenceEncoder) {
    super(`model was trained with sentence encoder "${expected.name}" (${expected.dimension} dimensions), not "${got.name}" (${got.dimension}); predict without an encoder to use its encoder-free model`);
    this.name = 'EncoderMismatchError';
  }
}

const CALIBRATION = z.object({ heldOut: z.number(), accuracy: z.number(), eceRaw: z.number(), ece: z.number(), temperature: z.number(), threshold: z.number() });
const META = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  labels: z.array(z.string()).min(2),
  examples: z.number().int(),
  encoder: z.object({ name: z.string(), dimension: z.number().int().positive() }).nullable(),
  calibration: CALIBRATION,
  metrics: z.record(z.string(), z.number()),
});
const LINEAR = z.object({
  labels: z.array(z.string()),
  dense: z.number().int().nonnegative().default(0),
  masked: z.boolean().default(false),
  vectorizer: z.object({ charRange: z.tuple([z.number(), z.number()]), wordRange: z.tuple([z.number(), z.number()]), vocabulary: z.array(z.string()), idf: z.array(z.number()) }),
  weights: z.string(),
  bias: z.array(z.number()),
  temperature: z.number().positive(),
  threshold: z.number(),
  report: CALIBRATION,
});

/** Embeds texts in batches. */
async function embedAll(encoder: SentenceEncoder, texts: readonly string[]): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += EMBED_BATCH) out.push(...(await encoder.encode(texts.slice(i, i + EMBED_BATCH))));
  return out;
}

/**
 * A trained intent model: calibrated intent + out-of-scope decisions, saved as a directory of
 * JSON files (`model.json` with metadata and metrics, `linear.json` with the n-gram model and,
 * for models trained with a sentence encoder, `linear-encoder.json`).
 *
 * **Sentence-encoder hook.** Train with {@link IntentModel.trainWithEncoder} to append the
 * encoder's embedding to the n-gram features; an encoder-free model is trained alongside and
 * `model.json` records the encoder's name and dimension. {@link IntentModel.predictWithEncoder}
 * then uses the embedding model when given the same encoder, falls back to the encoder-free
 * model when given none, and throws {@link EncoderMismatchError} for a different one (its
 * embeddings would be meaningless to the weights).
 */
export class IntentModel {
  private constructor(
    readonly meta: IntentModelMeta,
    private readonly linear: LinearIntentClassifier,
    private readonly encoded?: LinearIntentClassifier,
  ) {}

  /** Trains on labelled examples; `out_of_scope` examples teach what to refuse. */
  static train(examples: readonly IntentExample[], options: IntentTrainOptions = {}, now: () => Date = () => new Date()): IntentModel {
    const linear = LinearIntentClassifier.train(examples, options);
    return new IntentModel(IntentModel.describe(linear, examples.length, null, now), linear);
  }

  /**
   * Trains with sentence embeddings as extra features, plus the encoder-free model used when
   * no encoder is available at prediction time.
   *
   * @example
   * const model = await IntentModel.trainWithEncoder(examples, encoder);
   * await model.predictWithEncoder('where is my parcel', encoder);
   */
  static async trainWithEncoder(examples: readonly IntentExample[], encoder: SentenceEncoder, options: IntentTrainOptions = {}, now: () => Date = () => new Date()): Promise<IntentModel> {
    const progress = options.onProgress ?? (() => undefined);
    const embeddings = await embedAll(encoder, examples.map((e) => e.text));
    const linear = LinearIntentClassifier.train(examples, { ...options, onProgress: (f) => progress(f * 0.5) });
    const encoded = LinearIntentClassifier.train(examples, { ...options, onProgress: (f) => progress(0.5 + f * 0.5) }, embeddings);
    const meta = IntentModel.describe(encoded, examples.length, { name: encoder.name, dimension: encoder.dimension }, now);
    meta.metrics.encoderFreeHeldOutAccuracy = linear.report.accuracy;
    meta.metrics.encoderFreeEce = linear.report.ece;
    return new IntentModel(meta, linear, encoded);
  }

  private static describe(model: LinearIntentClassifier, examples: number, encoder: EncoderInfo | null, now: () => Date): IntentModelMeta {
    return { format: MODEL_FORMAT, version: MODEL_FORMAT_VERSION, createdAt: now().toISOString(), labels: [...model.labels], examples, encoder, calibration: model.report, metrics: {} };
  }

  /** Predicts one message with the encoder-free model. */
  predict(text: string, options: PredictOptions = {}): IntentPrediction {
    return this.linear.predict(text, options);
  }

  /**
   * Predicts with the sentence-encoder model when this model has one and `encoder` is the one
   * it was trained with; without an encoder, the encoder-free model answers.
   *
   * @throws EncoderMismatchError when `encoder` differs from the training one
   */
  async predictWithEncoder(text: string, encoder?: SentenceEncoder, options: PredictOptions = {}): Promise<IntentPrediction> {
    const expected = this.meta.encoder;
    if (!this.encoded || !expected || !encoder) return this.predict(text, options);
    if (encoder.name !== expected.name || encoder.dimension !== expected.dimension) throw new EncoderMismatchError(expected, encoder);
    const [embedding] = await encoder.encode([text]);
    return this.encoded.predict(text, options, embedding);
  }

  /** Writes the model directory (created if missing). */
  save(dir: string): void {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'model.json'), `${JSON.stringify(this.meta, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, 'linear.json'), JSON.stringify(this.linear.toState()));
    if (this.encoded) fs.writeFileSync(path.join(dir, 'linear-encoder.json'), JSON.stringify(this.encoded.toState()));
  }

  /** Reads only a model directory's `model.json` (which encoder it needs, its figures), validated. */
  static readMeta(dir: string): IntentModelMeta {
    return { ...META.parse(readJson(path.join(dir, 'model.json'))), format: MODEL_FORMAT };
  }

  /** Reads a model directory, validating every file. */
  static load(dir: string): IntentModel {
    const meta = META.parse(readJson(path.join(dir, 'model.json')));
    if (meta.version > MODEL_FORMAT_VERSION) throw new Error(`model format ${meta.version} is newer than this Shopkeep (${MODEL_FORMAT_VERSION})`);
    const linear = LinearIntentClassifier.fromState(LINEAR.parse(readJson(path.join(dir, 'linear.json'))) as LinearClassifierState);
    const encoded = meta.encoder ? LinearIntentClassifier.fromState(LINEAR.parse(readJson(path.join(dir, 'linear-encoder.json'))) as LinearClassifierState) : undefined;
    if (encoded && encoded.dense !== meta.encoder?.dimension) throw new Error('linear-encoder.json does not match the encoder recorded in model.json');
    return new IntentModel({ ...meta, format: MODEL_FORMAT }, linear, encoded);
  }
}

function readJson(file: string): unknown {
  if (!fs.existsSync(file)) throw new Error(`not a model directory: ${path.dirname(file)} has no ${path.basename(file)}`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
