import type { IntentPrediction, PredictOptions } from './intent/classifier';
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

/** Running counts of one evaluation. */
class Tally {
  readonly tp = new Map<string, number>();
  readonly fp = new Map<string, number>();
  readonly fn = new Map<string, number>();
  readonly pairs = new Map<string, ConfusedPair>();
  right = 0;
  inScope = 0;
  inScopeRight = 0;
  oos = 0;
  oosRight = 0;

  add(expected: string, predicted: string): void {
    const ok = predicted === expected;
    if (ok) this.right++;
    if (expected === OUT_OF_SCOPE) {
      this.oos++;
      if (ok) this.oosRight++;
    } else {
      this.inScope++;
      if (ok) this.inScopeRight++;
    }
    if (ok) {
      bump(this.tp, expected);
      return;
    }
    bump(this.fp, predicted);
    bump(this.fn, expected);
    const key = `${expected}\u0000${predicted}`;
    const pair = this.pairs.get(key) ?? { expected, predicted, count: 0 };
    pair.count++;
    this.pairs.set(key, pair);
  }

  f1(intent: string): number {
    const t = this.tp.get(intent) ?? 0;
    const denominator = 2 * t + (this.fp.get(intent) ?? 0) + (this.fn.get(intent) ?? 0);
    return denominator ? (2 * t) / denominator : 0;
  }
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

/**
 * Scores a model on labelled messages it was not trained on.
 *
 * @param options.topPairs how many confused pairs to report, @default 10
 */
export function evaluateIntents(model: IntentPredictor, examples: readonly { text: string; intent: string }[], options: PredictOptions & { topPairs?: number } = {}): IntentEvaluation {
  const tally = new Tally();
  for (const ex of examples) tally.add(ex.intent, model.predict(ex.text, options).intent);
  const f1s = [...new Set(examples.map((e) => e.intent))].map((i) => tally.f1(i));
  return {
    examples: examples.length,
    accuracy: examples.length ? tally.right / examples.length : 0,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    inScopeAccuracy: tally.inScope ? tally.inScopeRight / tally.inScope : 0,
    outOfScopeRecall: tally.oos ? tally.oosRight / tally.oos : 0,
    outOfScopeExamples: tally.oos,
    confused: [...tally.pairs.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)).slice(0, options.topPairs ?? 10),
  };
}
