/** A sparse list of scored items, e.g. an item's neighbours. */
export interface ScoredList {
  ids: Int32Array;
  scores: Float32Array;
  /** Raw co-occurrence behind each score, kept once a row is updated in place. */
  co?: Float32Array;
}

/**
 * A dense score array that remembers which slots it touched, so clearing and reading the
 * non-zero entries costs O(touched) rather than O(items): the core of every sparse model here.
 */
export class ScoreAccumulator {
  scores: Float64Array;
  /** For each touched slot, the source that contributed most (e.g. the history item). */
  cause: Int32Array;
  best: Float64Array;
  readonly touched: number[] = [];

  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.cause = new Int32Array(size);
    this.best = new Float64Array(size);
  }

  /** Grows to hold `size` slots (catalog growth between rebuilds). */
  ensure(size: number): void {
    if (size <= this.scores.length) return;
    const grow = (old: Float64Array): Float64Array => {
      const next = new Float64Array(Math.max(size, old.length * 2));
      next.set(old);
      return next;
    };
    this.scores = grow(this.scores);
    this.best = grow(this.best);
    const cause = new Int32Array(this.scores.length);
    cause.set(this.cause);
    this.cause = cause;
  }

  add(slot: number, value: number, source: number): void {
    if (this.scores[slot] === 0) this.touched.push(slot);
    this.scores[slot] = (this.scores[slot] as number) + value;
    if (value > (this.best[slot] as number)) {
      this.best[slot] = value;
      this.cause[slot] = source;
    }
  }

  /** {@link add} without tracking the strongest source: for building similarity rows. */
  addPlain(slot: number, value: number): void {
    if (this.scores[slot] === 0) this.touched.push(slot);
    this.scores[slot] = (this.scores[slot] as number) + value;
  }

  /** Resets touched slots to zero. */
  clear(): void {
    for (const slot of this.touched) {
      this.scores[slot] = 0;
      this.best[slot] = 0;
    }
    this.touched.length = 0;
  }

  /** The `k` best touched slots other than `skip`, best first, then clears. */
  takeTop(k: number, skip = -1): ScoredList {
    const scores = this.scores;
    const score = (slot: number): number => (slot === skip ? 0 : (scores[slot] as number));
    let picked: number[];
    if (k * 8 < this.touched.length) {
      picked = topK(this.touched, score, k);
    } else {
      picked = this.touched.filter((slot) => score(slot) > 0);
      picked.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
      picked.length = Math.min(k, picked.length);
    }
    const list: ScoredList = { ids: Int32Array.from(picked), scores: Float32Array.from(picked, (slot) => scores[slot] as number) };
    this.clear();
    return list;
  }
}

/**
 * The `k` items with the highest positive `score`, best first (ties: lower index first), by
 * insertion into a short sorted list: O(n) for the usual small k, no sort of all candidates.
 */
export function topK(items: Iterable<number>, score: (item: number) => number, k: number): number[] {
  const top: number[] = [];
  const values: number[] = [];
  for (const item of items) {
    const s = score(item);
    if (s <= 0 || (top.length === k && s <= (values[k - 1] as number))) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && ((values[at - 1] as number) < s || ((values[at - 1] as number) === s && (top[at - 1] as number) > item))) {
      top[at] = top[at - 1] as number;
      values[at] = values[at - 1] as number;
      at--;
    }
    top[at] = item;
    values[at] = s;
  }
  return top;
}
