import { ScoreAccumulator, type ScoredList } from './accumulator';

/** Words too common in product text to say anything about similarity. */
const STOPWORDS: ReadonlySet<string> = new Set(
  'a an and are as at be by for from has in is it its of on or set the this to with x pack pcs piece size'.split(' '),
);

/** Lower-case word tokens of two or more letters/digits (Unicode-aware), minus stopwords. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []).filter((token) => !STOPWORDS.has(token));
}

interface Posting {
  item: number;
  weight: number;
}

/**
 * TF-IDF over catalog text (title, description, category), cosine-normalised, with an inverted
 * index: relates products nobody has interacted with yet to the ones shoppers have.
 */
export class ContentIndex {
  private readonly postings = new Map<string, Posting[]>();
  private readonly vectors = new Map<number, Map<string, number>>();
  private readonly acc = new ScoreAccumulator(16);

  /** @param documents item index → its text (items without text are simply absent). */
  constructor(documents: ReadonlyMap<number, string>) {
    const counts = new Map<number, Map<string, number>>();
    const documentFrequency = new Map<string, number>();
    for (const [item, text] of documents) {
      const tf = new Map<string, number>();
      for (const token of tokenize(text)) tf.set(token, (tf.get(token) ?? 0) + 1);
      counts.set(item, tf);
      for (const token of tf.keys()) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    }
    const n = documents.size;
    for (const [item, tf] of counts) {
      const vector = new Map<string, number>();
      let norm = 0;
      for (const [token, count] of tf) {
        // Smoothed idf as in scikit-learn; sublinear tf so a repeated word does not dominate.
        const weight = (1 + Math.log(count)) * (1 + Math.log((1 + n) / (1 + (documentFrequency.get(token) ?? 0))));
        vector.set(token, weight);
        norm += weight * weight;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [token, weight] of vector) {
        vector.set(token, weight / norm);
        let list = this.postings.get(token);
        if (!list) this.postings.set(token, (list = []));
        list.push({ item, weight: weight / norm });
      }
      this.vectors.set(item, vector);
    }
  }

  get size(): number {
    return this.vectors.size;
  }

  has(item: number): boolean {
    return this.vectors.has(item);
  }

  /**
   * Items whose text is most like the given items' texts (summed with `weights`), best first;
   * each result's `cause` is the source item it resembles most.
   */
  similarTo(items: readonly number[], weights: readonly number[], k: number, itemCount: number): ScoredList & { causes: Int32Array } {
    const acc = this.acc;
    acc.ensure(itemCount);
    items.forEach((source, at) => {
      const vector = this.vectors.get(source);
      if (!vector) return;
      const w = weights[at] ?? 1;
      for (const [token, weight] of vector) {
        for (const posting of this.postings.get(token) ?? []) acc.add(posting.item, w * weight * posting.weight, source);
      }
    });
    const sources = new Set(items);
    const causes = new Map<number, number>(acc.touched.map((item) => [item, acc.cause[item] as number]));
    for (const item of sources) if (acc.scores[item]) acc.scores[item] = -1;
    const top = acc.takeTop(k);
    return { ...top, causes: Int32Array.from(top.ids, (item) => causes.get(item) ?? -1) };
  }
}
