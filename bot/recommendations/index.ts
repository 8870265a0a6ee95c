export { RecommendationService, type RecommendationServiceOptions, type Shopper, type SuggestOptions } from './recommendation-service';
export { suggestionCards, cardsAttachment } from './suggestions';
export type { RebuildInput } from './rebuild-worker';
