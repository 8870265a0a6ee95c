import fs from 'node:fs';
import path from 'node:path';
import {
  createRng,
  loadDefaultPropensityModel,
  parsePropensityModel,
  parseSessionsCsv,
  probabilityMetrics,
  purchaseLikelihood,
  purchaseProbability,
  sessionFeatures,
  stratifiedFolds,
  trainPropensityModel,
  type PropensityModel,
  type SessionFeatures,
} from '../../models';

const SHARED = process.env.SHOPKEEP_SHARED_DATA ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
const CSV = path.join(SHARED, 'purchase', 'online_shoppers_intention.csv');
const HAVE_DATA = fs.existsSync(CSV);
if (!HAVE_DATA) console.warn(`skipping propensity model tests: ${CSV} not found (set SHOPKEEP_SHARED_DATA)`);

(HAVE_DATA ? describe : describe.skip)('purchase propensity model on the Online Shoppers data', () => {
  let model: PropensityModel;
  let test: { sessions: SessionFeatures[]; labels: boolean[] };
  const progress: string[] = [];

  beforeAll(() => {
    const { sessions, labels } = parseSessionsCsv(fs.readFileSync(CSV, 'utf8'), { requireLabel: true });
    const y = labels as boolean[];
    // a seeded, stratified 80/20 split: the model never sees the 20% it is scored on
    const fold = stratifiedFolds(y, 5, createRng(99));
    test = { sessions: sessions.filter((_, i) => fold[i] === 0), labels: y.filter((_, i) => fold[i] === 0) };
    model = trainPropensityModel(
      sessions.filter((_, i) => fold[i] !== 0),
      y.filter((_, i) => fold[i] !== 0),
      { trees: 60, seed: 3 },
      { onProgress: (m) => progress.push(m), now: () => new Date('2026-06-01T00:00:00Z') },
    );
  });

  it('ranks and calibrates held-out sessions above the floors', () => {
    const p = test.sessions.map((s) => purchaseProbability(model, s));
    const m = probabilityMetrics(p, test.labels);
    expect(m.rocAuc).toBeGreaterThanOrEqual(0.92);
    expect(m.brier).toBeLessThanOrEqual(0.075);
    // calibrated: the mean probability is close to the observed purchase rate
    const meanP = p.reduce((a, b) => a + b, 0) / p.length;
    expect(Math.abs(meanP - m.positives / m.rows)).toBeLessThan(0.02);
  });

  it('records held-out metrics, schema and progress', () => {
    expect(model.metrics.rocAuc).toBeGreaterThan(0.9);
    expect(model.schema.features).toHaveLength(17);
    expect(model.trainedAt).toBe('2026-06-01T00:00:00.000Z');
    expect(progress.at(-1)).toMatch(/held-out ROC-AUC 0\.9/);
  });

  it('has monotone calibration maps with probabilities in [0, 1]', () => {
    for (const { calibration } of model.members) {
      const { scores, probabilities } = calibration;
      scores.forEach((s, i) => i > 0 && expect(s).toBeGreaterThan(scores[i - 1] as number));
      probabilities.forEach((p, i) => {
        expect(p).toBeGreaterThanOrEqual(i > 0 ? (probabilities[i - 1] as number) : 0);
        expect(p).toBeLessThanOrEqual(1);
      });
    }
  });

  it('survives a save/load round trip with identical predictions', () => {
    const loaded = parsePropensityModel(JSON.parse(JSON.stringify(model)));
    for (const s of test.sessions.slice(0, 200)) expect(purchaseProbability(loaded, s)).toBe(purchaseProbability(model, s));
  });

  it('rejects a file that is not a model', () => {
    expect(() => parsePropensityModel({ format: 'other' })).toThrow(/not a propensity model: format/);
    const broken = JSON.parse(JSON.stringify(model));
    broken.members[0].forest.trees[0].left[0] = 0;
    expect(() => parsePropensityModel(broken)).toThrow(/malformed tree/);
  });
});

describe('the shipped default model', () => {
  it('loads, carries its metrics, and scores a live session', () => {
    const model = loadDefaultPropensityModel();
    expect(model.metrics.rocAuc).toBeGreaterThanOrEqual(0.92);
    const t0 = Date.UTC(2026, 10, 20, 15);
    const browsing = sessionFeatures(
      Array.from({ length: 12 }, (_, i) => ({ pageType: 'product' as const, url: `/p/${i}`, at: t0 + i * 40_000 })),
      { visitorType: 'Returning_Visitor', pageStats: new Map([['/p/3', { bounceRate: 0.01, exitRate: 0.02, pageValue: 60 }]]) },
    );
    const bounced = sessionFeatures([{ pageType: 'product', url: '/p/0', at: t0 }], {
      visitorType: 'New_Visitor',
      defaultPageStats: { bounceRate: 0.2, exitRate: 0.2, pageValue: 0 },
    });
    const pBrowsing = purchaseProbability(model, browsing);
    expect(purchaseLikelihood(model, [{ pageType: 'product', url: '/p/0', at: t0 }], { visitorType: 'New_Visitor' })).toBeLessThan(pBrowsing);
    const pBounced = purchaseProbability(model, bounced);
    expect(pBrowsing).toBeGreaterThan(pBounced);
    for (const p of [pBrowsing, pBounced]) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });
});
