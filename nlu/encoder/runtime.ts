import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from '@huggingface/transformers';
import { SentenceEncoderUnavailableError } from './errors';
import type { ModelLocation } from './model-location';
import { l2Normalise, meanPool } from './pooling';
import { closingSpecialTokens, padBatch, truncateKeepingEnd } from './token-batch';

type Transformers = typeof import('@huggingface/transformers');

/** How texts are prepared for the model. */
export interface RuntimeOptions {
  /** Longest input in tokens. */
  maxTokens: number;
  /** Put before every text (an instruction prefix some models were trained with). */
  textPrefix: string;
}

/** A tokenizer and an ONNX model that together turn texts into sentence embeddings. */
export interface EncoderRuntime {
  /** One L2-normalised, mean-pooled embedding per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

// Token-level outputs, by the names BERT-style exports give them (transformers' and
// sentence-transformers' ONNX exports respectively).
const TOKEN_STATE_OUTPUTS = ['last_hidden_state', 'token_embeddings'] as const;
// An export that pools inside the graph offers this instead.
const SENTENCE_OUTPUT = 'sentence_embedding';
// Any short text shows which special tokens the tokenizer puts after a text.
const CLOSING_PROBE = 'a';

// The library is large and optional: it is loaded on first use only, never at server start
// without an encoder. A real `import()` is kept in the CommonJS build (module: nodenext) and
// resolves to the package's ESM build; under Jest it becomes `require` of its CJS build.
function importTransformers(): Promise<Transformers> {
  return import('@huggingface/transformers');
}

function isTensor(library: Transformers, value: unknown): value is Tensor {
  return value instanceof library.Tensor;
}

function float32(tensor: Tensor): Tensor {
  return tensor.type === 'float32' ? tensor : tensor.to('float32');
}

function sentenceVectors(library: Transformers, outputs: Record<string, unknown>, mask: BigInt64Array): Float32Array[] {
  for (const name of TOKEN_STATE_OUTPUTS) {
    const states = outputs[name];
    if (!isTensor(library, states) || states.dims.length !== 3) continue;
    const [batch = 0, sequence = 0, hidden = 0] = states.dims;
    const data = float32(states).data as Float32Array;
    return meanPool(data, [batch, sequence, hidden], mask).map(l2Normalise);
  }
  const pooled = outputs[SENTENCE_OUTPUT];
  if (isTensor(library, pooled) && pooled.dims.length === 2) {
    const [batch = 0, hidden = 0] = pooled.dims;
    const data = float32(pooled).data as Float32Array;
    return Array.from({ length: batch }, (_, b) => l2Normalise(data.subarray(b * hidden, (b + 1) * hidden)));
  }
  throw new Error(`the model has none of the outputs ${[...TOKEN_STATE_OUTPUTS, SENTENCE_OUTPUT].join(', ')}`);
}

async function loadParts(library: Transformers, location: ModelLocation): Promise<[PreTrainedTokenizer, PreTrainedModel]> {
  const common = { dtype: location.dtype, device: 'cpu' } as const;
  switch (location.kind) {
    case 'local':
      // An absolute directory is not a hub id, so transformers.js reads it as a path, and
      // local_files_only keeps it from ever asking the network for optional files.
      return Promise.all([
        library.AutoTokenizer.from_pretrained(location.directory, { local_files_only: true }),
        library.AutoModel.from_pretrained(location.directory, { ...common, local_files_only: true }),
      ]);
    case 'remote': {
      // Downloads land in `<cacheDir>/<owner>/<name>/`, the layout a local model is read from.
      const remote = { local_files_only: false, ...(location.cacheDir === undefined ? {} : { cache_dir: location.cacheDir }) };
      return Promise.all([
        library.AutoTokenizer.from_pretrained(location.model, remote),
        library.AutoModel.from_pretrained(location.model, { ...common, ...remote }),
      ]);
    }
    default:
      return location satisfies never;
  }
}

/**
 * Loads the tokenizer and model at `location`. Any failure becomes a
 * {@link SentenceEncoderUnavailableError} with reason `load_failed`, its cause attached.
 */
export async function openEncoderRuntime(location: ModelLocation, options: RuntimeOptions): Promise<EncoderRuntime> {
  const { maxTokens, textPrefix } = options;
  let library: Transformers;
  let tokenizer: PreTrainedTokenizer;
  let model: PreTrainedModel;
  try {
    library = await importTransformers();
    [tokenizer, model] = await loadParts(library, location);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SentenceEncoderUnavailableError(location.model, 'load_failed', `sentence encoder "${location.model}" failed to load: ${detail}`, { cause: error });
  }
  // Some tokenizer configs leave model_max_length at a huge sentinel; never exceed our own cap.
  const declared = Number(tokenizer.model_max_length);
  const maxLength = Number.isFinite(declared) && declared > 0 ? Math.min(declared, maxTokens) : maxTokens;
  const closing = closingSpecialTokens(tokenizer.encode(CLOSING_PROBE), new Set(tokenizer.all_special_ids));
  const padId = tokenizer.pad_token_id ?? 0;
  return {
    async embed(texts) {
      if (texts.length === 0) return [];
      const rows = texts.map((text) => truncateKeepingEnd(tokenizer.encode(textPrefix + text), maxLength, closing));
      const batch = padBatch(rows, padId);
      // token_type_ids, where the model has them, are filled with zeros by transformers.js.
      const outputs = (await model.forward({
        input_ids: new library.Tensor('int64', batch.inputIds, batch.shape),
        attention_mask: new library.Tensor('int64', batch.attentionMask, batch.shape),
      })) as Record<string, unknown>;
      return sentenceVectors(library, outputs, batch.attentionMask);
    },
    async dispose() {
      await model.dispose();
    },
  };
}
