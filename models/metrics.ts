/** Quality of probabilities against outcomes. */
export interface ProbabilityMetrics {
  rows: number;
  positives: number;
  /** Area under the ROC curve (ties count half). */
  rocAuc: number;
  /** Area under the precision-recall curve, as average precision (scikit-learn's definition). */
  prAuc: number;
  /** Mean squared error of the probabilities. */
  brier: number;
  /** F1 at the threshold that maximises it, with that threshold. */
  bestF1: { f1: number; threshold: number; precision: number; recall: number };
}

/** One row of a calibration table: predictions in [from, to) against the observed rate. */
export interface CalibrationBin {
  from: number;
  to: number;
  rows: number;
  meanPredicted: number;
  observedRate: number;
}

/** Groups of equal scores, highest first, with their positive and negative counts. */
function descendingGroups(p: readonly number[], y: readonly boolean[]): { score: number; pos: number; neg: number }[] {
  const order = p.map((_, i) => i).sort((a, b) => (p[b] as number) - (p[a] as number));
  const groups: { score: number; pos: number; neg: number }[] = [];
  for (const i of order) {
    const last = groups[groups.length - 1];
    const group = last && last.score === p[i] ? last : { score: p[i] as number, pos: 0, neg: 0 };
    if (group !== last) groups.push(group);
    if (y[i]) group.pos++;
    else group.neg++;
  }
  return groups;
}

/**
 * ROC-AUC, PR-AUC, Brier score and best F1 of probabilities `p` for outcomes `y`.
 *
 * @example
 * probabilityMetrics([0.9, 0.2, 0.6], [true, false, false]).rocAuc; // 1
 */
export function probabilityMetrics(p: readonly number[], y: readonly boolean[]): ProbabilityMetrics {
  const positives = y.filter(Boolean).length;
  const negatives = y.length - positives;
  let tp = 0;
  let fp = 0;
  let auc = 0;
  let ap = 0;
  let best = { f1: 0, threshold: 1, precision: 0, recall: 0 };
  for (const g of descendingGroups(p, y)) {
    // negatives in this group rank below all positives seen so far, half below this group's
    auc += g.neg * (tp + g.pos / 2);
    tp += g.pos;
    fp += g.neg;
    const precision = tp / (tp + fp);
    const recall = positives === 0 ? 0 : tp / positives;
    ap += positives === 0 ? 0 : (g.pos / positives) * precision;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    if (f1 > best.f1) best = { f1, threshold: g.score, precision, recall };
  }
  const brier = p.reduce((s, v, i) => s + (v - (y[i] ? 1 : 0)) ** 2, 0) / Math.max(1, p.length);
  return {
    rows: p.length,
    positives,
    rocAuc: positives === 0 || negatives === 0 ? Number.NaN : auc / (positives * negatives),
    prAuc: ap,
    brier,
    bestF1: best,
  };
}

/**
 * Calibration table with equal-width bins of predicted probability; empty bins are left out.
 *
 * @param bins - number of bins, @default 10
 */
export function calibrationTable(p: readonly number[], y: readonly boolean[], bins = 10): CalibrationBin[] {
  const rows = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, rows: 0, sumP: 0, sumY: 0 }));
  p.forEach((v, i) => {
    const row = rows[Math.min(bins - 1, Math.floor(v * bins))];
    if (!row) return;
    row.rows++;
    row.sumP += v;
    row.sumY += y[i] ? 1 : 0;
  });
  return rows
    .filter((r) => r.rows > 0)
    .map((r) => ({ from: r.from, to: r.to, rows: r.rows, meanPredicted: r.sumP / r.rows, observedRate: r.sumY / r.rows }));
}
