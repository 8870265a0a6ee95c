import type { SentenceEncoder } from '../types';
import { EmbeddingCache } from './embedding-cache';
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
}

/** A loaded encoder, which holds an onnxruntime session until disposed. */
export interface LoadedSentenceEncoder extends SentenceEncoder {
  /** Releases the model's onnxruntime session; `encode` must not be called afterwards. */
  dispose(): Promise<void>;
}

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
  const runtime = await openEncoderRuntime(location, maxTokens);
  const [probe] = await runtime.embed([PROBE_TEXT]);
  return new TransformersSentenceEncoder(options.model, probe?.length ?? 0, runtime, batchSize, cache);
}

class TransformersSentenceEncoder implements LoadedSentenceEncoder {
  constructor(
    readonly name: string,
    readonly dimension: number,
    private readonly runtime: EncoderRuntime,
    private readonly batchSize: number,
    private readonly cache: EmbeddingCache,
  ) {}

  async encode(texts: readonly string[]): Promise<Float32Array[]> {
    const found = new Map<string, Float32Array>();
    const missing = new Set<string>();
    for (const text of texts) {
      const cached = this.cache.get(text);
      if (cached === undefined) missing.add(text);
      else found.set(text, cached);
    }
    // Texts of similar length batched together waste less work on padding.
    const queue = [...missing].sort((a, b) => a.length - b.length);
    for (let start = 0; start < queue.length; start += this.batchSize) {
      const batch = queue.slice(start, start + this.batchSize);
      const vectors = await this.runtime.embed(batch);
      batch.forEach((text, i) => {
        const vector = vectors[i]!;
        found.set(text, vector);
        this.cache.set(text, vector);
      });
    }
    // Copies, so a caller that edits its vector cannot corrupt the cache.
    return texts.map((text) => found.get(text)!.slice());
  }

  dispose(): Promise<void> {
    return this.runtime.dispose();
  }
}
