// The sentence encoder end to end on a tiny ONNX model built by the test: transformers.js
// tokenises, onnxruntime-node runs the graph, the encoder mean-pools and normalises. Every
// network call transformers.js could make goes through `env.fetch`, replaced here by a spy that
// refuses, so the suite proves a local model never reaches for the hub.
import { renameSync } from 'node:fs';
import path from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import { dot, loadSentenceEncoder, SentenceEncoderUnavailableError, type LoadedSentenceEncoder } from '../../nlu/encoder';
import { createTinyEncoderFixture, TINY_ENCODER_DIMENSION, type TinyEncoderFixture } from '../support/tiny-encoder-model';

const TEXTS = ['where is my order #A1234?', 'I want a refund for the broken item', 'hi', 'what is the weather today'];

let fixture: TinyEncoderFixture;
let encoder: LoadedSentenceEncoder;
const realFetch = env.fetch;
const fetchSpy = jest.fn((url: string | URL): Promise<Response> => Promise.reject(new Error(`network refused in tests: ${String(url)}`)));

beforeAll(async () => {
  env.fetch = fetchSpy;
  fixture = createTinyEncoderFixture();
  encoder = await loadSentenceEncoder({ model: fixture.modelId, modelsDir: fixture.modelsDir, batchSize: 4 });
});

afterAll(async () => {
  await encoder.dispose();
  fixture.cleanup();
  env.fetch = realFetch;
});

/** A second encoder with no cache and batches of one, as an independent path to each vector. */
async function withSingleTextEncoder<T>(use: (single: LoadedSentenceEncoder) => Promise<T>): Promise<T> {
  const single = await loadSentenceEncoder({ model: fixture.modelId, modelsDir: fixture.modelsDir, batchSize: 1, cacheSize: 0 });
  try {
    return await use(single);
  } finally {
    await single.dispose();
  }
}

