import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { LinearIntentClassifier, type CalibrationReport, type IntentExample, type IntentPrediction, type LinearClassifierState, type LinearTrainOptions, type PredictOptions } from './classifier';

/** Model directory format version: bumped when files change incompatibly. */
export const MODEL_FORMAT_VERSION = 1;
const MODEL_FORMAT = 'shopkeep-nlu-intent';

/** Options of {@link IntentModel.train}. */
export type IntentTrainOptions = LinearTrainOptions;

/** Contents of `model.json`: what the model is, how it was trained, what it scored. */
export interface IntentModelMeta {
  format: typeof MODEL_FORMAT;
  version: number;
  createdAt: string;
  labels: string[];
  examples: number;
  /** Encoder the model was trained with, or null. */
  encoder: { name: string; dimension: number } | null;
  calibration: CalibrationReport;
  /** Extra figures (e.g. from `nlu eval`), free-form numbers. */
  metrics: Record<string, number>;
}

const META = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  labels: z.array(z.string()).min(2),
  examples: z.number().int(),
  encoder: z.object({ name: z.string(), dimension: z.number().int().positive() }).nullable(),
  calibration: z.object({ heldOut: z.number(), accuracy: z.number(), eceRaw: z.number(), ece: z.number(), temperature: z.number(), threshold: z.number() }),
  metrics: z.record(z.string(), z.number()),
});

const LINEAR = z.object({
  labels: z.array(z.string()),
  vectorizer: z.object({ charRange: z.tuple([z.number(), z.number()]), wordRange: z.tuple([z.number(), z.number()]), vocabulary: z.array(z.string()), idf: z.array(z.number()) }),
  weights: z.string(),
  bias: z.array(z.number()),
  temperature: z.number().positive(),
  threshold: z.number(),
  report: META.shape.calibration,
});

/**
 * A trained intent model: calibrated intent + out-of-scope decisions, saved as a directory of
 * JSON files (`model.json` with metadata and metrics, `linear.json` with the n-gram model).
 */
export class IntentModel {
  private constructor(
    readonly meta: IntentModelMeta,
    private readonly linear: LinearIntentClassifier,
  ) {}

  /** Trains on labelled examples; `out_of_scope` examples teach what to refuse. */
  static train(examples: readonly IntentExample[], options: IntentTrainOptions = {}, now: () => Date = () => new Date()): IntentModel {
    const linear = LinearIntentClassifier.train(examples, options);
    const meta: IntentModelMeta = {
      format: MODEL_FORMAT,
      version: MODEL_FORMAT_VERSION,
      createdAt: now().toISOString(),
      labels: [...linear.labels],
      examples: examples.length,
      encoder: null,
      calibration: linear.report,
      metrics: {},
    };
    return new IntentModel(meta, linear);
  }

  /** Predicts one message. */
  predict(text: string, options: PredictOptions = {}): IntentPrediction {
    return this.linear.predict(text, options);
  }

  /** Writes the model directory (created if missing). */
  save(dir: string): void {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'model.json'), `${JSON.stringify(this.meta, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, 'linear.json'), JSON.stringify(this.linear.toState()));
  }

  /** Reads a model directory, validating every file. */
  static load(dir: string): IntentModel {
    const meta = META.parse(readJson(path.join(dir, 'model.json')));
    if (meta.version > MODEL_FORMAT_VERSION) throw new Error(`model format ${meta.version} is newer than this Shopkeep (${MODEL_FORMAT_VERSION})`);
    const linear = LinearIntentClassifier.fromState(LINEAR.parse(readJson(path.join(dir, 'linear.json'))) as LinearClassifierState);
    return new IntentModel({ ...meta, format: MODEL_FORMAT }, linear);
  }
}

function readJson(file: string): unknown {
  if (!fs.existsSync(file)) throw new Error(`not a model directory: ${path.dirname(file)} has no ${path.basename(file)}`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
