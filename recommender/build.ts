import { trainAls, type AlsOptions, type AlsWarmStart } from './als';
import { searchBlend, type BlendSearchOptions } from './blend-search';
import type { Blend, ComponentModels } from './components';
import { Recommender } from './engine';
import { DEFAULT_EVENT_WEIGHTS, indexInteractions, type EventWeights } from './interactions';
import { ItemSimilarity } from './item-similarity';
import { ItemUsers } from './item-users';
import { leaveLastOut } from './metrics';
import { seededRandom, type Random } from './random';
import { saveRecommender, type SavedRecommender } from './serialize';
import type { CatalogItem, Interaction } from './types';
import { UserSimilarity, type UserKnnOptions } from './user-similarity';

/** Options of {@link buildRecommender}; every field has a default tuned on held-out data. */
export interface RecommenderOptions {
  /** Strength of each event kind. @default DEFAULT_EVENT_WEIGHTS (view 1, cart 3, purchase 5, ...) */
  eventWeights?: Partial<EventWeights>;
  /** Neighbours kept per item in item-based CF. @default 100 */
  itemNeighbours?: number;
  /** Shrinkage of item-item cosine. @default 10 */
  itemShrink?: number;
  /** Later items of a history that count as "bought next" after an item. @default 3 */
  sequenceWindow?: number;
  /** User-based CF settings. @default { neighbours: 50, shrink: 5 } */
  userKnn?: UserKnnOptions;
  /** Implicit ALS settings, or `false` to leave the factor model out. @default { factors: 32, iterations: 5, warmIterations: 3 } */
  als?: AlsOptions | false;
  /**
   * A fixed blend (weights and recency decay); when absent both are chosen on an internal
   * leave-last-out split. Recency is by position in the shopper's time-ordered history: to fix
   * the decay but still choose weights, pass `search: { decays: [0.8] }`.
   */
  blend?: Blend;
  /** Settings of that internal search. */
  search?: BlendSearchOptions;
  /** Seed of every random choice (factor initialisation, validation sample). @default 42 */
  seed?: number;
  /** Called with a stage name and the fraction done, for progress output. */
  onProgress?: (stage: string, done: number) => void;
}

/** Blend used when there is too little data to validate one: equal parts of every signal. */
export const FALLBACK_BLEND: Blend = Object.freeze({
  weights: Object.freeze({ cooccurrence: 0.25, sequence: 0.25, userKnn: 0.2, als: 0.2, popularity: 0.1 }),
  recencyDecay: 0.7,
});

/** Fewer validation users than this and the search would be noise. */
const MIN_VALIDATION_USERS = 50;
const DEFAULT_ALS: AlsOptions = { factors: 32, iterations: 5, warmIterations: 3 };

/** Trains every component on `interactions` (no blend chosen here). */
export function trainModels(interactions: readonly Interaction[], options: RecommenderOptions, random: Random, stage = 'build', warm?: AlsWarmStart): ComponentModels {
  const progress = (part: string) => (done: number) => options.onProgress?.(`${stage}: ${part}`, done);
  const index = indexInteractions(interactions, { ...DEFAULT_EVENT_WEIGHTS, ...options.eventWeights });
  const itemUsers = new ItemUsers(index);
  const shared = { neighbours: options.itemNeighbours ?? 100, shrink: options.itemShrink ?? 10 };
  const cooccurrence = new ItemSimilarity(index, itemUsers, { mode: 'cooccurrence', ...shared });
  cooccurrence.buildAll(progress('item-item'));
  const sequence = new ItemSimilarity(index, itemUsers, { mode: 'sequence', window: options.sequenceWindow ?? 3, ...shared });
  sequence.buildAll(progress('sequence'));
  const users = new UserSimilarity(index, itemUsers, options.userKnn);
  const als = options.als === false ? undefined : trainAls(index, { ...DEFAULT_ALS, ...options.als }, random, progress('als'), warm);
  return { index, itemUsers, cooccurrence, sequence, users, als };
}

/** A chosen blend, its validation score, and the validation factors a final build can start from. */
export interface BlendDecision {
  blend: Blend;
  validationNdcg?: number;
  warm?: AlsWarmStart;
}

/** Chooses the blend on `interactions` alone: each user's last item is the validation target. */
export function chooseBlend(interactions: readonly Interaction[], options: RecommenderOptions, random: Random): BlendDecision {
  const split = leaveLastOut(interactions);
  if (split.heldOut.size < MIN_VALIDATION_USERS) return { blend: FALLBACK_BLEND };
  const models = trainModels(split.train, options, random, 'validation');
  const targets = new Map<number, number>();
  for (const [userId, itemId] of split.heldOut) {
    const user = models.index.findUser(userId);
    // An item first seen as a target can never be ranked: it stays a miss, as in the test.
    if (user !== undefined) targets.set(user, models.index.findItem(itemId) ?? Number.MAX_SAFE_INTEGER);
  }
  options.onProgress?.('validation: blend search', 0);
  const choice = searchBlend(models, targets, random, options.search);
  const warm = models.als ? { itemIds: models.index.itemIds, model: models.als } : undefined;
  return { blend: choice.blend, validationNdcg: choice.validationNdcg, ...(warm && { warm }) };
}

/**
 * Builds a recommender from events (and optionally the catalog, for filters and the content
 * fallback). Pure and synchronous, so it can run in a worker thread: post the result of
 * `saveRecommender` back and `loadRecommender` it on the main thread, then replay the events
 * that arrived meanwhile with `addInteraction`.
 *
 * @example
 * const recommender = buildRecommender(events, { catalog });
 * recommender.recommend('customer-17', { k: 5, filter: { inStock: true, maxPrice: 20 } });
 */
export function buildRecommender(interactions: readonly Interaction[], options: RecommenderOptions & { catalog?: readonly CatalogItem[] } = {}): Recommender {
  const random = seededRandom(options.seed ?? 42);
  const chosen: BlendDecision = options.blend ? { blend: options.blend } : chooseBlend(interactions, options, random);
  const models = trainModels(interactions, options, random, 'build', chosen.warm);
  return new Recommender({
    models,
    blend: chosen.blend,
    eventWeights: { ...DEFAULT_EVENT_WEIGHTS, ...options.eventWeights },
    catalog: options.catalog ?? [],
    validationNdcg: chosen.validationNdcg,
  });
}

/**
 * A full rebuild as plain data, for running off the hot path in a worker thread (functions
 * cannot cross threads, so this takes no `onProgress`): the worker calls it with the events and
 * posts the result; the main thread swaps in `loadRecommender(result)` and replays, with
 * `addInteraction`, the events recorded since the worker's snapshot was taken.
 *
 * @example
 * // rebuild-worker.js (server side)
 * const { parentPort, workerData } = require('node:worker_threads');
 * const { rebuildSnapshot } = require('../recommender');
 * parentPort.postMessage(rebuildSnapshot(workerData.events, workerData.options));
 * // main thread
 * worker.once('message', (saved) => { recommender = loadRecommender(saved); pending.forEach((e) => recommender.addInteraction(e)); });
 */
export function rebuildSnapshot(interactions: readonly Interaction[], options: Omit<RecommenderOptions, 'onProgress'> & { catalog?: readonly CatalogItem[] } = {}): SavedRecommender {
  return saveRecommender(buildRecommender(interactions, options));
}
