/**
 * An isotonic calibration map: knots (score, probability), both non-decreasing. Scores between
 * knots are interpolated linearly, so distinct scores keep distinct probabilities (the plain
 * step function would tie them and cost ranking quality); outside the knots it is flat.
 */
export interface IsotonicCalibration {
  scores: number[];
  probabilities: number[];
}

/**
 * Fits isotonic regression of labels on scores (pool-adjacent-violators); each pooled block
 * becomes one knot at its mean score. Fit it on held-out scores, never on training scores.
 *
 * @example
 * const map = fitIsotonic([0.1, 0.4, 0.35, 0.8], [0, 1, 0, 1]);
 * calibrate(map, 0.5); // between 0.5 and 1
 */
export function fitIsotonic(scores: readonly number[], labels: readonly number[]): IsotonicCalibration {
  const order = scores.map((_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  // blocks as parallel stacks: weight, sum of scores, sum of labels
  const weight: number[] = [];
  const scoreSum: number[] = [];
  const labelSum: number[] = [];
  for (const i of order) {
    weight.push(1);
    scoreSum.push(scores[i] as number);
    labelSum.push(labels[i] as number);
    // merge while the last block's mean label is below its predecessor's, or scores tie
    while (weight.length > 1) {
      const last = weight.length - 1;
      const prevMean = (labelSum[last - 1] as number) / (weight[last - 1] as number);
      const lastMean = (labelSum[last] as number) / (weight[last] as number);
      const tie = scoreSum[last - 1]! / weight[last - 1]! === scoreSum[last]! / weight[last]!;
      if (prevMean < lastMean && !tie) break;
      weight[last - 1]! += weight.pop() as number;
      scoreSum[last - 1]! += scoreSum.pop() as number;
      labelSum[last - 1]! += labelSum.pop() as number;
    }
  }
  return {
    scores: weight.map((w, b) => (scoreSum[b] as number) / w),
    probabilities: weight.map((w, b) => (labelSum[b] as number) / w),
  };
}

/** Calibrated probability of a score, in [0, 1]. */
export function calibrate(map: IsotonicCalibration, score: number): number {
  const { scores, probabilities } = map;
  const n = scores.length;
  if (n === 0) return score;
  if (score <= (scores[0] as number)) return probabilities[0] as number;
  if (score >= (scores[n - 1] as number)) return probabilities[n - 1] as number;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((scores[mid] as number) <= score) lo = mid;
    else hi = mid;
  }
  const x0 = scores[lo] as number;
  const x1 = scores[hi] as number;
  const y0 = probabilities[lo] as number;
  const y1 = probabilities[hi] as number;
  return y0 + ((y1 - y0) * (score - x0)) / (x1 - x0);
}
