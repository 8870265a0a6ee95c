import { calibrate, calibrationTable, createRng, fitIsotonic, probabilityMetrics, stratifiedFolds } from '../../models';

describe('isotonic calibration', () => {
  it('pools violators and interpolates between block means', () => {
    const map = fitIsotonic([1, 2, 3, 4], [1, 0, 1, 1]);
    expect(map).toEqual({ scores: [1.5, 3.5], probabilities: [0.5, 1] });
    expect(calibrate(map, 2.5)).toBeCloseTo(0.75);
    expect(calibrate(map, 0)).toBe(0.5);
    expect(calibrate(map, 9)).toBe(1);
  });

  it('is monotone and within [0, 1] on noisy data', () => {
    const rng = createRng(4);
    const scores = Array.from({ length: 2000 }, () => rng());
    const labels = scores.map((s) => (rng() < s * s ? 1 : 0));
    const map = fitIsotonic(scores, labels);
    let previous = -Infinity;
    for (let s = 0; s <= 1; s += 0.001) {
      const p = calibrate(map, s);
      expect(p).toBeGreaterThanOrEqual(previous);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      previous = p;
    }
    // it learns the true curve p = s²
    expect(calibrate(map, 0.5)).toBeGreaterThan(0.15);
    expect(calibrate(map, 0.5)).toBeLessThan(0.35);
  });
});

describe('probability metrics', () => {
  it('computes ROC-AUC, PR-AUC, Brier and best F1 on a worked example', () => {
    const m = probabilityMetrics([0.9, 0.8, 0.7, 0.6], [true, false, true, false]);
    expect(m.rocAuc).toBeCloseTo(0.75);
    expect(m.prAuc).toBeCloseTo(0.5 + 0.5 * (2 / 3));
    expect(m.brier).toBeCloseTo(0.275);
    expect(m.bestF1.f1).toBeCloseTo(0.8);
    expect(m.bestF1.threshold).toBe(0.7);
  });

  it('counts ties as half', () => {
    expect(probabilityMetrics([0.5, 0.5], [true, false]).rocAuc).toBe(0.5);
  });

  it('builds a calibration table over all rows', () => {
    const table = calibrationTable([0.05, 0.15, 0.12, 0.95], [false, true, false, true]);
    expect(table.map((b) => b.rows)).toEqual([1, 2, 1]);
    expect(table[1]).toMatchObject({ from: 0.1, meanPredicted: 0.135, observedRate: 0.5 });
  });
});

describe('stratifiedFolds', () => {
  it('keeps the positive rate in every fold', () => {
    const rng = createRng(9);
    const labels = Array.from({ length: 1000 }, () => rng() < 0.15);
    const fold = stratifiedFolds(labels, 5, createRng(1));
    const positives = labels.filter(Boolean).length;
    for (let k = 0; k < 5; k++) {
      const members = labels.filter((_, i) => fold[i] === k);
      expect(Math.abs(members.length - 200)).toBeLessThanOrEqual(1);
      expect(Math.abs(members.filter(Boolean).length - positives / 5)).toBeLessThanOrEqual(1);
    }
  });
});
