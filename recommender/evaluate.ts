import { topK } from './accumulator';
import { buildRecommender, type RecommenderOptions } from './build';
import type { Recommender } from './engine';
import type { InteractionIndex } from './interactions';
import { ItemSimilarity } from './item-similarity';
import type { ItemUsers } from './item-users';
import { leaveLastOut, rankTarget, type RankingMetrics } from './metrics';
import type { Interaction } from './types';

/** The engine and its two yardsticks, scored in one run on one split. */
export interface EvaluationReport {
  k: number;
  /** Users with a held-out item (the denominators). */
  users: number;
  engine: RankingMetrics;
  popularity: RankingMetrics;
  /** Plain item-kNN: binary cosine over all co-occurring items, summed over the history. */
  itemKnn: RankingMetrics;
  /** Engine build time on the training part, milliseconds (wall clock). */
  buildMs: number;
}

/** Options of {@link evaluateLeaveLastOut}. */
export interface EvaluationOptions extends RecommenderOptions {
  /** Cut-off of HR and NDCG. @default 10 */
  k?: number;
  /** Clock for the build time. @default Date.now */
  now?: () => number;
}

type DenseScorer = (userId: string, user: number) => { scores: Float64Array; owned: readonly number[] } | undefined;

function measure(index: InteractionIndex, heldOut: ReadonlyMap<string, string>, k: number, scorer: DenseScorer, onProgress?: (done: number) => void): RankingMetrics {
  let hits = 0;
  let ndcg = 0;
  let done = 0;
  for (const [userId, itemId] of heldOut) {
    done++;
    if (onProgress && done % 2000 === 0) onProgress(done / heldOut.size);
    const user = index.findUser(userId);
    const target = index.findItem(itemId);
    const scored = user === undefined || target === undefined ? undefined : scorer(userId, user);
    if (!scored || target === undefined) continue;
    const rank = rankTarget(scored.scores, target, scored.owned, k);
    hits += rank.hit;
    ndcg += rank.ndcg;
  }
  const users = Math.max(1, heldOut.size);
  return { hitRate: hits / users, ndcg: ndcg / users, users: heldOut.size };
}

function popularityScorer(index: InteractionIndex, itemUsers: ItemUsers, itemCount: number): DenseScorer {
  const scores = Float64Array.from({ length: itemCount }, (_, item) => itemUsers.usersOf(item).length);
  return (_userId, user) => ({ scores, owned: index.histories[user]?.items ?? [] });
}

function itemKnnScorer(index: InteractionIndex, itemUsers: ItemUsers, itemCount: number): DenseScorer {
  const plain = new ItemSimilarity(index, itemUsers, { mode: 'cooccurrence', binary: true, shrink: 0, neighbours: Number.MAX_SAFE_INTEGER });
  const scores = new Float64Array(itemCount);
  return (_userId, user) => {
    scores.fill(0);
    const owned = index.histories[user]?.items ?? [];
    for (const item of owned) {
      const row = plain.row(item);
      for (let r = 0; r < row.ids.length; r++) scores[row.ids[r] as number] = (scores[row.ids[r] as number] as number) + (row.scores[r] as number);
    }
    return { scores, owned };
  };
}

/**
 * Scores an already built engine and the two yardsticks (built here on the engine's own
 * training index) on held-out items: every item is ranked for every held-out user.
 */
export function evaluateHeldOut(engine: Recommender, heldOut: ReadonlyMap<string, string>, k = 10, onProgress?: (stage: string, done: number) => void): Omit<EvaluationReport, 'buildMs'> {
  const { index, itemUsers } = engine.models;
  const itemCount = index.itemCount;
  const progress = (stage: string) => (done: number) => onProgress?.(`evaluate: ${stage}`, done);
  return {
    k,
    users: heldOut.size,
    engine: measure(index, heldOut, k, (userId) => engine.scoreAll(userId), progress('engine')),
    popularity: measure(index, heldOut, k, popularityScorer(index, itemUsers, itemCount), progress('popularity')),
    itemKnn: measure(index, heldOut, k, itemKnnScorer(index, itemUsers, itemCount), progress('item-kNN')),
  };
}

/**
 * Leave-last-out evaluation: every user's last item is held out, the engine is built on the
 * rest (choosing its blend on that rest only), and all items are ranked for each user. The
 * popularity and plain item-kNN yardsticks are computed on the same split in the same run.
 *
 * @example
 * const report = evaluateLeaveLastOut(events, { k: 10 });
 * report.engine.ndcg / report.itemKnn.ndcg; // the ratio the floors are stated in
 */
export function evaluateLeaveLastOut(interactions: readonly Interaction[], options: EvaluationOptions = {}): EvaluationReport {
  const now = options.now ?? Date.now;
  const { train, heldOut } = leaveLastOut(interactions);
  const started = now();
  const engine = buildRecommender(train, options);
  const buildMs = now() - started;
  return { ...evaluateHeldOut(engine, heldOut, options.k ?? 10, options.onProgress), buildMs };
}

/**
 * The plain item-kNN yardstick as a query (top-k ids for a known user), built on the engine's
 * own training index: benchmarks time it next to the engine in the same run.
 */
export function itemKnnYardstick(engine: Recommender): (userId: string, k: number) => string[] {
  const { index, itemUsers } = engine.models;
  const scorer = itemKnnScorer(index, itemUsers, index.itemCount);
  return (userId, k) => {
    const user = index.findUser(userId);
    if (user === undefined) return [];
    const { scores, owned } = scorer(userId, user) ?? { scores: new Float64Array(0), owned: [] };
    for (const item of owned) scores[item] = -1;
    const top = topK(scores.keys(), (item) => scores[item] as number, k);
    return top.map((item) => index.itemIds[item] as string);
  };
}
