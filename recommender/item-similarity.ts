import { ScoreAccumulator, type ScoredList } from './accumulator';
import type { InteractionIndex } from './interactions';
import type { ItemUsers } from './item-users';

/**
 * How two items are related: bought/viewed by the same shoppers (`cooccurrence`, symmetric),
 * or the second followed the first in shoppers' histories (`sequence`, directed).
 */
export type SimilarityMode = 'cooccurrence' | 'sequence';

/** Options of an {@link ItemSimilarity}. */
export interface ItemSimilarityOptions {
  mode: SimilarityMode;
  /** Neighbours kept per item; pruning weak ones both speeds queries and removes noise. @default 100 */
  neighbours?: number;
  /** Added to the cosine denominator so pairs seen by few shoppers count less. @default 10 */
  shrink?: number;
  /** Treat every strength as 1 (the plain cosine yardstick). @default false */
  binary?: boolean;
  /** `sequence` only: how many later items of a history follow an item. @default 3 */
  window?: number;
}

/** Rows of items with at most this many shoppers are recomputed exactly after an event. */
const EXACT_ROW_USERS = 50;

const EMPTY: ScoredList = { ids: new Int32Array(0), scores: new Float32Array(0) };

/**
 * Item-item neighbour lists with shrunk cosine weights, kept up to date event by event by
 * {@link ItemSimilarity.record} (no full rebuild per event).
 */
export class ItemSimilarity {
  private lists: ScoredList[] = [];
  private readonly dirty = new Set<number>();
  private readonly acc: ScoreAccumulator;
  private readonly neighbours: number;
  private readonly shrink: number;
  private readonly window: number;

  constructor(
    private readonly index: InteractionIndex,
    private readonly itemUsers: ItemUsers,
    readonly options: ItemSimilarityOptions,
  ) {
    this.neighbours = options.neighbours ?? 100;
    this.shrink = options.shrink ?? 10;
    this.window = options.window ?? 3;
    this.acc = new ScoreAccumulator(index.itemCount);
  }

  /** Computes every row; `onProgress` gets the fraction done. */
  buildAll(onProgress?: (done: number) => void): void {
    const n = this.index.itemCount;
    this.lists = new Array<ScoredList>(n);
    for (let item = 0; item < n; item++) {
      this.lists[item] = this.computeRow(item);
      if (onProgress && item % 2000 === 0) onProgress(item / n);
    }
    this.dirty.clear();
  }

  /** Replaces the rows with saved ones (see `serialize.ts`). */
  load(lists: ScoredList[]): void {
    this.lists = lists;
    this.dirty.clear();
  }

  /** Saved rows, recomputing dirty ones first. */
  rows(): ScoredList[] {
    for (let item = 0; item < this.index.itemCount; item++) this.row(item);
    return this.lists;
  }

  /** The neighbours of `item`, best first. */
  row(item: number): ScoredList {
    if (this.dirty.has(item) || item >= this.lists.length) {
      this.lists[item] = this.computeRow(item);
      this.dirty.delete(item);
    }
    return this.lists[item] ?? EMPTY;
  }

  /**
   * Applies one event of `user` on `item` (call after the index and `ItemUsers` are updated;
   * `before`/`after` are the item's strengths for the user). Rows of items with few shoppers
   * are recomputed exactly on next use; rows of busy items get the new co-occurrence added in
   * place, which costs O(history) instead of a scan of thousands of shoppers. The in-place
   * update leaves other pairs' norms as they were: the periodic full rebuild settles that.
   */
  record(user: number, item: number, before: number, after: number): void {
    const history = this.index.histories[user];
    if (!history) return;
    const n = history.items.length;
    if (this.options.mode === 'sequence') {
      for (let gap = 1; gap <= this.window && n - 1 - gap >= 0; gap++) this.link(history.items[n - 1 - gap] as number, item, 1 / gap);
      this.dirtyIfSmall(item);
      return;
    }
    for (let at = 0; at < n - 1; at++) {
      const other = history.items[at] as number;
      const delta = this.options.binary ? (before === 0 ? 1 : 0) : (history.values[at] as number) * (after - before);
      if (delta === 0) continue;
      this.link(other, item, delta);
      this.link(item, other, delta);
    }
  }

