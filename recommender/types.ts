/** What a shopper did with a product. Stronger signals get larger weights in {@link EventWeights}. */
export const EVENT_KINDS = ['view', 'click', 'cart', 'wishlist', 'purchase', 'rating'] as const;

/** One of {@link EVENT_KINDS}. */
export type EventKind = (typeof EVENT_KINDS)[number];

/** One shopper-product event, as recorded by the tracker or imported from a CSV. */
export interface Interaction {
  userId: string;
  itemId: string;
  /** What happened; missing means a plain implicit signal (weight 1). */
  kind?: EventKind;
  /** Explicit strength (quantity, rating); multiplies the kind weight. @default 1 */
  weight?: number;
  /** Milliseconds since the epoch; orders a shopper's history and drives recency decay. */
  timestamp?: number;
}

/** A catalog entry: enough to filter suggestions and to relate new products by their text. */
export interface CatalogItem {
  id: string;
  /** Title and description, used by the content-based fallback. */
  text?: string;
  category?: string;
  price?: number;
  /** Missing means unknown, which passes an `inStock` filter. */
  inStock?: boolean;
}

/** Filters applied to every suggestion list. */
export interface ItemFilter {
  /** Only items not marked out of stock. */
  inStock?: boolean;
  minPrice?: number;
  maxPrice?: number;
  /** Only this category (exact, case-insensitive). */
  category?: string;
}

/** Why an item is suggested, so the bot can say it in words. */
export type Reason =
  | { kind: 'also_bought'; becauseOf: string }
  | { kind: 'similar_viewed'; becauseOf: string }
  | { kind: 'similar_content'; becauseOf: string }
  | { kind: 'popular' }
  | { kind: 'for_you' };

/** One suggested item with its score (higher is better, comparable within one list only). */
export interface Recommendation {
  itemId: string;
  score: number;
  reason: Reason;
}

/** Options of a recommendation query. */
export interface QueryOptions {
  /** How many items. @default 10 */
  k?: number;
  /** Item ids never to return, besides those the shopper already has. */
  exclude?: Iterable<string>;
  filter?: ItemFilter;
}
