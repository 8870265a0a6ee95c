// The sentence encoder end to end on a tiny ONNX model built by the test: transformers.js
// tokenises, onnxruntime-node runs the graph, the encoder mean-pools and normalises. Every
// network call transformers.js could make goes through `env.fetch`, replaced here by a spy that
// refuses, so the suite proves it never reaches for the hub unless told to.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import { dot, loadSentenceEncoder, SentenceEncoderUnavailableError, type LoadedSentenceEncoder } from '../../nlu/encoder';
import { createTinyEncoderFixture, TINY_ENCODER_DIMENSION, type TinyEncoderFixture } from '../support/tiny-encoder-model';

const TEXTS = ['where is my order #A1234?', 'I want a refund for the broken item', 'hi', 'what is the weather today'];

let fixture: TinyEncoderFixture;
let encoder: LoadedSentenceEncoder;
const realFetch = env.fetch;
const refuseNetwork = (url: string | URL): Promise<Response> => Promise.reject(new Error(`network refused in tests: ${String(url)}`));
const fetchSpy = jest.fn(refuseNetwork);

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

describe('loadSentenceEncoder when the model is unavailable', () => {
  const unavailable = async (options: Parameters<typeof loadSentenceEncoder>[0]): Promise<SentenceEncoderUnavailableError> => {
    const error: unknown = await loadSentenceEncoder(options).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(SentenceEncoderUnavailableError);
    return error as SentenceEncoderUnavailableError;
  };

  beforeEach(() => fetchSpy.mockClear());

  it('fails with not_found, without any network call, when the directory is missing', async () => {
    const error = await unavailable({ model: 'sentence-transformers/all-MiniLM-L6-v2', modelsDir: fixture.modelsDir });
    expect(error.reason).toBe('not_found');
    expect(error.model).toBe('sentence-transformers/all-MiniLM-L6-v2');
    expect(error.message).toMatch(/not found.*downloading is not allowed/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('fails with not_found when remote is allowed but the name is no hub id', async () => {
    const error = await unavailable({ model: 'no-such-model', modelsDir: fixture.modelsDir, allowRemote: true });
    expect(error.reason).toBe('not_found');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('names the missing files of an incomplete directory', async () => {
    mkdirSync(path.join(fixture.modelsDir, 'half-copied'), { recursive: true });
    writeFileSync(path.join(fixture.modelsDir, 'half-copied', 'config.json'), '{}');
    const error = await unavailable({ model: 'half-copied', modelsDir: fixture.modelsDir });
    expect(error.reason).toBe('incomplete');
    expect(error.message).toContain('tokenizer.json, tokenizer_config.json, onnx/model.onnx');
    const quantised = await unavailable({ model: fixture.modelId, modelsDir: fixture.modelsDir, dtype: 'q8' });
    expect(quantised.message).toContain('onnx/model_quantized.onnx');
  });

  it('fails with load_failed, its cause attached, when the ONNX file is corrupt', async () => {
    const broken = createTinyEncoderFixture('broken-bert');
    try {
      writeFileSync(path.join(broken.modelsDir, 'broken-bert', 'onnx', 'model.onnx'), 'not a protobuf');
      const error = await unavailable({ model: 'broken-bert', modelsDir: broken.modelsDir });
      expect(error.reason).toBe('load_failed');
      // onnxruntime's native error comes from another realm, so only its presence is checked.
      expect(error.cause).toBeDefined();
      expect(error.message).toMatch(/^sentence encoder "broken-bert" failed to load: /);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      broken.cleanup();
    }
  });

  it('downloads from the hub only when allowed, and wraps a failed download', async () => {
    const cacheDir = path.join(fixture.modelsDir, 'hub-cache');
    try {
      const error = await unavailable({ model: 'example-org/example-encoder', modelsDir: cacheDir, allowRemote: true });
      expect(error.reason).toBe('load_failed');
      expect(fetchSpy).toHaveBeenCalled();
      expect(String(fetchSpy.mock.calls[0]![0])).toContain('example-org/example-encoder');
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('downloads an allowed hub model into the models directory, where the next start finds it offline', async () => {
    const hub = createTinyEncoderFixture('hub-source');
    const modelsDir = path.join(fixture.modelsDir, 'downloads');
    // A stand-in for the hub: answers its resolve URLs from the fixture's files, 404 otherwise.
    fetchSpy.mockImplementation(async (url: string | URL) => {
      const file = /\/example-org\/tiny-encoder\/resolve\/main\/(.+)$/.exec(new URL(String(url)).pathname)?.[1];
      const local = file === undefined ? undefined : path.join(hub.modelsDir, 'hub-source', decodeURIComponent(file));
      if (local === undefined || !existsSync(local)) return new Response('not found', { status: 404 });
      return new Response(readFileSync(local), { status: 200, headers: { 'content-length': String(statSync(local).size) } });
    });
    try {
      const downloaded = await loadSentenceEncoder({ model: 'example-org/tiny-encoder', modelsDir, allowRemote: true });
      const [online] = await downloaded.encode(['where is my order']);
      await downloaded.dispose();
      expect(fetchSpy).toHaveBeenCalled();
      expect(existsSync(path.join(modelsDir, 'example-org', 'tiny-encoder', 'onnx', 'model.onnx'))).toBe(true);

      fetchSpy.mockClear();
      const offline = await loadSentenceEncoder({ model: 'example-org/tiny-encoder', modelsDir });
      const [again] = await offline.encode(['where is my order']);
      await offline.dispose();
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(Array.from(again!)).toEqual(Array.from(online!));
    } finally {
      fetchSpy.mockImplementation(refuseNetwork);
      hub.cleanup();
      rmSync(modelsDir, { recursive: true, force: true });
    }
  });

  it('rejects a batch size that is not a positive whole number', async () => {
    await expect(loadSentenceEncoder({ model: fixture.modelId, modelsDir: fixture.modelsDir, batchSize: 0 })).rejects.toThrow(RangeError);
  });
});
