import type { Rng } from './random';

/** Result of {@link kMeans}. */
export interface KMeansResult {
  centroids: number[][];
  /** Cluster of each point. */
  assignments: number[];
  /** Sum of squared distances of points to their centroid. */
  inertia: number;
}

function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] as number) - (b[i] as number)) ** 2;
  return sum;
}

/** Index of the nearest centroid and its squared distance. */
export function nearest(point: readonly number[], centroids: readonly number[][]): { index: number; distance: number } {
  let best = { index: 0, distance: Infinity };
  centroids.forEach((c, index) => {
    const distance = squaredDistance(point, c);
    if (distance < best.distance) best = { index, distance };
  });
  return best;
}

/** k-means++ seeding: each next centre drawn with probability proportional to squared distance. */
function seedCentroids(points: readonly number[][], k: number, rng: Rng): number[][] {
  const centroids = [[...(points[Math.floor(rng() * points.length)] as number[])]];
  while (centroids.length < k) {
    const d = points.map((p) => nearest(p, centroids).distance);
    const total = d.reduce((a, b) => a + b, 0);
    let target = rng() * total;
    let chosen = points.length - 1;
    for (let i = 0; i < d.length; i++) {
      target -= d[i] as number;
      if (target < 0) {
        chosen = i;
        break;
      }
    }
    centroids.push([...(points[chosen] as number[])]);
  }
  return centroids;
}

/**
 * Lloyd's k-means with k-means++ seeding; stops when no point changes cluster. An emptied
 * cluster keeps its previous centroid.
 *
 * @param maxIterations - @default 100
 * @example
 * const { centroids, assignments } = kMeans(points, 4, createRng(7));
 */
export function kMeans(points: readonly number[][], k: number, rng: Rng, maxIterations = 100): KMeansResult {
  if (points.length < k) throw new Error(`need at least ${k} points for ${k} clusters, got ${points.length}`);
  const centroids = seedCentroids(points, k, rng);
  let assignments = new Array<number>(points.length).fill(-1);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const next = points.map((p) => nearest(p, centroids).index);
    const changed = next.some((c, i) => c !== assignments[i]);
    assignments = next;
    if (!changed) break;
    centroids.forEach((centroid, c) => {
      const members = points.filter((_, i) => assignments[i] === c);
      if (members.length === 0) return;
      centroid.forEach((_, d) => {
        centroid[d] = members.reduce((s, p) => s + (p[d] as number), 0) / members.length;
      });
    });
  }
  const inertia = points.reduce((s, p, i) => s + squaredDistance(p, centroids[assignments[i] as number] as number[]), 0);
  return { centroids, assignments, inertia };
}
