import { topK, type ScoredList } from './accumulator';
import { catalogText, passesFilter } from './catalog';
import { COMPONENTS, ComponentScorer, type Blend, type Component, type ComponentModels } from './components';
import { ContentIndex } from './content';
import { eventWeight, type EventWeights, type UserHistory } from './interactions';
import type { CatalogItem, Interaction, ItemFilter, QueryOptions, Reason, Recommendation } from './types';

/** Largest list a query may ask for. */
const MAX_K = 1000;
/** How much text similarity counts next to co-purchase in "something like X". */
const CONTENT_WEIGHT = 0.3;

/** Everything a {@link Recommender} is made of (what `buildRecommender` and `loadRecommender` produce). */
export interface RecommenderParts {
  models: ComponentModels;
  blend: Blend;
  eventWeights: EventWeights;
  catalog: readonly CatalogItem[];
  /** NDCG@10 of the chosen blend on the internal validation split, when one was run. */
  validationNdcg?: number;
}

interface Candidate {
  item: number;
  score: number;
  reason: Reason;
}

/**
 * The trained recommender: answers "for you", "something like X", "what goes with this" and
 * anonymous-session queries, and takes new events without a rebuild. Never returns an item the
 * shopper already has.
 */
export class Recommender {
  readonly models: ComponentModels;
  readonly blend: Blend;
  readonly eventWeights: EventWeights;
  readonly validationNdcg: number | undefined;
  private readonly scorer: ComponentScorer;
  private readonly catalog = new Map<number, CatalogItem>();
  private content: ContentIndex;

  constructor(parts: RecommenderParts) {
    this.models = parts.models;
    this.blend = parts.blend;
    this.eventWeights = parts.eventWeights;
    this.validationNdcg = parts.validationNdcg;
    this.scorer = new ComponentScorer(parts.models);
    this.content = this.indexCatalog(parts.catalog);
  }

  /** Personal recommendations; unknown shoppers get the popular items that pass the filter. */
  recommend(userId: string, options: QueryOptions = {}): Recommendation[] {
    const user = this.models.index.findUser(userId);
    const history = user === undefined ? emptyHistory() : (this.models.index.histories[user] as UserHistory);
    return this.rankHistory(history, user ?? -1, options);
  }

  /** Recommendations for an anonymous session from the item ids it viewed, oldest first. */
  recommendForSession(itemIds: readonly string[], options: QueryOptions = {}): Recommendation[] {
    return this.rankHistory(this.sessionHistory(itemIds), -1, options);
  }

  /** "Something like X": items shoppers take together with X, and items described alike. */
  similarItems(itemId: string, options: QueryOptions = {}): Recommendation[] {
    const item = this.models.index.findItem(itemId);
    if (item === undefined) return [];
    const candidates = new Map<number, Candidate>();
    this.addList(candidates, this.models.cooccurrence.row(item), 1, { kind: 'also_bought', becauseOf: itemId });
    const text = this.content.similarTo([item], [1], 100, this.models.index.itemCount);
    this.addList(candidates, text, CONTENT_WEIGHT, { kind: 'similar_content', becauseOf: itemId });
    return this.finish([...candidates.values()], new Set([item]), options, emptyHistory());
  }

  /** "What goes with this?": items bought with the given basket, strongest link as the reason. */
  boughtTogether(itemIds: readonly string[], options: QueryOptions = {}): Recommendation[] {
    const basket = this.sessionHistory(itemIds, true);
    const candidates = new Map<number, Candidate>();
    for (const item of basket.items) {
      const reason: Reason = { kind: 'also_bought', becauseOf: this.models.index.itemIds[item] as string };
      this.addList(candidates, this.models.cooccurrence.row(item), 1, reason);
      this.addList(candidates, this.models.sequence.row(item), 1, reason);
    }
    return this.finish([...candidates.values()], new Set(basket.items), options, basket);
  }

  /** Records one event: the shopper's history, popularity and the touched item-item rows change. */
  addInteraction(event: Interaction): void {
    const { index, itemUsers } = this.models;
    const user = index.userOf(event.userId);
    const item = index.itemOf(event.itemId);
    const change = index.append(user, item, eventWeight(event, this.eventWeights), event.kind);
    itemUsers.record(user, item, change.before, change.after);
    this.models.cooccurrence.record(user, item, change.before, change.after);
    this.models.sequence.record(user, item, change.before, change.after);
  }

