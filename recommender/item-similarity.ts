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

const EMPTY: ScoredList = { ids: new Int32Array(0), scores: new Float32Array(0) };

/**
 * Item-item neighbour lists with shrunk cosine weights. Rows touched by new events are marked
 * dirty and recomputed exactly from the histories on next use, so an event costs O(history)
 * and no full rebuild is needed.
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

  /** Marks the rows an event of `user` on `item` changes (call after the index is updated). */
  touch(user: number, item: number): void {
    this.dirty.add(item);
    for (const other of this.index.histories[user]?.items ?? []) this.dirty.add(other);
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
