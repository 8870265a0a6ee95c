import path from 'node:path';
import {
  restoreRecommender,
  type CatalogItem,
  type EventKind,
  type Interaction,
  type ItemFilter,
  type Recommendation,
  type Recommender,
  type SavedRecommender,
} from '../../recommender';
import type { EventType, Product, Store } from '../../store';
import { runInWorker } from '../workers/run-in-worker';
import type { RebuildInput } from './rebuild-worker';

/** Tracker events that say something about taste, as recommender event kinds. */
const KIND_OF_EVENT: Partial<Record<EventType, EventKind>> = {
  product_view: 'view',
  add_to_cart: 'cart',
  purchase: 'purchase',
};

/** Options of {@link RecommendationService}. */
export interface RecommendationServiceOptions {
  /**
   * Full rebuild of the model from the store, off the main thread.
   * @default a worker thread running `rebuild-worker`
   */
  rebuild?: (input: RebuildInput) => Promise<SavedRecommender>;
  /** Reports a failed rebuild (the previous model stays in use). */
  onError?: (err: unknown) => void;
}

/** Who is asking: the session, and the customer once known. */
export interface Shopper {
  sessionId: string;
  customerId?: string | null;
}

/** Options of a query. */
export interface SuggestOptions {
  /** @default 4 */
  k?: number;
  filter?: ItemFilter;
  exclude?: Iterable<string>;
}

function catalogOf(products: readonly Product[]): CatalogItem[] {
  return products.map((p) => ({
    id: p.id,
    text: `${p.name} ${p.description}`,
    category: p.category,
    price: p.priceMinor / 100,
    inStock: p.stock > 0,
  }));
}

/** Product ids by how many times they were bought, most first. */
function bestSellersOf(purchases: ReadonlyArray<{ productId: string }>): string[] {
  const counts = new Map<string, number>();
  for (const p of purchases) counts.set(p.productId, (counts.get(p.productId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

const defaultRebuild = (input: RebuildInput): Promise<SavedRecommender> =>
  runInWorker<RebuildInput, SavedRecommender>(path.join(__dirname, 'rebuild-worker'), input);

/**
 * The shop's recommendations, fed from the profile store: purchases from orders and the
 * tracker's behaviour events. Events update the model as they arrive; full rebuilds run in a
 * worker thread and never block chats. Until the first build lands it suggests the shop's
 * best sellers.
 */
export class RecommendationService {
  private model: Recommender | undefined;
  private readonly sinceSnapshot: Interaction[] = [];
  private rebuilding: Promise<void> | undefined;
  private bestSellers: string[] = [];

  constructor(
    private readonly store: Store,
    private readonly options: RecommendationServiceOptions = {},
  ) {
    this.bestSellers = bestSellersOf(this.store.orders.purchases());
  }

  /** True once a full model is in use (before that: best sellers only). */
  get ready(): boolean {
    return this.model !== undefined;
  }

  /** Rebuilds the model from the whole store in the background; resolves when it is in use. */
  rebuildNow(): Promise<void> {
    this.rebuilding ??= this.rebuild().finally(() => {
      this.rebuilding = undefined;
    });
    return this.rebuilding;
  }

  /** Feeds one tracker event into the model (no rebuild). */
  record(shopper: Shopper, type: EventType, productId: string | undefined): void {
    const kind = KIND_OF_EVENT[type];
    if (!kind || !productId) return;
    const interaction: Interaction = { userId: shopper.customerId ?? shopper.sessionId, itemId: productId, kind, timestamp: Date.now() };
    this.sinceSnapshot.push(interaction);
    this.model?.addInteraction(interaction);
  }

  /** "What would you recommend?": from the shopper's history, or what they just looked at. */
  forShopper(shopper: Shopper, options: SuggestOptions = {}): Recommendation[] {
    const query = { k: options.k ?? 4, filter: options.filter, exclude: options.exclude };
    if (this.model) {
      const userId = shopper.customerId ?? shopper.sessionId;
      const personal = this.model.recommend(userId, query);
      if (personal.some((r) => r.reason.kind !== 'popular')) return personal;
      const recent = this.store.sessions.recentProducts(shopper.sessionId);
      if (recent.length > 0) return this.model.recommendForSession(recent, query);
      return personal;
    }
    return this.popular(query.k, options);
  }

  /** "Something like X". */
  similarTo(productId: string, options: SuggestOptions = {}): Recommendation[] {
    if (!this.model) return this.popular(options.k ?? 4, { ...options, exclude: [productId, ...(options.exclude ?? [])] });
    return this.model.similarItems(productId, { k: options.k ?? 4, filter: options.filter, exclude: options.exclude });
  }

  /** "What goes with this?": often bought together with these products. */
  goesWith(productIds: readonly string[], options: SuggestOptions = {}): Recommendation[] {
    if (!this.model) return this.popular(options.k ?? 4, { ...options, exclude: [...productIds, ...(options.exclude ?? [])] });
    return this.model.boughtTogether(productIds, { k: options.k ?? 4, filter: options.filter, exclude: options.exclude });
  }

  private async rebuild(): Promise<void> {
    const taken = this.sinceSnapshot.length;
    const purchases = this.store.orders.purchases();
    const input: RebuildInput = { interactions: this.interactionsFromStore(purchases), catalog: catalogOf(this.store.products.all()) };
    try {
      const saved = await (this.options.rebuild ?? defaultRebuild)(input);
      // The worker's own output: restored without a second check of its shape (the main thread
      // stalls chats while it restores, so it does no more than it must).
      const model = restoreRecommender(saved);
      // Events that arrived while the worker was busy are replayed, so nothing is lost.
      for (const event of this.sinceSnapshot.slice(taken)) model.addInteraction(event);
      this.sinceSnapshot.splice(0, this.sinceSnapshot.length);
      this.model = model;
      this.bestSellers = bestSellersOf(purchases);
    } catch (err) {
      this.options.onError?.(err);
    }
  }

  private interactionsFromStore(bought: ReturnType<Store['orders']['purchases']>): Interaction[] {
    const purchases: Interaction[] = bought.map((p) => ({
      userId: p.customerId,
      itemId: p.productId,
      kind: 'purchase',
      timestamp: Date.parse(p.placedAt),
    }));
    const events: Interaction[] = [];
    for (const e of this.store.sessions.productEvents()) {
      const kind = KIND_OF_EVENT[e.type];
      if (kind) events.push({ userId: e.shopperId, itemId: e.productId, kind, timestamp: Date.parse(e.at) });
    }
    return [...purchases, ...events];
  }

  private popular(k: number, options: SuggestOptions): Recommendation[] {
    const excluded = new Set(options.exclude ?? []);
    const picked: Recommendation[] = [];
    for (const id of this.bestSellers) {
      if (picked.length >= k) break;
      if (excluded.has(id) || !this.passes(id, options.filter)) continue;
      picked.push({ itemId: id, score: 1 / (picked.length + 1), reason: { kind: 'popular' } });
    }
    return picked;
  }

  private passes(productId: string, filter: ItemFilter | undefined): boolean {
    if (!filter) return true;
    const p = this.store.products.findById(productId);
    if (!p) return false;
    const price = p.priceMinor / 100;
    if (filter.inStock && p.stock <= 0) return false;
    if (filter.minPrice !== undefined && price < filter.minPrice) return false;
    if (filter.maxPrice !== undefined && price > filter.maxPrice) return false;
    return !filter.category || p.category.toLowerCase() === filter.category.toLowerCase();
  }
}
