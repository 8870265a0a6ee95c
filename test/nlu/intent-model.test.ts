import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { evaluateIntents, IntentModel } from '../../nlu';
import { hasShared, readBanking } from './shared-data';

const HAVE_BANKING = hasShared('intent', 'banking77', 'jianguoz_train_10.csv');
const maybe = HAVE_BANKING ? describe : describe.skip;

maybe('intent model on BANKING77 (held-out test set, never trained on)', () => {
  const test = HAVE_BANKING ? readBanking('test.csv') : [];
  let model: IntentModel;

  // ~8 s of CPU; the generous limit is for a machine shared with other test runs.
  beforeAll(() => {
    model = IntentModel.train(readBanking('jianguoz_train_10.csv'), { seed: 1 });
  }, 180_000);

  it('beats the 10-per-intent floor of the issue (TF-IDF + LR: 0.758), closed-set like the yardstick', () => {
    const report = evaluateIntents(model, test, { ignoreThreshold: true });
    expect(report.accuracy).toBeGreaterThanOrEqual(0.76);
    expect(report.macroF1).toBeGreaterThan(0.74);
  });

  it('is calibrated on its held-out split: low expected calibration error', () => {
    expect(model.meta.calibration.heldOut).toBeGreaterThan(0);
    expect(model.meta.calibration.ece).toBeLessThan(0.12);
    expect(model.meta.calibration.temperature).toBeGreaterThan(0);
  });

  it('confidence means something on unseen data: confident answers are right more often', () => {
    const scored = test.slice(0, 1000).map((e) => {
      const p = model.predict(e.text, { ignoreThreshold: true });
      return { confidence: p.confidence, correct: p.intent === e.intent };
    });
    const high = scored.filter((s) => s.confidence >= 0.7);
    const low = scored.filter((s) => s.confidence < 0.4);
    const rate = (xs: typeof scored): number => xs.filter((s) => s.correct).length / Math.max(1, xs.length);
    expect(high.length).toBeGreaterThan(50);
    expect(rate(high)).toBeGreaterThan(rate(low) + 0.2);
    expect(rate(high)).toBeGreaterThan(0.8);
  });

  it('saves and loads as a directory with identical predictions', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-nlu-'));
    try {
      model.save(dir);
      expect(fs.existsSync(path.join(dir, 'model.json'))).toBe(true);
      const loaded = IntentModel.load(dir);
      expect(loaded.meta).toEqual(JSON.parse(JSON.stringify(model.meta)));
      for (const e of test.slice(0, 200)) expect(loaded.predict(e.text)).toEqual(model.predict(e.text));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('intent model files', () => {
  it('refuses a directory that is not a model, with a clear message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-nlu-'));
    try {
      expect(() => IntentModel.load(dir)).toThrow(/not a model directory/);
      fs.writeFileSync(path.join(dir, 'model.json'), '{"format":"something-else"}');
      expect(() => IntentModel.load(dir)).toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to train on fewer than two intents', () => {
    expect(() => IntentModel.train([{ text: 'hi', intent: 'greeting' }])).toThrow(/two intents/);
  });
});
