import { z } from 'zod';
import { kMeans, nearest } from './kmeans';
import type { Rng } from './random';

/** Readable segment names, each an archetype of standardised log recency, frequency, monetary. */
export const SEGMENT_NAMES = ['loyal high spenders', 'regulars', 'new', 'occasional', 'at risk', 'lapsed'] as const;
/** One of {@link SEGMENT_NAMES}. */
export type SegmentName = (typeof SEGMENT_NAMES)[number];

/**
 * Where each archetype sits in z-scores of (log recency, log frequency, log monetary): high
 * recency means the last order was long ago.
 */
const ARCHETYPES: Record<SegmentName, readonly [number, number, number]> = {
  'loyal high spenders': [-1, 1.2, 1.2],
  regulars: [-0.5, 0.5, 0],
  new: [-1, -0.8, -0.5],
  occasional: [0, -0.5, -0.3],
  'at risk': [1, 0.5, 0.5],
  lapsed: [1.2, -0.8, -0.8],
};

/** One order as segments need it. */
export interface OrderRecord {
  customerId: string;
  /** ms since the epoch */
  at: number;
  total: number;
}

/** Recency (days since the last order), frequency (orders) and monetary value (total spent). */
export interface Rfm {
  recencyDays: number;
  frequency: number;
  monetary: number;
}

/** A fitted segmentation: how to standardise RFM, and the named centroids. */
export interface SegmentModel {
  mean: [number, number, number];
  std: [number, number, number];
  segments: { name: SegmentName; centroid: [number, number, number]; customers: number; typical: Rfm }[];
}

/** RFM of every customer with orders, at time `now`. */
export function rfmByCustomer(orders: readonly OrderRecord[], now: number): Map<string, Rfm> {
  const out = new Map<string, Rfm>();
  for (const o of orders) {
    const r = out.get(o.customerId) ?? { recencyDays: Infinity, frequency: 0, monetary: 0 };
    r.recencyDays = Math.min(r.recencyDays, Math.max(0, (now - o.at) / 86_400_000));
    r.frequency++;
    r.monetary += o.total;
    out.set(o.customerId, r);
  }
  return out;
}

// Logs tame the long tails of frequency and spend (one customer with 300 orders would otherwise
// be a cluster of its own).
function logRfm(r: Rfm): [number, number, number] {
  return [Math.log1p(r.recencyDays), Math.log1p(r.frequency), Math.log1p(Math.max(0, r.monetary))];
}

function standardise(v: readonly number[], model: Pick<SegmentModel, 'mean' | 'std'>): number[] {
  return v.map((x, i) => (x - model.mean[i]!) / model.std[i]!);
}

/**
 * Names clusters by their centroids: every (cluster, name) pair is scored by the distance of the
 * centroid to the name's archetype and pairs are taken nearest first, each name used once.
 */
function nameCentroids(centroids: readonly number[][]): SegmentName[] {
  const pairs = centroids.flatMap((c, cluster) =>
    SEGMENT_NAMES.map((name) => ({ cluster, name, distance: ARCHETYPES[name].reduce((s, a, d) => s + (a - (c[d] as number)) ** 2, 0) })),
  );
  pairs.sort((a, b) => a.distance - b.distance);
  const names = new Array<SegmentName | undefined>(centroids.length);
  const used = new Set<SegmentName>();
  for (const p of pairs) {
    if (names[p.cluster] !== undefined || used.has(p.name)) continue;
    names[p.cluster] = p.name;
    used.add(p.name);
  }
  return names as SegmentName[];
}

/**
 * Segments customers by k-means (k-means++ seeded) on standardised log recency, frequency and
 * monetary value, and names each segment from its centroid.
 *
 * @param k - number of segments, 2 to 6, @default 4
 * @example
 * const model = fitSegments(orders, { now: Date.now(), rng: createRng(1) });
 * segmentOf(model, rfm); // 'at risk'
 */
export function fitSegments(orders: readonly OrderRecord[], { now, rng, k = 4 }: { now: number; rng: Rng; k?: number }): SegmentModel {
  if (k < 2 || k > SEGMENT_NAMES.length) throw new Error(`k must be between 2 and ${SEGMENT_NAMES.length}`);
  const rfm = [...rfmByCustomer(orders, now).values()];
  const raw = rfm.map(logRfm);
  const mean = [0, 1, 2].map((d) => raw.reduce((s, v) => s + v[d]!, 0) / raw.length) as [number, number, number];
  // a constant column (everyone ordered once) gets std 1 so it standardises to 0
  const std = [0, 1, 2].map((d) => Math.sqrt(raw.reduce((s, v) => s + (v[d]! - mean[d]!) ** 2, 0) / raw.length) || 1) as [number, number, number];
  const points = raw.map((v) => standardise(v, { mean, std }));
  const { centroids, assignments } = kMeans(points, k, rng);
  const names = nameCentroids(centroids);
  return {
    mean,
    std,
    segments: centroids.map((c, i) => {
      const log = c.map((z, d) => z * std[d]! + mean[d]!);
      return {
        name: names[i] as SegmentName,
        centroid: c as [number, number, number],
        customers: assignments.filter((a) => a === i).length,
        typical: { recencyDays: Math.expm1(log[0]!), frequency: Math.expm1(log[1]!), monetary: Math.expm1(log[2]!) },
      };
    }),
  };
}

/** The segment of a customer's RFM (nearest centroid); a shopper with no orders yet is "new". */
export function segmentOf(model: SegmentModel, rfm: Rfm | undefined): SegmentName {
  if (!rfm || rfm.frequency === 0) return 'new';
  const { index } = nearest(standardise(logRfm(rfm), model), model.segments.map((s) => s.centroid));
  return model.segments[index]?.name as SegmentName;
}

const triple = z.tuple([z.number(), z.number(), z.number()]);
const SEGMENT_MODEL_SCHEMA = z.object({
  mean: triple,
  std: triple.refine((s) => s.every((v) => v > 0), 'std must be positive'),
  segments: z
    .array(
      z.object({
        name: z.enum(SEGMENT_NAMES),
        centroid: triple,
        customers: z.number().int().min(0),
        typical: z.object({ recencyDays: z.number(), frequency: z.number(), monetary: z.number() }),
      }),
    )
    .min(1),
});

/** Validates a stored segment model (e.g. read back from the database); throws naming the bad field. */
export function parseSegmentModel(json: unknown): SegmentModel {
  const parsed = SEGMENT_MODEL_SCHEMA.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a segment model: ${issue?.path.join('.') || 'model'}: ${issue?.message}`);
  }
  return parsed.data;
}