  /** Replaces the catalog (prices, stock, text): filters and the content model follow at once. */
  setCatalog(items: readonly CatalogItem[]): void {
    this.content = this.indexCatalog(items);
  }

  /** The catalog entries the recommender knows, for saving. */
  catalogItems(): CatalogItem[] {
    return [...this.catalog.values()];
  }

  /**
   * The blended score of every item for a known user, plus the items the user has: what
   * leave-last-out evaluation ranks. Undefined for unknown users.
   */
  scoreAll(userId: string): { scores: Float64Array; owned: readonly number[] } | undefined {
    const user = this.models.index.findUser(userId);
    if (user === undefined) return undefined;
    const history = this.models.index.histories[user] as UserHistory;
    this.scorer.score(history, this.blend, user);
    const scores = new Float64Array(this.models.index.itemCount);
    const popularity = this.scorer.scores.popularity;
    const popularityWeight = this.blend.weights.popularity;
    for (let item = 0; item < scores.length; item++) scores[item] = popularityWeight * (popularity[item] as number);
    const blended = this.blendedScores();
    for (const item of this.scorer.candidates) scores[item] = blended(item);
    return { scores, owned: history.items };
  }

  private rankHistory(history: UserHistory, self: number, options: QueryOptions): Recommendation[] {
    const owned = new Set(history.items);
    // Only never-bought products seen: no collaborative signal, so text similarity leads.
    const cold = history.items.every((item) => this.models.itemUsers.usersOf(item).length === 0);
    if (cold) return this.finish([], owned, options, history);
    this.scorer.score(history, this.blend, self);
    const k = clampK(options.k);
    const excluded = this.excludedItems(owned, options.exclude);
    const blended = this.blendedScores();
    const filter = options.filter;
    const score = (item: number): number => (excluded.has(item) || !this.passes(item, filter) ? 0 : blended(item));
    // Reasons only for the few items shown: explaining every candidate would double the cost.
    const candidates = topK(this.scorer.candidates, score, k).map((item) => ({
      item,
      score: blended(item),
      reason: this.reasonFor(this.blendedScore(item).component, item, history),
    }));
    return this.finish(candidates, owned, options, history);
  }

  /** A fast scorer over the last scored history: weights and arrays resolved once per query. */
  private blendedScores(): (item: number) => number {
    const weights = COMPONENTS.map((c) => this.blend.weights[c]).filter((w) => w > 0);
    const parts = COMPONENTS.filter((c) => this.blend.weights[c] > 0).map((c) => this.scorer.scores[c]);
    return (item) => {
      let score = 0;
      for (let c = 0; c < parts.length; c++) score += (weights[c] as number) * ((parts[c] as Float64Array)[item] as number);
      return score;
    };
  }

  private blendedScore(item: number): { score: number; component: Component } {
    let score = 0;
    let component: Component = 'popularity';
    let strongest = -1;
    for (const c of COMPONENTS) {
      const part = this.blend.weights[c] * (this.scorer.scores[c][item] as number);
      score += part;
      if (part > strongest) {
        strongest = part;
        component = c;
      }
    }
    return { score, component };
  }

  private reasonFor(component: Component, item: number, history: UserHistory): Reason {
    switch (component) {
      case 'cooccurrence':
      case 'sequence':
        return this.becauseOf(this.scorer.causes[component][item] as number, history);
      case 'userKnn':
      case 'als':
        return { kind: 'for_you' };
      case 'popularity':
        return { kind: 'popular' };
      default:
        return component satisfies never;
    }
  }

  private becauseOf(cause: number, history: UserHistory): Reason {
    const at = history.items.lastIndexOf(cause);
    const becauseOf = this.models.index.itemIds[cause] as string;
    return history.bought?.[at] === false ? { kind: 'similar_viewed', becauseOf } : { kind: 'also_bought', becauseOf };
  }