describe('loadSentenceEncoder on a local model', () => {
  it('reports the model name and the width of its hidden states', () => {
    expect(encoder.name).toBe('tiny-bert');
    expect(encoder.dimension).toBe(TINY_ENCODER_DIMENSION);
  });

  it('returns one unit-length vector per text, in order', async () => {
    const vectors = await encoder.encode(TEXTS);
    expect(vectors).toHaveLength(TEXTS.length);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(TINY_ENCODER_DIMENSION);
      expect(dot(vector, vector)).toBeCloseTo(1, 5);
    }
  });

  it('gives the same text the same vector and different texts different vectors', async () => {
    const [first, again, other] = await encoder.encode([TEXTS[0]!, TEXTS[0]!, TEXTS[1]!]);
    expect(Array.from(again!)).toEqual(Array.from(first!));
    expect(dot(first!, other!)).toBeLessThan(0.99);
    const distinct = await encoder.encode(TEXTS);
    for (let i = 0; i < distinct.length; i++) {
      for (let j = i + 1; j < distinct.length; j++) expect(dot(distinct[i]!, distinct[j]!)).toBeLessThan(0.99);
    }
  });

  it('gives a text the same vector alone as padded inside a batch of longer texts', async () => {
    const batched = await encoder.encode([...TEXTS, 'thanks, bye']);
    const alone = await withSingleTextEncoder((single) => Promise.all(TEXTS.concat('thanks, bye').map((text) => single.encode([text]))));
    alone.forEach(([vector], i) => {
      const expected = Array.from(batched[i]!);
      Array.from(vector!).forEach((value, d) => expect(value).toBeCloseTo(expected[d]!, 5));
    });
  });

  it('pools exactly as transformers.js\'s own feature-extraction pipeline (mean, normalised)', async () => {
    const extractor = await pipeline('feature-extraction', path.join(fixture.modelsDir, fixture.modelId), { local_files_only: true, dtype: 'fp32' });
    try {
      const reference = await extractor(TEXTS, { pooling: 'mean', normalize: true });
      const ours = await encoder.encode(TEXTS);
      const rows = reference.tolist() as number[][];
      rows.forEach((row, i) => row.forEach((value, d) => expect(ours[i]![d]).toBeCloseTo(value, 5)));
    } finally {
      await extractor.dispose();
    }
  });

  it('hands out copies, so editing a returned vector does not corrupt later answers', async () => {
    const [vector] = await encoder.encode(['track my order']);
    const original = Array.from(vector!);
    vector!.fill(0);
    const [again] = await encoder.encode(['track my order']);
    expect(Array.from(again!)).toEqual(original);
  });

  it('encodes an empty list and texts it has no tokens for', async () => {
    expect(await encoder.encode([])).toEqual([]);
    const [chinese, empty] = await encoder.encode(['我的订单在哪里', '']);
    expect(dot(chinese!, chinese!)).toBeCloseTo(1, 5);
    expect(dot(empty!, empty!)).toBeCloseTo(1, 5);
  });

  it('never touched the network', () => {
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('batching and caching', () => {
  const load = (batchSize: number, cacheSize: number): Promise<LoadedSentenceEncoder> =>
    loadSentenceEncoder({ model: fixture.modelId, modelsDir: fixture.modelsDir, batchSize, cacheSize });

  it('runs the model once per batch and once per distinct text', async () => {
    const small = await load(2, 16);
    try {
      await small.encode([...TEXTS, 'thanks', TEXTS[0]!]);
      expect(small.stats()).toEqual({ modelRuns: 3, textsEmbedded: 5, cacheHits: 0 });
    } finally {
      await small.dispose();
    }
  });

  it('answers a text embedded before from the cache, as at understanding then at logging', async () => {
    const cached = await load(8, 16);
    try {
      const [first] = await cached.encode(['where is my order']);
      const [second] = await cached.encode(['where is my order']);
      expect(Array.from(second!)).toEqual(Array.from(first!));
      expect(cached.stats()).toEqual({ modelRuns: 1, textsEmbedded: 1, cacheHits: 1 });
    } finally {
      await cached.dispose();
    }
  });

  it('shares one run between concurrent calls for the same text', async () => {
    const shared = await load(8, 16);
    try {
      const [[a], [b]] = await Promise.all([shared.encode(['cancel my order']), shared.encode(['cancel my order'])]);
      expect(Array.from(a!)).toEqual(Array.from(b!));
      expect(shared.stats().modelRuns).toBe(1);
    } finally {
      await shared.dispose();
    }
  });

  it('forgets the least recently used text beyond its capacity, and still answers every text', async () => {
    const tiny = await load(8, 1);
    try {
      const vectors = await tiny.encode(TEXTS);
      expect(vectors).toHaveLength(TEXTS.length);
      await tiny.encode([TEXTS[0]!]);
      expect(tiny.stats().textsEmbedded).toBe(TEXTS.length + 1);
    } finally {
      await tiny.dispose();
    }
  });
});

describe('model variants', () => {
  it('pools the token_embeddings output of a sentence-transformers export the same way', async () => {
    const variant = createTinyEncoderFixture('st-export', { outputName: 'token_embeddings' });
    const other = await loadSentenceEncoder({ model: 'st-export', modelsDir: variant.modelsDir });
    try {
      const [theirs, ours] = [await other.encode(TEXTS), await encoder.encode(TEXTS)];
      theirs.forEach((vector, i) => Array.from(vector).forEach((value, d) => expect(value).toBeCloseTo(ours[i]![d]!, 6)));
    } finally {
      await other.dispose();
      variant.cleanup();
    }
  });

  it('reads the quantised weights file transformers.js names for dtype q8', async () => {
    const variant = createTinyEncoderFixture('quantised');
    const onnxDir = path.join(variant.modelsDir, 'quantised', 'onnx');
    // The same fp32 graph under the q8 file name: only the file choice is under test.
    renameSync(path.join(onnxDir, 'model.onnx'), path.join(onnxDir, 'model_quantized.onnx'));
    const quantised = await loadSentenceEncoder({ model: 'quantised', modelsDir: variant.modelsDir, dtype: 'q8' });
    try {
      const [theirs, ours] = [await quantised.encode(TEXTS), await encoder.encode(TEXTS)];
      theirs.forEach((vector, i) => Array.from(vector).forEach((value, d) => expect(value).toBeCloseTo(ours[i]![d]!, 6)));
    } finally {
      await quantised.dispose();
      variant.cleanup();
    }
  });

  it('truncates a text to maxTokens, special tokens included', async () => {
    const short = await loadSentenceEncoder({ model: fixture.modelId, modelsDir: fixture.modelsDir, maxTokens: 8 });
    try {
      // [CLS] + six words + [SEP] fill the eight tokens; whatever follows is cut.
      const [kept, cut] = await short.encode(['where is my order please help', 'where is my order please help cancel refund track']);
      expect(Array.from(cut!)).toEqual(Array.from(kept!));
      const [full] = await encoder.encode(['where is my order please help cancel refund track']);
      expect(dot(full!, kept!)).toBeLessThan(0.9999);
    } finally {
      await short.dispose();
    }
  });

  it('refuses, as load_failed, a model without token states', async () => {
    const variant = createTinyEncoderFixture('classifier', { outputName: 'logits' });
    try {
      const error: unknown = await loadSentenceEncoder({ model: 'classifier', modelsDir: variant.modelsDir }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SentenceEncoderUnavailableError);
      expect((error as SentenceEncoderUnavailableError).reason).toBe('load_failed');
      expect((error as SentenceEncoderUnavailableError).message).toMatch(/cannot embed: the model has none of the outputs/);
    } finally {
      variant.cleanup();
    }
  });

  it('puts the instruction prefix before each text, and caches by the bare text', async () => {
    const prefixed = await loadSentenceEncoder({ model: fixture.modelId, modelsDir: fixture.modelsDir, textPrefix: 'query: ' });
    try {
      const [withPrefix] = await prefixed.encode(['track my order']);
      const [spelledOut] = await encoder.encode(['query: track my order']);
      Array.from(withPrefix!).forEach((value, d) => expect(value).toBeCloseTo(spelledOut![d]!, 6));
    } finally {
      await prefixed.dispose();
    }
  });
});
