/** Shoppers in a group and how many of them bought. */
export interface GroupOutcome {
  shoppers: number;
  converted: number;
}

/** Conversion of offered vs hold-out shoppers and the difference with its confidence interval. */
export interface UpliftReport {
  offeredRate: number;
  holdOutRate: number;
  /** offeredRate − holdOutRate */
  uplift: number;
  /** Newcombe's hybrid score interval (method 10, from Wilson intervals). */
  interval: { lower: number; upper: number };
  confidence: number;
  /** The interval excludes 0. */
  significant: boolean;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be in (0, 1)');
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (k: number[], x: number): number => k.reduce((s, v) => s * x + v, 0);
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - 0.02425) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/**
 * Wilson score interval of a proportion.
 *
 * @example
 * wilsonInterval(81, 263, 1.96); // { lower: 0.2553, upper: 0.3662 } (approximately)
 */
export function wilsonInterval(successes: number, n: number, z: number): { lower: number; upper: number } {
  if (n === 0) return { lower: 0, upper: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: (centre - half) / (1 + z2 / n), upper: (centre + half) / (1 + z2 / n) };
}

/**
 * Uplift of offering a coupon: conversion of offered minus hold-out shoppers, with Newcombe's
 * interval for a difference of independent proportions (good coverage for small counts and
 * rates near 0, where the Wald interval fails). Count every shopper the decision put in each
 * group (intention to treat: offered shoppers who ignored the coupon stay in `offered`), each
 * converting at most once, over the same period.
 *
 * @param confidence - @default 0.95
 * @example
 * upliftReport({ shoppers: 70, converted: 56 }, { shoppers: 80, converted: 48 });
 * // uplift 0.2, interval 0.0524 to 0.3339 (Newcombe 1998, example (a))
 */
export function upliftReport(offered: GroupOutcome, holdOut: GroupOutcome, confidence = 0.95): UpliftReport {
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p1 = offered.shoppers === 0 ? 0 : offered.converted / offered.shoppers;
  const p2 = holdOut.shoppers === 0 ? 0 : holdOut.converted / holdOut.shoppers;
  const w1 = wilsonInterval(offered.converted, offered.shoppers, z);
  const w2 = wilsonInterval(holdOut.converted, holdOut.shoppers, z);
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2);
  const upper = d + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2);
  return { offeredRate: p1, holdOutRate: p2, uplift: d, interval: { lower, upper }, confidence, significant: lower > 0 || upper < 0 };
}