  /** Filters, ranks and tops up with content-similar then popular items when CF runs short. */
  private finish(candidates: Candidate[], owned: ReadonlySet<number>, options: QueryOptions, history: UserHistory): Recommendation[] {
    const k = clampK(options.k);
    const excluded = this.excludedItems(owned, options.exclude);
    const accept = (item: number): boolean => !excluded.has(item) && this.passes(item, options.filter);
    const picked = candidates.filter((c) => accept(c.item)).sort((a, b) => b.score - a.score || a.item - b.item).slice(0, k);
    const taken = new Set(picked.map((c) => c.item));
    const topUp = (c: Candidate): void => {
      if (picked.length < k && !taken.has(c.item) && accept(c.item)) {
        picked.push(c);
        taken.add(c.item);
      }
    };
    if (picked.length < k && history.items.length > 0) this.contentFallback(history, k + excluded.size).forEach(topUp);
    if (picked.length < k) this.popularFallback(picked.length, options.filter, k + excluded.size).forEach(topUp);
    return picked.map((c) => ({ itemId: this.models.index.itemIds[c.item] as string, score: c.score, reason: c.reason }));
  }

  private contentFallback(history: UserHistory, k: number): Candidate[] {
    const decay = history.items.map((_, at) => this.blend.recencyDecay ** (history.items.length - 1 - at));
    const list = this.content.similarTo(history.items, decay, k, this.models.index.itemCount);
    return Array.from(list.ids, (item, r) => ({
      item,
      score: 0,
      reason: { kind: 'similar_content', becauseOf: this.models.index.itemIds[list.causes[r] as number] as string },
    }));
  }

  private popularFallback(have: number, filter: ItemFilter | undefined, k: number): Candidate[] {
    const index = this.models.index;
    const ranked = filter || have + k > 200 ? allByPopularity(index.itemTotals) : this.scorer.popularItems();
    return ranked.slice(0, filter ? ranked.length : k).map((item) => ({ item, score: 0, reason: { kind: 'popular' } }));
  }

  private excludedItems(owned: ReadonlySet<number>, exclude: Iterable<string> | undefined): Set<number> {
    const excluded = new Set(owned);
    for (const id of exclude ?? []) {
      const item = this.models.index.findItem(id);
      if (item !== undefined) excluded.add(item);
    }
    return excluded;
  }

  private passes(item: number, filter: ItemFilter | undefined): boolean {
    return !filter || passesFilter(this.catalog.get(item), filter);
  }

  private addList(into: Map<number, Candidate>, list: ScoredList, weight: number, reason: Reason): void {
    const max = list.scores[0] ?? 0;
    if (max <= 0) return;
    for (let r = 0; r < list.ids.length; r++) {
      const item = list.ids[r] as number;
      const score = (weight * (list.scores[r] as number)) / max;
      const current = into.get(item);
      if (!current) into.set(item, { item, score, reason });
      else into.set(item, { item, score: current.score + score, reason: score > current.score ? reason : current.reason });
    }
  }

  private sessionHistory(itemIds: readonly string[], bought = false): UserHistory {
    const history = emptyHistory();
    for (const id of itemIds) {
      const item = this.models.index.findItem(id);
      if (item === undefined || history.items.includes(item)) continue;
      history.items.push(item);
      history.values.push(Math.LN2);
      history.bought?.push(bought);
    }
    return history;
  }

  private indexCatalog(items: readonly CatalogItem[]): ContentIndex {
    this.catalog.clear();
    const texts = new Map<number, string>();
    for (const entry of items) {
      const item = this.models.index.itemOf(entry.id);
      this.catalog.set(item, entry);
      const text = catalogText(entry);
      if (text) texts.set(item, text);
    }
    return new ContentIndex(texts);
  }
}

function clampK(k: number | undefined): number {
  return Math.max(0, Math.min(MAX_K, Math.floor(k ?? 10)));
}

function emptyHistory(): UserHistory {
  return { items: [], values: [], raw: [], bought: [] };
}

function allByPopularity(totals: readonly number[]): number[] {
  return totals.map((_, item) => item).sort((a, b) => (totals[b] as number) - (totals[a] as number) || a - b);
}
