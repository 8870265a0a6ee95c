// The whole encoder path end to end: the intent engine trains with the transformers.js encoder
// (tiny ONNX model, real tokenizer and onnxruntime), saves, reloads, and understands through it.
// The tiny model's weights are random, so this proves the plumbing and that the embeddings do no
// harm; what a pretrained encoder gains is measured by bench/nlu-encoder.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { IntentModel, loadNlu, OUT_OF_SCOPE, parseIntentCsv, type LabelledText } from '../../nlu';
import { loadSentenceEncoder, type LoadedSentenceEncoder } from '../../nlu/encoder';
import { createTinyEncoderFixture, TINY_ENCODER_DIMENSION, type TinyEncoderFixture } from '../support/tiny-encoder-model';

const CORPUS = path.resolve(__dirname, '..', '..', 'nlu', 'corpora', 'en');
const INTENTS = new Set(['track_order', 'cancel_order', 'refund_status', 'payment_methods', 'talk_to_human', 'invoice']);
const PER_INTENT = 40;
// Held-out floors on the six intents (measured: accuracy 0.98, out-of-scope recall 1.0; the
// encoder-free model scores about the same).
const ACCURACY_FLOOR = 0.93;
const OUT_OF_SCOPE_RECALL_FLOOR = 0.8;

function read(file: string): LabelledText[] {
  return parseIntentCsv(readFileSync(path.join(CORPUS, file)), file);
}

function firstPerIntent(rows: readonly LabelledText[], limit: number): LabelledText[] {
  const counts = new Map<string, number>();
  return rows.filter((row) => {
    const seen = counts.get(row.intent) ?? 0;
    counts.set(row.intent, seen + 1);
    return INTENTS.has(row.intent) && seen < limit;
  });
}

let fixture: TinyEncoderFixture;
let encoder: LoadedSentenceEncoder;
let model: IntentModel;
let modelDir: string;
const test = read('bitext-test.csv').filter((row) => INTENTS.has(row.intent));
const realFetch = env.fetch;
const fetchSpy = jest.fn((url: string | URL): Promise<Response> => Promise.reject(new Error(`network refused in tests: ${String(url)}`)));

beforeAll(async () => {
  env.fetch = fetchSpy;
  fixture = createTinyEncoderFixture();
  encoder = await loadSentenceEncoder({ model: fixture.modelId, modelsDir: fixture.modelsDir });
  const train = [...firstPerIntent(read('bitext-train.csv'), PER_INTENT), ...read('out-of-scope.csv')];
  model = await IntentModel.trainWithEncoder(train, encoder, { seed: 3 });
  modelDir = mkdtempSync(path.join(tmpdir(), 'shopkeep-encoder-intent-'));
  model.save(modelDir);
});

afterAll(async () => {
  await encoder.dispose();
  fixture.cleanup();
  rmSync(modelDir, { recursive: true, force: true });
  env.fetch = realFetch;
});

describe('intent model trained with the transformers.js encoder', () => {
  it('records the encoder it was trained with', () => {
    expect(model.meta.encoder).toEqual({ name: 'tiny-bert', dimension: TINY_ENCODER_DIMENSION });
  });

  it(`predicts held-out messages through the encoder with accuracy ≥ ${ACCURACY_FLOOR}`, async () => {
    expect(test.length).toBeGreaterThan(100);
    const before = encoder.stats().textsEmbedded;
    const predictions = await Promise.all(test.map((row) => model.predictWithEncoder(row.text, encoder)));
    const right = predictions.filter((p, i) => p.intent === test[i]!.intent).length;
    expect(right / test.length).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
    expect(encoder.stats().textsEmbedded - before).toBe(new Set(test.map((row) => row.text)).size);
  });

  it(`refuses held-out out-of-scope messages (recall ≥ ${OUT_OF_SCOPE_RECALL_FLOOR}) as often as the encoder-free model`, async () => {
    const outOfScope = read('out-of-scope-test.csv');
    expect(outOfScope.length).toBeGreaterThan(20);
    const refused = async (predict: (text: string) => Promise<string>): Promise<number> =>
      (await Promise.all(outOfScope.map((row) => predict(row.text)))).filter((intent) => intent === OUT_OF_SCOPE).length;
    const withEncoder = await refused(async (text) => (await model.predictWithEncoder(text, encoder)).intent);
    const without = await refused(async (text) => model.predict(text).intent);
    expect(withEncoder / outOfScope.length).toBeGreaterThanOrEqual(OUT_OF_SCOPE_RECALL_FLOOR);
    // Random tiny embeddings should neither help nor hurt much; allow two messages of noise.
    expect(withEncoder).toBeGreaterThanOrEqual(without - 2);
  });

  it('gives the same predictions after a save/load round trip with a freshly loaded encoder', async () => {
    const again = await loadSentenceEncoder({ model: fixture.modelId, modelsDir: fixture.modelsDir });
    try {
      const reloaded = IntentModel.load(modelDir);
      for (const row of test.slice(0, 20)) {
        expect(await reloaded.predictWithEncoder(row.text, again)).toEqual(await model.predictWithEncoder(row.text, encoder));
      }
    } finally {
      await again.dispose();
    }
  });

  it('understands through the NLU facade, embedding a repeated message once', async () => {
    const nlu = await loadNlu(modelDir, { encoder });
    const text = 'I need the invoice for my last order, please';
    const before = encoder.stats();
    const first = await nlu.understand(text);
    const second = await nlu.understand(text);
    expect(first.intent).toBe('invoice');
    expect(second).toEqual(first);
    const after = encoder.stats();
    expect(after.textsEmbedded - before.textsEmbedded).toBe(1);
    expect(after.cacheHits - before.cacheHits).toBe(1);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
