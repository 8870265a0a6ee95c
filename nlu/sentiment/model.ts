import { z } from 'zod';
import { decodeFloats, encodeFloats } from '../intent/codec';
import { softmax, trainSoftmax } from '../intent/softmax';
import type { Sentiment } from '../types';
import { SentimentFeaturizer, type Lexicon } from './features';
import { supportPhraseScore } from './rules';

/** Class indices of the sentiment model. */
export const NEGATIVE = 0;
export const POSITIVE = 1;
export const NEUTRAL = 2;
const CLASSES = 3;

/** Options of {@link SentimentModel.train}. */
export interface SentimentTrainOptions {
  /** @default 1e-4 */
  l2?: number;
  /** @default 15 */
  epochs?: number;
  /** @default 1 */
  seed?: number;
  /** Grams must occur in this many texts, @default 2 */
  minDf?: number;
  /** Keep only the strongest n-grams when saving, @default 40000 */
  maxFeatures?: number;
}

const STATE = z.object({
  version: z.literal(2),
  vocabulary: z.array(z.string()),
  idf: z.array(z.number()),
  weights: z.string(),
  bias: z.array(z.number()).length(CLASSES),
});

/** Saved form of a {@link SentimentModel}. */
export type SentimentModelState = z.infer<typeof STATE>;

/** Scores below this magnitude read as neutral. */
export const NEUTRAL_BAND = 0.25;

/** Maps a -1..1 score to its label. */
export function labelOf(score: number): Sentiment['label'] {
  if (score >= NEUTRAL_BAND) return 'positive';
  if (score <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

/**
 * Three-class logistic regression (negative, positive, neutral) over negation-marked n-grams
 * and lexicon evidence. Review data only has polar sentences, so neutral examples (plain shop
 * questions) are trained alongside; the score is P(positive) − P(negative), which a confident
 * neutral pulls towards 0, plus the support-phrase rules that reviews never teach.
 */
export class SentimentModel {
  private constructor(
    private readonly featurizer: SentimentFeaturizer,
    /** Row-major [feature][class]. */
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
  ) {}

  /** Trains on texts labelled {@link NEGATIVE}, {@link POSITIVE} or {@link NEUTRAL}. */
  static train(texts: readonly string[], labels: readonly number[], lexicon: Lexicon, options: SentimentTrainOptions = {}): SentimentModel {
    const featurizer = SentimentFeaturizer.fit(texts, lexicon, options.minDf ?? 2);
    const xs = texts.map((t) => featurizer.transform(t));
    const model = trainSoftmax(xs, labels, CLASSES, featurizer.size, { l2: options.l2 ?? 1e-4, epochs: options.epochs ?? 15, seed: options.seed ?? 1, learningRate: 0.2 });
    return prune(featurizer, model.weights, model.bias, lexicon, options.maxFeatures ?? 40_000);
  }

  /** Restores a saved model; the lexicon is not part of it (shipped separately). */
  static fromState(raw: unknown, lexicon: Lexicon): SentimentModel {
    const state = STATE.parse(raw);
    const featurizer = new SentimentFeaturizer({ vocabulary: state.vocabulary, idf: state.idf }, lexicon);
    const weights = decodeFloats(state.weights);
    if (weights.length !== featurizer.size * CLASSES) throw new Error('sentiment weights do not match the vocabulary');
    return new SentimentModel(featurizer, weights, Float32Array.from(state.bias));
  }

  /** The state to save. */
  toState(): SentimentModelState {
    return { version: 2, ...this.featurizer.state, weights: encodeFloats(this.weights), bias: [...this.bias] };
  }

  /** Class probabilities [negative, positive, neutral]. */
  probabilities(text: string): Float64Array {
    const x = this.featurizer.transform(text);
    const logits = Float64Array.from(this.bias);
    for (let k = 0; k < x.indices.length; k++) {
      const row = x.indices[k]! * CLASSES;
      const value = x.values[k]!;
      for (let c = 0; c < CLASSES; c++) logits[c] = logits[c]! + value * this.weights[row + c]!;
    }
    return softmax(logits);
  }

  /** P(positive | polar): the binary decision used on positive/negative data sets. */
  positiveProbability(text: string): number {
    const p = this.probabilities(text);
    return p[POSITIVE]! / (p[POSITIVE]! + p[NEGATIVE]! || 1);
  }

  /** Sentiment of one message. */
  analyze(text: string): Sentiment {
    const p = this.probabilities(text);
    const score = Math.max(-1, Math.min(1, p[POSITIVE]! - p[NEGATIVE]! + 0.5 * supportPhraseScore(text)));
    return { label: labelOf(score), score };
  }
}

function prune(featurizer: SentimentFeaturizer, weights: Float32Array, bias: Float32Array, lexicon: Lexicon, maxFeatures: number): SentimentModel {
  const { vocabulary, idf } = featurizer.state;
  const strength = (i: number): number => {
    const w = [weights[i * CLASSES]!, weights[i * CLASSES + 1]!, weights[i * CLASSES + 2]!];
    return Math.max(...w) - Math.min(...w);
  };
  const keep = vocabulary
    .map((_, i) => i)
    .filter((i) => strength(i) > 1e-4)
    .sort((a, b) => strength(b) - strength(a))
    .slice(0, maxFeatures)
    .sort((a, b) => a - b);
  const rows = [...keep, ...Array.from({ length: featurizer.size - vocabulary.length }, (_, k) => vocabulary.length + k)];
  const kept = new Float32Array(rows.length * CLASSES);
  rows.forEach((row, r) => kept.set(weights.subarray(row * CLASSES, row * CLASSES + CLASSES), r * CLASSES));
  const state = { vocabulary: keep.map((i) => vocabulary[i] ?? ''), idf: keep.map((i) => idf[i] ?? 1) };
  return SentimentModel.fromState({ version: 2, ...state, weights: encodeFloats(kept), bias: [...bias] }, lexicon);
}
