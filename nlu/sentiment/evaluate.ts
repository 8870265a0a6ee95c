import { createRng, shuffled } from '../random';
import type { Lexicon } from './features';
import { NEUTRAL, SentimentModel, type SentimentTrainOptions } from './model';

/** A sentence labelled 1 (positive) or 0 (negative), with the data set it came from. */
export interface LabelledSentence {
  text: string;
  label: number;
  domain: string;
}

/** Accuracy per domain and their mean. */
export interface SentimentFigures {
  protocol: string;
  perDomain: Record<string, number>;
  mean: number;
}

function figures(protocol: string, right: Map<string, number>, total: Map<string, number>): SentimentFigures {
  const perDomain = Object.fromEntries([...total].map(([d, n]) => [d, (right.get(d) ?? 0) / n]));
  const values = Object.values(perDomain);
  return { protocol, perDomain, mean: values.reduce((a, b) => a + b, 0) / Math.max(1, values.length) };
}

/**
 * k-fold cross-validation over the pooled sentences: every sentence is scored by a model
 * trained on the other folds only.
 *
 * @param folds @default 10
 */
export function crossValidateSentiment(sentences: readonly LabelledSentence[], lexicon: Lexicon, folds = 10, options: SentimentTrainOptions & { neutral?: readonly string[] } = {}, seed = 3): SentimentFigures {
  const order = shuffled(sentences.map((_, i) => i), createRng(seed));
  const fold = new Map(order.map((index, rank) => [index, rank % folds]));
  const right = new Map<string, number>();
  const total = new Map<string, number>();
  for (let k = 0; k < folds; k++) {
    const train = sentences.filter((_, i) => fold.get(i) !== k);
    const model = trainWithNeutral(train, options.neutral ?? [], lexicon, options);
    sentences.forEach((s, i) => {
      if (fold.get(i) !== k) return;
      total.set(s.domain, (total.get(s.domain) ?? 0) + 1);
      if ((model.positiveProbability(s.text) >= 0.5 ? 1 : 0) === s.label) right.set(s.domain, (right.get(s.domain) ?? 0) + 1);
    });
  }
  return figures(`${folds}-fold cross-validation over the pooled sets`, right, total);
}

/** Leave-one-domain-out: train on the other data sets, score on the held-out one. */
export function crossDomainSentiment(sentences: readonly LabelledSentence[], lexicon: Lexicon, options: SentimentTrainOptions & { neutral?: readonly string[] } = {}): SentimentFigures {
  const right = new Map<string, number>();
  const total = new Map<string, number>();
  for (const domain of new Set(sentences.map((s) => s.domain))) {
    const train = sentences.filter((s) => s.domain !== domain);
    const model = trainWithNeutral(train, options.neutral ?? [], lexicon, options);
    for (const s of sentences.filter((x) => x.domain === domain)) {
      total.set(domain, (total.get(domain) ?? 0) + 1);
      if ((model.positiveProbability(s.text) >= 0.5 ? 1 : 0) === s.label) right.set(domain, (right.get(domain) ?? 0) + 1);
    }
  }
  return figures('train on the other domains, score on this one', right, total);
}

/**
 * Trains on polar sentences plus neutral messages (which are never scored here: the polar
 * figures stay about polar data the model did not see).
 */
export function trainWithNeutral(polar: readonly LabelledSentence[], neutral: readonly string[], lexicon: Lexicon, options: SentimentTrainOptions = {}): SentimentModel {
  const texts = [...polar.map((s) => s.text), ...neutral];
  const labels = [...polar.map((s) => s.label), ...neutral.map(() => NEUTRAL)];
  return SentimentModel.train(texts, labels, lexicon, options);
}
