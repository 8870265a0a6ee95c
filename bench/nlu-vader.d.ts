/** The part of vader-sentiment (untyped JavaScript, a dev dependency) the NLU bench uses as its yardstick. */
declare module 'vader-sentiment' {
  export const SentimentIntensityAnalyzer: {
    polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number };
  };
}
