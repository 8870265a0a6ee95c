import type { PredictOptions } from './intent/classifier';
import type { IntentPrediction } from './intent/classifier';
import { OUT_OF_SCOPE } from './types';

/** Anything that predicts intents (an {@link IntentModel}). */
export interface IntentPredictor {
  predict(text: string, options?: PredictOptions): IntentPrediction;
}

/** A pair of intents the model mixes up, with how often (true → predicted). */
export interface ConfusedPair {
  expected: string;
  predicted: string;
  count: number;
}

/** What `nlu eval` reports. */
export interface IntentEvaluation {
  examples: number;
  /** Exact-match accuracy over every example (out_of_scope ones included). */
  accuracy: number;
  /** Mean F1 over the intents present in the test data. */
  macroF1: number;
  /** Accuracy on in-scope examples only. */
  inScopeAccuracy: number;
  /** Share of out_of_scope examples predicted out_of_scope (NaN-free: 0 when there are none). */
  outOfScopeRecall: number;
  outOfScopeExamples: number;
  /** Most frequent confusions, most frequent first. */
  confused: ConfusedPair[];
}

/**
 * Scores a model on labelled messages it was not trained on.
 *
 * @param topPairs how many confused pairs to report, @default 10
 */
export function evaluateIntents(model: IntentPredictor, examples: readonly { text: string; intent: string }[], options: PredictOptions & { topPairs?: number } = {}): IntentEvaluation {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const pairs = new Map<string, ConfusedPair>();
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  let right = 0;
  let inScope = 0;
  let inScopeRight = 0;
  let oos = 0;
  let oosRight = 0;
  for (const ex of examples) {
    const predicted = model.predict(ex.text, options).intent;
    const ok = predicted === ex.intent;
    if (ok) right++;
    if (ex.intent === OUT_OF_SCOPE) {
      oos++;
      if (ok) oosRight++;
    } else {
      inScope++;
      if (ok) inScopeRight++;
    }
    if (ok) bump(tp, ex.intent);
    else {
      bump(fp, predicted);
      bump(fn, ex.intent);
      const key = `${ex.intent}\u0000${predicted}`;
      const pair = pairs.get(key) ?? { expected: ex.intent, predicted, count: 0 };
      pair.count++;
      pairs.set(key, pair);
    }
  }
  const intents = [...new Set(examples.map((e) => e.intent))];
  const f1s = intents.map((i) => {
    const t = tp.get(i) ?? 0;
    const denominator = 2 * t + (fp.get(i) ?? 0) + (fn.get(i) ?? 0);
    return denominator ? (2 * t) / denominator : 0;
  });
  return {
    examples: examples.length,
    accuracy: examples.length ? right / examples.length : 0,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    inScopeAccuracy: inScope ? inScopeRight / inScope : 0,
    outOfScopeRecall: oos ? oosRight / oos : 0,
    outOfScopeExamples: oos,
    confused: [...pairs.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)).slice(0, options.topPairs ?? 10),
  };
}
