import { ScoreAccumulator, topK } from './accumulator';
import { foldIn, type AlsModel } from './als';
import type { InteractionIndex, UserHistory } from './interactions';
import type { ItemSimilarity } from './item-similarity';
import type { ItemUsers } from './item-users';
import type { UserSimilarity } from './user-similarity';

/** The collaborative signals the blend mixes. */
export const COMPONENTS = ['cooccurrence', 'sequence', 'userKnn', 'als', 'popularity'] as const;

/** One of {@link COMPONENTS}. */
export type Component = (typeof COMPONENTS)[number];

/** Blend weight per component (0 switches it off) and the history recency decay. */
export interface Blend {
  weights: Record<Component, number>;
  /** Weight of a history item = decay^(items after it): 1 means order does not matter. */
  recencyDecay: number;
}

/** The trained parts one scorer needs. */
export interface ComponentModels {
  index: InteractionIndex;
  itemUsers: ItemUsers;
  cooccurrence: ItemSimilarity;
  sequence: ItemSimilarity;
  users: UserSimilarity;
  als: AlsModel | undefined;
}

const SPARSE = ['cooccurrence', 'sequence', 'userKnn', 'als'] as const;

/** Longest history tail consulted: keeps queries fast for heavy shoppers. */
const MAX_HISTORY = 200;
/** Popular items always among the candidates, so cold and thin histories still get a list. */
const POPULAR_CANDIDATES = 200;

/**
 * Per-component scores for one history, each scaled to a maximum of 1 so blend weights are
 * comparable across components and shoppers. The neighbourhood components and the most popular
 * items form the candidate set; the factor model re-scores those candidates only (a dense pass
 * over the whole catalog would cost more than the 2 ms a query may take). Buffers are reused.
 */
export class ComponentScorer {
  scores!: Record<Component, Float64Array>;
  /** For item-item components: the history item that contributed most to each item. */
  causes!: Record<'cooccurrence' | 'sequence', Int32Array>;
  /** Items with a score from any component in the last {@link score} call. */
  readonly candidates: number[] = [];
  private marked = new Uint8Array(0);
  private readonly acc: ScoreAccumulator;
  private popular: number[] = [];
  private popularVersion = -1;
  private popularityScores = new Float64Array(0);
  private popularityVersion = -1;

  constructor(private readonly models: ComponentModels) {
    this.acc = new ScoreAccumulator(models.index.itemCount);
    this.allocate(models.index.itemCount);
  }

  /**
   * Fills `scores` for the components with non-zero weight in `blend`. Sparse components are
   * valid on `candidates` only (zero elsewhere); popularity is valid everywhere.
   */
  score(history: UserHistory, blend: Blend, self = -1): void {
    if (this.marked.length < this.models.index.itemCount) this.allocate(this.models.index.itemCount);
    this.resetCandidates();
    this.scores.popularity = this.popularity();
    for (const item of this.popularItems()) this.mark(item);
    const keep = Math.min(MAX_HISTORY, effectiveLength(blend.recencyDecay));
    const tail = history.items.length > keep ? sliceHistory(history, history.items.length - keep) : history;
    const decay = tail.items.map((_, at) => blend.recencyDecay ** (tail.items.length - 1 - at));
    for (const component of COMPONENTS) {
      if (component === 'popularity' || blend.weights[component] <= 0 || tail.items.length === 0) continue;
      this.fill(component, tail, decay, self, this.scores[component]);
      normalise(this.scores[component], this.candidates);
    }
  }

  private fill(component: Component, history: UserHistory, decay: number[], self: number, out: Float64Array): void {
    switch (component) {
      case 'cooccurrence':
      case 'sequence':
        this.itemItem(this.models[component], history, decay, this.causes[component]);
        this.drain(out);
        return;
      case 'userKnn':
        this.models.users.scoreInto(history, decay, self, this.acc);
        this.drain(out);
        return;
      case 'als':
        this.factorScores(history, decay, out);
        return;
      case 'popularity':
        return;
      default:
        component satisfies never;
    }
  }

