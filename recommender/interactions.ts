import type { EventKind, Interaction } from './types';

/** How much each kind of event counts, relative to a view. */
export type EventWeights = Record<EventKind, number>;

/** Default {@link EventWeights}: a purchase says more than a cart, a cart more than a view. */
export const DEFAULT_EVENT_WEIGHTS: EventWeights = Object.freeze({
  view: 1,
  click: 1,
  wishlist: 2,
  cart: 3,
  purchase: 5,
  rating: 1,
});

/** One shopper's distinct items, oldest first, with their damped strengths. */
export interface UserHistory {
  items: number[];
  /** `log1p(sum of event weights)` per item, parallel to `items`. */
  values: number[];
  /** Undamped sum of event weights per item (what a saved model stores). */
  raw?: number[];
  /** Whether the shopper bought (or carted) the item rather than only viewing it. */
  bought?: boolean[];
}

/** Kinds that mean the shopper took the item (plain implicit rows count as taken too). */
const TAKEN: ReadonlySet<EventKind | undefined> = new Set<EventKind | undefined>(['purchase', 'cart', undefined]);

/**
 * Dense integer ids for users and items plus each user's ordered history: the shared input of
 * every model. Mutable so events can be appended without a rebuild.
 */
export class InteractionIndex {
  readonly itemIds: string[] = [];
  readonly userIds: string[] = [];
  readonly histories: UserHistory[] = [];
  /** Sum of per-user strengths per item: the popularity signal. */
  readonly itemTotals: number[] = [];
  /** Bumped by every append, so caches derived from the index know when they are stale. */
  version = 0;
  /** Euclidean norm of each user's strengths (user-based cosine denominator). */
  readonly userNorms: number[] = [];
  private readonly itemIndex = new Map<string, number>();
  private readonly userIndex = new Map<string, number>();

  /** Index of an item, adding it when unknown. */
  itemOf(itemId: string): number {
    let index = this.itemIndex.get(itemId);
    if (index === undefined) {
      index = this.itemIds.length;
      this.itemIds.push(itemId);
      this.itemTotals.push(0);
      this.itemIndex.set(itemId, index);
    }
    return index;
  }

  /** Index of a user, adding an empty history when unknown. */
  userOf(userId: string): number {
    let index = this.userIndex.get(userId);
    if (index === undefined) {
      index = this.userIds.length;
      this.userIds.push(userId);
      this.histories.push({ items: [], values: [], raw: [], bought: [] });
      this.userNorms.push(0);
      this.userIndex.set(userId, index);
    }
    return index;
  }

  findItem(itemId: string): number | undefined {
    return this.itemIndex.get(itemId);
  }

  findUser(userId: string): number | undefined {
    return this.userIndex.get(userId);
  }

  get itemCount(): number {
    return this.itemIds.length;
  }

  get userCount(): number {
    return this.userIds.length;
  }

  /**
   * Records one event at the end of the user's history (re-seen items move to the end) and
   * returns the item's strength before and after, for models that update incrementally.
   */
  append(user: number, item: number, weight: number, kind?: EventKind): { before: number; after: number } {
    this.version++;
    const history = this.histories[user] as UserHistory;
    const raw = (history.raw ??= history.values.map(Math.expm1));
    const bought = (history.bought ??= history.items.map(() => true));
    const at = history.items.lastIndexOf(item);
    const previous = at >= 0 ? (raw[at] as number) : 0;
    const wasBought = at >= 0 && bought[at] === true;
    if (at >= 0) {
      for (const list of [history.items, history.values, raw] as number[][]) list.splice(at, 1);
      bought.splice(at, 1);
    }
    const before = Math.log1p(previous);
    const after = Math.log1p(previous + weight);
    history.items.push(item);
    history.values.push(after);
    raw.push(previous + weight);
    bought.push(wasBought || TAKEN.has(kind));
    this.itemTotals[item] = (this.itemTotals[item] ?? 0) + after - before;
    const norm = this.userNorms[user] as number;
    this.userNorms[user] = Math.sqrt(Math.max(0, norm * norm + after * after - before * before));
    return { before, after };
  }
}

/** Orders events by timestamp where given, keeping input order for ties and missing stamps. */
export function chronological(interactions: readonly Interaction[]): Interaction[] {
  const hasTime = interactions.some((event) => event.timestamp !== undefined);
  if (!hasTime) return interactions.slice();
  return interactions
    .map((event, order) => ({ event, order }))
    .sort((a, b) => (a.event.timestamp ?? 0) - (b.event.timestamp ?? 0) || a.order - b.order)
    .map(({ event }) => event);
}

/** The strength one event adds: its kind's weight times its own weight. */
export function eventWeight(event: Interaction, weights: EventWeights): number {
  const base = event.kind ? weights[event.kind] : 1;
  const own = event.weight ?? 1;
  return base * (Number.isFinite(own) && own > 0 ? own : 1);
}

/** Builds an index from events, in time order. */
export function indexInteractions(interactions: readonly Interaction[], weights: EventWeights): InteractionIndex {
  const index = new InteractionIndex();
  for (const event of chronological(interactions)) {
    index.append(index.userOf(event.userId), index.itemOf(event.itemId), eventWeight(event, weights), event.kind);
  }
  return index;
}
