import type { SentenceEncoder } from '../types';
import { EmbeddingCache } from './embedding-cache';
import { SentenceEncoderUnavailableError } from './errors';
import { openEncoderRuntime, type EncoderRuntime } from './runtime';
import { locateModel, type EncoderDtype } from './model-location';

/** Options of {@link loadSentenceEncoder}. */
export interface SentenceEncoderOptions {
  /**
   * The model: a directory name under `modelsDir` (laid out as transformers.js expects:
   * `config.json`, `tokenizer.json`, `tokenizer_config.json`, `onnx/model.onnx`), a directory path,
   * or a Hugging Face hub id such as `Xenova/paraphrase-multilingual-MiniLM-L12-v2`.
   */
  model: string;
  /**
   * Where local models live, as `<modelsDir>/<model>/`; models downloaded from the hub are stored
   * there too, so the next start finds them locally.
   * @default undefined (`model` is then resolved against the working directory)
   */
  modelsDir?: string;
  /**
   * Whether a model missing locally may be downloaded from the hub. Off unless the operator asks
   * for it, so nothing touches the network by surprise.
   * @default false
   */
  allowRemote?: boolean;
  /**
   * Texts per model run: larger batches are faster per text but pad short texts to the longest.
   * @default 32
   */
  batchSize?: number;
  /**
   * Recent embeddings kept in memory, by exact text (0 disables the cache).
   * @default 512
   */
  cacheSize?: number;
  /**
   * Longest input in tokens; longer texts are truncated (a shop message needs far fewer).
   * @default 128
   */
  maxTokens?: number;
  /**
   * Weights to load: `fp32` reads `onnx/model.onnx`, `q8` `onnx/model_quantized.onnx`,
   * `fp16` `onnx/model_fp16.onnx`.
   * @default 'fp32'
   */
  dtype?: EncoderDtype;
  /**
   * Put before every text the model sees, for models trained with an instruction prefix
   * (the E5 family expects `'query: '`). The cache is still keyed by the text alone.
   * @default ''
   */
  textPrefix?: string;
}

/** Counters of a loaded encoder's work since it was loaded, for logs and benchmarks. */
export interface EncoderStats {
  /** Model runs (one per batch). */
  modelRuns: number;
  /** Texts that went through the model. */
  textsEmbedded: number;
  /** Distinct texts of an `encode` call answered from the cache or from a run already under way. */
  cacheHits: number;
}

/** A loaded encoder, which holds an onnxruntime session until disposed. */
export interface LoadedSentenceEncoder extends SentenceEncoder {
  /** A snapshot of the work done so far. */
  stats(): EncoderStats;
  /** Waits for runs under way, then releases the onnxruntime session; `encode` must not be called afterwards. */
  dispose(): Promise<void>;
}

/**
 * Where local models live unless configured otherwise (`NLU_MODELS_DIR`), relative to the
 * working directory: one folder per model, `<dir>/<model id>/`.
 */
export const DEFAULT_ENCODER_MODELS_DIR = './var/models';

