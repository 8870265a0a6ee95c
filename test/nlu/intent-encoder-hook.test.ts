import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EncoderMismatchError, IntentModel, loadNlu, type SentenceEncoder } from '../../nlu';

/**
 * A real (if simple) SentenceEncoder: hashed bag of words, L2-normalised. It exercises the hook
 * exactly as the transformers.js encoder does: texts in, fixed-size unit vectors out.
 */
function hashingEncoder(name: string, dimension: number): SentenceEncoder & { calls: number } {
  const encoder = {
    name,
    dimension,
    calls: 0,
    async encode(texts: readonly string[]): Promise<Float32Array[]> {
      encoder.calls++;
      return texts.map((text) => {
        const v = new Float32Array(dimension);
        for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
          let h = 2166136261;
          for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
          v[(h >>> 0) % dimension] = (v[(h >>> 0) % dimension] ?? 0) + 1;
        }
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      });
    },
  };
  return encoder;
}

const EXAMPLES = [
  ...['where is my order', 'track my parcel', 'has my package shipped', 'order status', 'where is my stuff', 'is my delivery coming', 'tracking number please', 'when will my order arrive'].map((text) => ({ text, intent: 'track_order' })),
  ...['cancel my order', 'please cancel it', 'i want to cancel', 'stop my order', 'cancel the purchase', 'can i cancel', 'i no longer want my order', 'cancel order now'].map((text) => ({ text, intent: 'cancel_order' })),
  ...['hi', 'hello', 'hey there', 'good morning', 'hiya', 'hello there', 'hey', 'good evening'].map((text) => ({ text, intent: 'greeting' })),
];

describe('sentence-encoder hook of the intent model', () => {
  const encoder = hashingEncoder('hashing-64', 64);
  let model: IntentModel;
  let dir: string;

  beforeAll(async () => {
    model = await IntentModel.trainWithEncoder(EXAMPLES, encoder, { seed: 2 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-enc-'));
    model.save(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('records the encoder in model.json and writes the embedding model beside the encoder-free one', () => {
    expect(model.meta.encoder).toEqual({ name: 'hashing-64', dimension: 64 });
    expect(fs.existsSync(path.join(dir, 'linear-encoder.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'linear.json'))).toBe(true);
    expect(model.meta.metrics.encoderFreeHeldOutAccuracy).toBeGreaterThanOrEqual(0);
  });

  it('predicts with the same encoder after a save/load round trip', async () => {
    const loaded = IntentModel.load(dir);
    const before = encoder.calls;
    const p = await loaded.predictWithEncoder('where is my parcel', encoder);
    expect(encoder.calls).toBe(before + 1);
    expect(p).toEqual(await model.predictWithEncoder('where is my parcel', encoder));
    expect(p.intent).toBe('track_order');
  });

  it('falls back to the encoder-free model without an encoder', async () => {
    expect(await model.predictWithEncoder('cancel my order please')).toEqual(model.predict('cancel my order please'));
  });

  it('fails clearly with a different encoder', async () => {
    await expect(model.predictWithEncoder('hi', hashingEncoder('other-model', 64))).rejects.toThrow(EncoderMismatchError);
    await expect(model.predictWithEncoder('hi', hashingEncoder('hashing-64', 32))).rejects.toThrow(/trained with sentence encoder "hashing-64"/);
    await expect(loadNlu(dir, { encoder: hashingEncoder('other-model', 64) })).rejects.toThrow(EncoderMismatchError);
  });

  it('plugs into the NLU facade: understand() uses the encoder', async () => {
    const nlu = await loadNlu(dir, { encoder });
    const before = encoder.calls;
    const u = await nlu.understand('hello there!');
    expect(encoder.calls).toBe(before + 1);
    expect(u.intent).toBe('greeting');
  });
});