  private itemItem(similarity: ItemSimilarity, history: UserHistory, decay: number[], causes: Int32Array): void {
    const acc = this.acc;
    history.items.forEach((item, at) => {
      const weight = (history.values[at] as number) * (decay[at] as number);
      const row = similarity.row(item);
      for (let r = 0; r < row.ids.length; r++) acc.add(row.ids[r] as number, weight * (row.scores[r] as number), item);
    });
    for (const item of acc.touched) causes[item] = acc.cause[item] as number;
  }

  private factorScores(history: UserHistory, decay: number[], out: Float64Array): void {
    const als = this.models.als;
    if (!als) return;
    const user = foldIn(als, history.items, history.values.map((v, at) => v * (decay[at] as number)));
    const f = als.factors;
    const items = als.itemFactors;
    const known = items.length / f;
    for (const item of this.candidates) {
      if (item >= known) continue;
      let sum = 0;
      const base = item * f;
      for (let d = 0; d < f; d++) sum += (items[base + d] as number) * (user[d] as number);
      out[item] = sum;
    }
  }

  /** The most popular items, best first (cached until the index changes). */
  popularItems(): number[] {
    const index = this.models.index;
    if (isStale(this.popularVersion, index.version)) {
      const totals = index.itemTotals;
      // A linear top-k pass, not a sort: this runs again after every new event.
      this.popular = topK(totals.keys(), (item) => totals[item] as number, POPULAR_CANDIDATES);
      this.popularVersion = index.version;
    }
    return this.popular;
  }

  private drain(out: Float64Array): void {
    for (const item of this.acc.touched) {
      out[item] = this.acc.scores[item] as number;
      this.mark(item);
    }
    this.acc.clear();
  }

  private mark(item: number): void {
    if (this.marked[item]) return;
    this.marked[item] = 1;
    this.candidates.push(item);
  }

  /** Zeroes the sparse components where the last query wrote, then forgets its candidates. */
  private resetCandidates(): void {
    for (const component of SPARSE) {
      const scores = this.scores[component];
      for (const item of this.candidates) scores[item] = 0;
    }
    for (const item of this.candidates) this.marked[item] = 0;
    this.candidates.length = 0;
  }

  /** Popularity scaled to max 1, cached until the index changes. */
  private popularity(): Float64Array {
    const index = this.models.index;
    if (isStale(this.popularityVersion, index.version) || this.popularityScores.length < index.itemCount) {
      const totals = index.itemTotals;
      const max = totals.reduce((m, t) => Math.max(m, t), 1e-12);
      this.popularityScores = new Float64Array(Math.max(16, this.marked.length));
      totals.forEach((total, item) => (this.popularityScores[item] = total / max));
      this.popularityVersion = index.version;
    }
    return this.popularityScores;
  }

  private allocate(n: number): void {
    const size = Math.max(n, 16);
    this.scores = { cooccurrence: new Float64Array(size), sequence: new Float64Array(size), userKnn: new Float64Array(size), als: new Float64Array(size), popularity: new Float64Array(size) };
    this.causes = { cooccurrence: new Int32Array(size), sequence: new Int32Array(size) };
    this.marked = new Uint8Array(size);
    this.candidates.length = 0;
    this.acc.ensure(size);
  }
}

/**
 * Popularity moves slowly: refreshing it after each 1% growth of the event count (every event
 * for a small shop) keeps it exact enough while a busy shop's queries skip an O(items) pass.
 */
function isStale(cachedVersion: number, version: number): boolean {
  return cachedVersion < 0 || version - cachedVersion > cachedVersion * 0.01;
}

/** Items older than this weigh under 0.5% of the newest: skipping them changes no ranking. */
function effectiveLength(decay: number): number {
  return decay >= 1 ? Number.POSITIVE_INFINITY : Math.ceil(Math.log(0.005) / Math.log(decay)) + 1;
}

function sliceHistory(history: UserHistory, from: number): UserHistory {
  return { items: history.items.slice(from), values: history.values.slice(from) };
}

/** Scales the candidates' scores to max 1 and clips negatives (ALS can score below zero). */
function normalise(scores: Float64Array, candidates: readonly number[]): void {
  let max = 0;
  for (const item of candidates) if ((scores[item] as number) > max) max = scores[item] as number;
  const scale = max > 0 ? 1 / max : 0;
  for (const item of candidates) {
    const s = scores[item] as number;
    scores[item] = s > 0 ? s * scale : 0;
  }
}