const DEFAULT_BATCH_SIZE = 32;
const DEFAULT_CACHE_SIZE = 512;
const DEFAULT_MAX_TOKENS = 128;
// Encoding one text at load time proves the model runs and tells its embedding width, whatever
// its config.json calls that width.
const PROBE_TEXT = 'hello';

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number ≥ 1, got ${value}`);
  return value;
}

/**
 * Loads a transformers.js sentence encoder: mean-pooled, L2-normalised embeddings of a BERT-style
 * ONNX model. Fails with {@link SentenceEncoderUnavailableError} when the model is missing locally
 * and downloading is not allowed, or when it cannot be loaded; the NLU works without it.
 *
 * @example
 * const encoder = await loadSentenceEncoder({ model: 'paraphrase-multilingual-MiniLM-L12-v2', modelsDir: 'var/models' });
 * const [a, b] = await encoder.encode(['where is my parcel?', 'track my order']);
 * dot(a, b); // cosine similarity, since embeddings have unit length
 */
export async function loadSentenceEncoder(options: SentenceEncoderOptions): Promise<LoadedSentenceEncoder> {
  const batchSize = positiveInteger('batchSize', options.batchSize ?? DEFAULT_BATCH_SIZE);
  const maxTokens = positiveInteger('maxTokens', options.maxTokens ?? DEFAULT_MAX_TOKENS);
  const cache = new EmbeddingCache(options.cacheSize ?? DEFAULT_CACHE_SIZE);
  const location = locateModel({
    model: options.model,
    modelsDir: options.modelsDir,
    allowRemote: options.allowRemote ?? false,
    dtype: options.dtype ?? 'fp32',
  });
  const runtime = await openEncoderRuntime(location, { maxTokens, textPrefix: options.textPrefix ?? '' });
  const dimension = await probeDimension(runtime, options.model);
  return new TransformersSentenceEncoder(options.model, dimension, runtime, batchSize, cache);
}

async function probeDimension(runtime: EncoderRuntime, model: string): Promise<number> {
  try {
    const [probe] = await runtime.embed([PROBE_TEXT]);
    if (probe === undefined || probe.length === 0) throw new Error('the model returned an empty embedding');
    return probe.length;
  } catch (error) {
    await runtime.dispose();
    const detail = error instanceof Error ? error.message : String(error);
    throw new SentenceEncoderUnavailableError(model, 'load_failed', `sentence encoder "${model}" loaded but cannot embed: ${detail}`, { cause: error });
  }
}

/**
 * Loads the encoder when one is configured, for callers that must run without it: no model
 * named gives undefined; an unavailable one is reported to `onUnavailable` and gives undefined.
 * Any other error (a bug, bad options) is thrown.
 *
 * @example
 * const encoder = await loadOptionalSentenceEncoder(
 *   { model: config.NLU_ENCODER, modelsDir: config.NLU_MODELS_DIR, allowRemote: config.NLU_ALLOW_REMOTE },
 *   (error) => logger.warn({ model: error.model, reason: error.reason }, `NLU runs without the sentence encoder: ${error.message}`),
 * );
 */
export async function loadOptionalSentenceEncoder(
  options: SentenceEncoderOptions,
  onUnavailable: (error: SentenceEncoderUnavailableError) => void,
): Promise<LoadedSentenceEncoder | undefined> {
  if (options.model.trim() === '') return undefined;
  try {
    return await loadSentenceEncoder(options);
  } catch (error) {
    if (!(error instanceof SentenceEncoderUnavailableError)) throw error;
    onUnavailable(error);
    return undefined;
  }
}

class TransformersSentenceEncoder implements LoadedSentenceEncoder {
  // Runs are chained: onnxruntime already spreads one run over the cores, and concurrent runs
  // would only compete for them.
  private tail: Promise<unknown> = Promise.resolve();
  // A text being embedded right now, so a concurrent call for the same text waits for that run.
  private readonly inFlight = new Map<string, Promise<Float32Array>>();
  private readonly counts: EncoderStats = { modelRuns: 0, textsEmbedded: 0, cacheHits: 0 };

  constructor(
    readonly name: string,
    readonly dimension: number,
    private readonly runtime: EncoderRuntime,
    private readonly batchSize: number,
    private readonly cache: EmbeddingCache,
  ) {}

  async encode(texts: readonly string[]): Promise<Float32Array[]> {
    const pending = new Map<string, Promise<Float32Array>>();
    const missing: string[] = [];
    for (const text of new Set(texts)) {
      const known = this.cache.get(text) ?? this.inFlight.get(text);
      if (known === undefined) missing.push(text);
      else pending.set(text, Promise.resolve(known));
    }
    this.counts.cacheHits += pending.size;
    // Texts of similar length batched together waste less work on padding.
    missing.sort((a, b) => a.length - b.length);
    for (let start = 0; start < missing.length; start += this.batchSize) {
      for (const [text, vector] of this.schedule(missing.slice(start, start + this.batchSize))) pending.set(text, vector);
    }
    const vectors = new Map(await Promise.all([...pending].map(async ([text, vector]) => [text, await vector] as const)));
    // Copies, so a caller that edits its vector cannot corrupt the cache.
    return texts.map((text) => vectors.get(text)!.slice());
  }

  stats(): EncoderStats {
    return { ...this.counts };
  }

  async dispose(): Promise<void> {
    await this.tail;
    await this.runtime.dispose();
  }

  private schedule(batch: readonly string[]): Array<[string, Promise<Float32Array>]> {
    const run = this.tail.then(() => this.runtime.embed(batch));
    this.tail = run.catch(() => undefined);
    const store = (vectors: Float32Array[]): void => {
      this.counts.modelRuns += 1;
      this.counts.textsEmbedded += batch.length;
      batch.forEach((text, i) => this.cache.set(text, vectors[i]!));
    };
    // A failed run reaches the callers through their own promises below; here it only ends.
    void run.then(store, () => undefined).finally(() => batch.forEach((text) => this.inFlight.delete(text)));
    return batch.map((text, i) => {
      const vector = run.then((vectors) => vectors[i]!);
      this.inFlight.set(text, vector);
      return [text, vector];
    });
  }
}
