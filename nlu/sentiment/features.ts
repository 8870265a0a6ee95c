import { normalizeText, tokenize } from '../text';
import type { SparseVector } from '../intent/vectorizer';
import { INTENSIFIERS, NEGATORS, markNegation, supportPhraseScore } from './rules';

/** Polarity of words, -1..1 (VADER's valence / 4 for English). */
export type Lexicon = Readonly<Record<string, number>>;

/** VADER's damping of a negated word and its normalisation constant. */
const NEGATED_SCALE = -0.74;
const VADER_ALPHA = 15 / 16;

/** Lexicon evidence of one text: the dense features appended to the n-grams. */
export function lexiconFeatures(tokens: readonly string[], lexicon: Lexicon, text: string): number[] {
  let pos = 0;
  let neg = 0;
  let butSeen = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token === 'but' || token === '但是' || token === '可是') butSeen = true;
    let value = lexicon[token];
    if (value === undefined) continue;
    const before = tokens.slice(Math.max(0, i - 3), i);
    if (before.some((w) => NEGATORS.has(w))) value *= NEGATED_SCALE;
    const boost = INTENSIFIERS[tokens[i - 1] ?? ''];
    if (boost) value *= boost;
    // As VADER: what follows "but" dominates the sentence.
    if (butSeen) value *= 1.5;
    if (value > 0) pos += value;
    else neg -= value;
  }
  const sum = pos - neg + supportPhraseScore(text);
  const compound = sum / Math.sqrt(sum * sum + VADER_ALPHA);
  return [compound, pos > 0 ? 1 : 0, neg > 0 ? 1 : 0, Math.tanh(pos), Math.tanh(neg)];
}

/** Number of dense lexicon features. */
export const LEXICON_FEATURES = 5;

/** Grams of one text: negation-marked words and word pairs for English, characters and pairs for Chinese. */
export function sentimentGrams(text: string): { grams: string[]; tokens: string[] } {
  const tokens = tokenize(normalizeText(text));
  const marked = markNegation(tokens);
  const grams = [...marked];
  for (let i = 0; i + 1 < marked.length; i++) grams.push(`${marked[i]} ${marked[i + 1]}`);
  for (let i = 0; i + 2 < tokens.length; i++) if (/^\p{Script=Han}$/u.test(tokens[i] ?? '')) grams.push(`${tokens[i]}${tokens[i + 1]}${tokens[i + 2]}`);
  return { grams, tokens };
}

/** Saved vocabulary of a {@link SentimentFeaturizer}. */
export interface SentimentFeaturizerState {
  vocabulary: string[];
  idf: number[];
}

/** Sparse n-gram TF-IDF (L2) plus the dense lexicon features after the vocabulary. */
export class SentimentFeaturizer {
  private readonly index: Map<string, number>;

  constructor(
    readonly state: SentimentFeaturizerState,
    private readonly lexicon: Lexicon,
  ) {
    this.index = new Map(state.vocabulary.map((g, i) => [g, i]));
  }

  /** Vocabulary plus lexicon features. */
  get size(): number {
    return this.state.vocabulary.length + LEXICON_FEATURES;
  }

  /** Learns the vocabulary (grams in at least `minDf` texts). */
  static fit(texts: readonly string[], lexicon: Lexicon, minDf = 2): SentimentFeaturizer {
    const df = new Map<string, number>();
    for (const text of texts) for (const g of new Set(sentimentGrams(text).grams)) df.set(g, (df.get(g) ?? 0) + 1);
    const vocabulary = [...df].filter(([, n]) => n >= minDf).map(([g]) => g).sort();
    const idf = vocabulary.map((g) => Math.log((1 + texts.length) / (1 + (df.get(g) ?? 0))) + 1);
    return new SentimentFeaturizer({ vocabulary, idf }, lexicon);
  }

  /** Features of one text: the n-grams' weights by index, L2-normalised, then the lexicon's. */
  transform(text: string): SparseVector {
    const { grams, tokens } = sentimentGrams(text);
    const counts = new Map<number, number>();
    for (const g of grams) {
      const i = this.index.get(g);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const found = Int32Array.from(counts.keys()).sort();
    const weights = new Float64Array(found.length);
    let squares = 0;
    for (let j = 0; j < found.length; j++) {
      const i = found[j]!;
      const weight = (1 + Math.log(counts.get(i)!)) * (this.state.idf[i] ?? 1);
      weights[j] = weight;
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares) || 1;
    const dense = lexiconFeatures(tokens, this.lexicon, text);
    const base = this.state.vocabulary.length;
    const indices = new Int32Array(found.length + dense.length);
    const values = new Float32Array(found.length + dense.length);
    indices.set(found);
    for (let j = 0; j < found.length; j++) values[j] = weights[j]! / norm;
    for (let k = 0; k < dense.length; k++) {
      indices[found.length + k] = base + k;
      values[found.length + k] = dense[k]!;
    }
    return { indices, values };
  }
}
