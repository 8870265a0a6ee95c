// Builds a tiny BERT-shaped sentence encoder on disk, laid out as transformers.js expects a model
// directory (`config.json`, `tokenizer.json`, `tokenizer_config.json`, `onnx/model.onnx`), so tests
// run the real code path — tokeniser, onnxruntime, pooling — without pretrained weights or network.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onnx } from 'onnx-proto';

/** Width of the tiny model's hidden states (and so of its sentence embeddings). */
export const TINY_ENCODER_DIMENSION = 16;
/** Longest input the tiny tokenizer keeps (tokens, special ones included). */
export const TINY_ENCODER_MAX_LENGTH = 32;

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
// Whole words keep common shop phrases to few tokens; letters and `##` letters make every other
// Latin word tokenisable without [UNK], as in a real WordPiece vocabulary.
const WORDS = [
  'where', 'is', 'my', 'order', 'cancel', 'refund', 'track', 'the', 'a', 'i', 'want', 'to', 'please',
  'hello', 'hi', 'thanks', 'bye', 'delivery', 'payment', 'card', 'return', 'item', 'help', 'human',
  'agent', 'coupon', 'price', 'weather', 'today', 'how', 'can', 'you', 'what', 'time',
];
const CHARACTERS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
const PUNCTUATION = [...'.,!?\'"-#@:/$%&()'];

/** The tiny model's vocabulary, id = index. */
export function tinyVocabulary(): string[] {
  const pieces = [...SPECIAL_TOKENS, ...WORDS, ...CHARACTERS, ...CHARACTERS.map((c) => `##${c}`), ...PUNCTUATION];
  return [...new Set(pieces)];
}

/** mulberry32: a small seeded generator, so the fixture's weights are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function floatTensor(name: string, dims: number[], random: () => number, scale: number): onnx.ITensorProto {
  const size = dims.reduce((a, b) => a * b, 1);
  const values = Float32Array.from({ length: size }, () => (random() * 2 - 1) * scale);
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(values.buffer) };
}

function valueInfo(name: string, elemType: number, dims: (string | number)[]): onnx.IValueInfoProto {
  const dim = dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

function node(opType: string, input: string[], output: string[], attribute: onnx.IAttributeProto[] = []): onnx.INodeProto {
  return { opType, input, output, name: output[0], attribute };
}

/**
 * Serialises the graph: Gather word and token-type embeddings, one dense Tanh layer, then zero the
 * padded positions — what a BERT encoder's `last_hidden_state` looks like from outside.
 */
export function tinyEncoderOnnx(vocabularySize: number, outputName = 'last_hidden_state', dimension = TINY_ENCODER_DIMENSION, seed = 7): Uint8Array {
  const random = seededRandom(seed);
  const { INT64, FLOAT } = onnx.TensorProto.DataType;
  const tokens = ['batch', 'sequence'];
  const graph: onnx.IGraphProto = {
    name: 'tiny_bert',
    input: [valueInfo('input_ids', INT64, tokens), valueInfo('attention_mask', INT64, tokens), valueInfo('token_type_ids', INT64, tokens)],
    output: [valueInfo(outputName, FLOAT, [...tokens, dimension])],
    initializer: [
      floatTensor('word_embeddings', [vocabularySize, dimension], random, 1),
      floatTensor('token_type_embeddings', [2, dimension], random, 0.1),
      floatTensor('dense_weight', [dimension, dimension], random, 0.5),
      floatTensor('dense_bias', [dimension], random, 0.1),
      { name: 'last_axis', dims: [1], dataType: INT64, int64Data: [-1] },
    ],
    node: [
      node('Gather', ['word_embeddings', 'input_ids'], ['words']),
      node('Gather', ['token_type_embeddings', 'token_type_ids'], ['types']),
      node('Add', ['words', 'types'], ['embeddings']),
      node('MatMul', ['embeddings', 'dense_weight'], ['projected']),
      node('Add', ['projected', 'dense_bias'], ['biased']),
      node('Tanh', ['biased'], ['hidden']),
      node('Cast', ['attention_mask'], ['mask_float'], [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }]),
      node('Unsqueeze', ['mask_float', 'last_axis'], ['mask_3d']),
      node('Mul', ['hidden', 'mask_3d'], [outputName]),
    ],
  };
  const model: onnx.IModelProto = { irVersion: 8, producerName: 'shopkeep-tests', opsetImport: [{ domain: '', version: 13 }], graph };
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

function special(id: string, typeId = 0): { SpecialToken: { id: string; type_id: number } } {
  return { SpecialToken: { id, type_id: typeId } };
}

/** A minimal BERT WordPiece `tokenizer.json` in the format of the Hugging Face tokenizers library. */
export function tinyTokenizerJson(vocabulary: readonly string[]): object {
  const ids = Object.fromEntries(vocabulary.map((token, id) => [token, id]));
  const specialEntry = (token: string): object => ({ id: token, ids: [ids[token]], tokens: [token] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: ids[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]')],
      pair: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]'), { Sequence: { id: 'B', type_id: 1 } }, special('[SEP]', 1)],
      special_tokens: { '[CLS]': specialEntry('[CLS]'), '[SEP]': specialEntry('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
  };
}

/** Variations of the tiny model. */
export interface TinyEncoderOptions {
  /**
   * Name of the token-states output: BERT exports say `last_hidden_state`, sentence-transformers
   * exports `token_embeddings`; any other name makes a model the encoder cannot use.
   * @default 'last_hidden_state'
   */
  outputName?: string;
}

/**
 * Writes the tiny model as `<modelsDir>/<modelId>/` in the transformers.js layout.
 *
 * @example
 * writeTinyEncoderModel(modelsDir, 'tiny-bert');
 * const encoder = await loadSentenceEncoder({ model: 'tiny-bert', modelsDir });
 */
export function writeTinyEncoderModel(modelsDir: string, modelId: string, options: TinyEncoderOptions = {}): void {
  const vocabulary = tinyVocabulary();
  const dir = path.join(modelsDir, modelId);
  mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  const config = {
    model_type: 'bert', architectures: ['BertModel'], hidden_size: TINY_ENCODER_DIMENSION, vocab_size: vocabulary.length,
    num_hidden_layers: 1, num_attention_heads: 1, max_position_embeddings: TINY_ENCODER_MAX_LENGTH, type_vocab_size: 2,
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: TINY_ENCODER_MAX_LENGTH,
    cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', mask_token: '[MASK]',
  };
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config, null, 2));
  writeFileSync(path.join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig, null, 2));
  writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(tinyTokenizerJson(vocabulary)));
  writeFileSync(path.join(dir, 'onnx', 'model.onnx'), tinyEncoderOnnx(vocabulary.length, options.outputName));
}

/** A temporary models directory holding the tiny model, and a way to remove it. */
export interface TinyEncoderFixture {
  modelsDir: string;
  modelId: string;
  cleanup(): void;
}

/** Creates a temporary models directory with the tiny model in it (remove it with `cleanup`). */
export function createTinyEncoderFixture(modelId = 'tiny-bert', options: TinyEncoderOptions = {}): TinyEncoderFixture {
  const modelsDir = mkdtempSync(path.join(tmpdir(), 'shopkeep-encoder-'));
  writeTinyEncoderModel(modelsDir, modelId, options);
  return { modelsDir, modelId, cleanup: () => rmSync(modelsDir, { recursive: true, force: true }) };
}