  /**
   * Adds `co` to the co-occurrence behind `from` → `to` and re-derives that similarity with
   * today's norms (so it does not carry the norms of the first event that created it).
   */
  private link(from: number, to: number, co: number): void {
    if (this.dirtyIfSmall(from)) return;
    const row = this.withCo(this.lists[from] as ScoredList, from);
    let { ids, scores, co: raw } = row as Required<ScoredList>;
    let at = ids.indexOf(to);
    const score = (value: number): number => value / (Math.sqrt(this.norm(from) * this.norm(to)) + this.shrink);
    if (at < 0) {
      // A pair outside the kept neighbours starts from what is known of it: this event.
      if (ids.length >= this.neighbours && score(co) <= (scores[ids.length - 1] ?? 0)) return;
      if (ids.length < this.neighbours) {
        ids = Int32Array.from([...ids, to]);
        scores = Float32Array.from([...scores, 0]);
        raw = Float32Array.from([...raw, 0]);
      }
      at = ids.length - 1;
      ids[at] = to;
      raw[at] = 0;
    }
    raw[at] = (raw[at] as number) + co;
    scores[at] = score(raw[at] as number);
    this.lists[from] = { ids, scores, co: raw };
    this.bubbleUp(this.lists[from] as Required<ScoredList>, at);
  }

  private withCo(row: ScoredList, from: number): ScoredList {
    if (row.co) return row;
    const co = Float32Array.from(row.ids, (to, r) => (row.scores[r] as number) * (Math.sqrt(this.norm(from) * this.norm(to)) + this.shrink));
    return { ids: row.ids, scores: row.scores, co };
  }

  /** One entry grew: move it up to its place. */
  private bubbleUp(row: Required<ScoredList>, from: number): void {
    const { ids, scores, co } = row;
    for (let at = from; at > 0 && (scores[at - 1] as number) < (scores[at] as number); at--) {
      for (const list of [ids, scores, co]) [list[at - 1], list[at]] = [list[at] as number, list[at - 1] as number];
    }
  }

  /** Marks a row for exact recomputation when that is cheap (or the row does not exist yet). */
  private dirtyIfSmall(item: number): boolean {
    if (item >= this.lists.length || !this.lists[item] || this.dirty.has(item) || this.itemUsers.usersOf(item).length <= EXACT_ROW_USERS) {
      this.dirty.add(item);
      return true;
    }
    return false;
  }

  private computeRow(item: number): ScoredList {
    const acc = this.acc;
    acc.ensure(this.index.itemCount);
    if (this.options.mode === 'sequence') this.accumulateSequence(item);
    else this.accumulateCooccurrence(item);
    const ownNorm = this.norm(item);
    for (const other of acc.touched) {
      const denominator = Math.sqrt(ownNorm * this.norm(other)) + this.shrink;
      acc.scores[other] = (acc.scores[other] as number) / denominator;
    }
    return acc.takeTop(this.neighbours, item);
  }

  private norm(item: number): number {
    return this.options.binary ? this.itemUsers.usersOf(item).length : (this.itemUsers.norms[item] ?? 0);
  }

  private accumulateCooccurrence(item: number): void {
    const binary = this.options.binary === true;
    const users = this.itemUsers.usersOf(item);
    const strengths = this.itemUsers.valuesOf(item);
    for (let u = 0; u < users.length; u++) {
      const history = this.index.histories[users[u] as number];
      if (!history) continue;
      const own = binary ? 1 : (strengths[u] as number);
      for (let at = 0; at < history.items.length; at++) {
        this.acc.addPlain(history.items[at] as number, binary ? 1 : own * (history.values[at] as number));
      }
    }
  }

  private accumulateSequence(item: number): void {
    for (const user of this.itemUsers.usersOf(item)) {
      const history = this.index.histories[user];
      if (!history) continue;
      const start = history.items.indexOf(item);
      const end = Math.min(history.items.length, start + 1 + this.window);
      for (let at = start + 1; at < end; at++) {
        // Nearer successors say more about what comes next.
        this.acc.addPlain(history.items[at] as number, 1 / (at - start));
      }
    }
  }
}
