import { normalizeText, tokenize } from '../text';
import { stemWord } from './stem';

/** A sparse vector: parallel arrays of feature indices (ascending) and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Options of {@link TfidfVectorizer}. */
export interface VectorizerOptions {
  /** Character n-gram lengths inside each space-separated chunk, @default [2, 5] */
  charRange?: readonly [number, number];
  /** Word n-gram lengths, @default [1, 2] */
  wordRange?: readonly [number, number];
  /** A feature must occur in at least this many training texts (drops typos' one-off n-grams), @default 2 */
  minDf?: number;
}

/** The vectorizer's saved state. */
export interface VectorizerState {
  charRange: [number, number];
  wordRange: [number, number];
  vocabulary: string[];
  idf: number[];
}

/** Calls `visit` with every n-gram of one text, repeats included: word n-grams prefixed `w`, character n-grams prefixed `c`. */
function forEachGram(text: string, charRange: readonly [number, number], wordRange: readonly [number, number], visit: (gram: string) => void): void {
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized);
  for (let n = wordRange[0]; n <= wordRange[1]; n++) {
    for (let i = 0; i + n <= tokens.length; i++) {
      let gram = `w${tokens[i]}`;
      for (let k = 1; k < n; k++) gram += ` ${tokens[i + k]}`;
      visit(gram);
    }
  }
  // Stems (nlp.js's stemmer) and stem pairs: "refunded" and "refunds" share a feature.
  const stems = tokens.map(stemWord);
  for (let i = 0; i < stems.length; i++) {
    visit(`w~${stems[i]}`);
    if (i + 1 < stems.length) visit(`w~${stems[i]} ${stems[i + 1]}`);
  }
  // Character n-grams within padded chunks (scikit-learn's char_wb): robust to typos and
  // inflections, and for Chinese (no spaces) they cover the words a tokenizer would find.
  for (const chunk of normalized.split(' ')) {
    if (!chunk) continue;
    const padded = ` ${chunk} `;
    for (let n = charRange[0]; n <= charRange[1]; n++) {
      for (let i = 0; i + n <= padded.length; i++) visit(`c${padded.slice(i, i + n)}`);
    }
  }
}

/** Counts the n-grams of one text: word n-grams prefixed `w`, character n-grams prefixed `c`. */
export function countGrams(text: string, charRange: readonly [number, number], wordRange: readonly [number, number]): Map<string, number> {
  const counts = new Map<string, number>();
  forEachGram(text, charRange, wordRange, (gram) => counts.set(gram, (counts.get(gram) ?? 0) + 1));
  return counts;
}

/**
 * TF-IDF over word 1-2 grams and character 2-5 grams, sublinear term frequency, each block
 * L2-normalised separately so short and long messages weigh the same.
 */
export class TfidfVectorizer {
  private readonly index = new Map<string, number>();
  /** How often each feature occurs in the text being transformed; all zero between calls. */
  private readonly counts: Uint32Array;
  /** The features of the text being transformed, in the order first found (grows as needed). */
  private found = new Int32Array(256);
  /** 1 where the feature is a word n-gram (prefixed 'w'), 0 for a character n-gram: each block is normalised apart. */
  private readonly isWord: Uint8Array;

  private constructor(private readonly state: VectorizerState) {
    this.isWord = new Uint8Array(state.vocabulary.length);
    this.counts = new Uint32Array(state.vocabulary.length);
    state.vocabulary.forEach((gram, i) => {
      this.index.set(gram, i);
      if (gram.charCodeAt(0) === 119) this.isWord[i] = 1;
    });
  }

  /** Number of features. */
  get size(): number {
    return this.state.vocabulary.length;
  }

  /** Learns the vocabulary and IDF weights from training texts. */
  static fit(texts: readonly string[], options: VectorizerOptions = {}): TfidfVectorizer {
    const charRange: [number, number] = [...(options.charRange ?? [2, 5])] as [number, number];
    const wordRange: [number, number] = [...(options.wordRange ?? [1, 2])] as [number, number];
    const minDf = options.minDf ?? 2;
    const df = new Map<string, number>();
    for (const text of texts) {
      for (const gram of countGrams(text, charRange, wordRange).keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
    }
    const vocabulary = [...df.entries()].filter(([, n]) => n >= minDf).map(([gram]) => gram).sort();
    const n = texts.length;
    const idf = vocabulary.map((gram) => Math.log((1 + n) / (1 + (df.get(gram) ?? 0))) + 1);
    return new TfidfVectorizer({ charRange, wordRange, vocabulary, idf });
  }

  /** Restores a fitted vectorizer. */
  static fromState(state: VectorizerState): TfidfVectorizer {
    return new TfidfVectorizer(state);
  }

  /** The state to save. */
  toState(): VectorizerState {
    return this.state;
  }

  /**
   * Turns one text into its sparse TF-IDF vector. Each n-gram is looked up once, and only the
   * vocabulary's are counted, by feature index in a counter per feature kept between calls (a
   * sparse accumulator): a message has a hundred n-grams or so, and a map per message costs more
   * than the counting.
   */
  transform(text: string): SparseVector {
    const counts = this.counts;
    let found = 0;
    try {
      forEachGram(text, this.state.charRange, this.state.wordRange, (gram) => {
        const i = this.index.get(gram);
        if (i === undefined) return;
        const before = counts[i]!;
        counts[i] = before + 1;
        if (before === 0) {
          if (found === this.found.length) {
            const grown = new Int32Array(this.found.length * 2);
            grown.set(this.found);
            this.found = grown;
          }
          this.found[found++] = i;
        }
      });
      const indices = this.found.slice(0, found).sort();
      const raw = new Float64Array(found);
      let wordNorm = 0;
      let charNorm = 0;
      for (let j = 0; j < found; j++) {
        const i = indices[j]!;
        const value = (1 + Math.log(counts[i]!)) * (this.state.idf[i] ?? 1);
        raw[j] = value;
        if (this.isWord[i] === 1) wordNorm += value * value;
        else charNorm += value * value;
      }
      const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
      const charScale = charNorm > 0 ? 1 / Math.sqrt(charNorm) : 0;
      const values = new Float32Array(found);
      for (let j = 0; j < found; j++) values[j] = raw[j]! * (this.isWord[indices[j]!] === 1 ? wordScale : charScale);
      return { indices, values };
    } finally {
      // Back to zero for the next text, whatever happened to this one.
      for (let j = 0; j < found; j++) counts[this.found[j]!] = 0;
    }
  }
}
