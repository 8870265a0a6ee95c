// When the encoder cannot be had: the typed error and its reasons, the optional loader the server
// uses, and the opt-in hub download. transformers.js's `env.fetch` is replaced by a spy that
// refuses, so the suite proves nothing reaches for the network unless allowed (and then only the
// stand-in hub below answers).
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { loadOptionalSentenceEncoder, loadSentenceEncoder, SentenceEncoderUnavailableError } from '../../nlu/encoder';
import { createTinyEncoderFixture, TINY_ENCODER_DIMENSION, type TinyEncoderFixture } from '../support/tiny-encoder-model';

let fixture: TinyEncoderFixture;
const realFetch = env.fetch;
const refuseNetwork = (url: string | URL): Promise<Response> => Promise.reject(new Error(`network refused in tests: ${String(url)}`));
const fetchSpy = jest.fn(refuseNetwork);

beforeAll(() => {
  env.fetch = fetchSpy;
  fixture = createTinyEncoderFixture();
});

afterAll(() => {
  fixture.cleanup();
  env.fetch = realFetch;
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

describe('loadOptionalSentenceEncoder', () => {
  it('gives undefined, quietly, when no model is named', async () => {
    const onUnavailable = jest.fn();
    await expect(loadOptionalSentenceEncoder({ model: ' ' }, onUnavailable)).resolves.toBeUndefined();
    expect(onUnavailable).not.toHaveBeenCalled();
  });

  it('reports an unavailable model and gives undefined, so the server starts without it', async () => {
    const onUnavailable = jest.fn();
    await expect(loadOptionalSentenceEncoder({ model: 'absent', modelsDir: fixture.modelsDir }, onUnavailable)).resolves.toBeUndefined();
    expect(onUnavailable).toHaveBeenCalledWith(expect.objectContaining({ reason: 'not_found', model: 'absent' }));
  });

  it('loads a configured model and still throws on bad options', async () => {
    const loaded = await loadOptionalSentenceEncoder({ model: fixture.modelId, modelsDir: fixture.modelsDir }, () => undefined);
    expect(loaded?.dimension).toBe(TINY_ENCODER_DIMENSION);
    await loaded?.dispose();
    await expect(loadOptionalSentenceEncoder({ model: fixture.modelId, modelsDir: fixture.modelsDir, maxTokens: 0 }, () => undefined)).rejects.toThrow(RangeError);
  });
});
