import type { Sentiment, SentimentLabel } from '../types';
import { ruleScore } from './lexicon';

/** Scores below this magnitude read as neutral: plain questions score near zero. */
export const NEUTRAL_BAND = 0.2;

/** Maps a -1..1 score to its label. */
export function labelOf(score: number): SentimentLabel {
  if (score >= NEUTRAL_BAND) return 'positive';
  if (score <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

/** A sentiment scorer: one message in, polarity out. */
export interface SentimentAnalyzer {
  analyze(text: string): Sentiment;
}

/** The rule scorer on its own (lexicon, negation, intensifiers, support phrases). */
export function createRuleSentiment(): SentimentAnalyzer {
  return {
    analyze(text) {
      const score = ruleScore(text);
      return { label: labelOf(score), score };
    },
  };
}
