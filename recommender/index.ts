/**
 * The recommender: item- and user-based CF, sequence-aware item-item links, implicit ALS and
 * popularity, blended with weights chosen by internal validation, plus content-based and
 * popularity fallbacks for cold shoppers and products. Pure TypeScript over plain arrays.
 *
 * @example
 * import { buildRecommender } from '../recommender';
 * const recommender = buildRecommender(events, { catalog });
 * recommender.recommend('customer-17', { k: 4, filter: { inStock: true, maxPrice: 20 } });
 * recommender.similarItems('white-lantern', { k: 4 });
 * recommender.boughtTogether(['white-lantern'], { k: 4 });
 * recommender.recommendForSession(['white-lantern', 'candle'], { k: 4 });
 * recommender.addInteraction({ userId: 'customer-17', itemId: 'candle', kind: 'purchase' });
 */
export type { CatalogItem, EventKind, Interaction, ItemFilter, QueryOptions, Reason, Recommendation } from './types';
export { EVENT_KINDS } from './types';
export { DEFAULT_EVENT_WEIGHTS, type EventWeights } from './interactions';
export { buildRecommender, rebuildSnapshot, chooseBlend, trainModels, FALLBACK_BLEND, type BlendDecision, type RecommenderOptions } from './build';
export { Recommender } from './engine';
export type { Blend, Component } from './components';
export type { AlsOptions, AlsWarmStart } from './als';
export type { UserKnnOptions } from './user-similarity';
export type { BlendSearchOptions } from './blend-search';
export { saveRecommender, loadRecommender, restoreRecommender, type SavedRecommender } from './serialize';
export { evaluateLeaveLastOut, evaluateHeldOut, itemKnnYardstick, type EvaluationOptions, type EvaluationReport } from './evaluate';
export { leaveLastOut, type LeaveLastOutSplit, type RankingMetrics } from './metrics';
export { parseInteractionsCsv, type CsvInteractions } from './csv';
