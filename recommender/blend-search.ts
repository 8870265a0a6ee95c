import { topK } from './accumulator';
import { COMPONENTS, ComponentScorer, type Blend, type Component, type ComponentModels } from './components';
import type { Random } from './random';
import { shuffled } from './random';

/** Options of the validation search that picks blend weights and recency decay. */
export interface BlendSearchOptions {
  /** Validation users sampled (more is steadier, slower). @default 1500 */
  sampleUsers?: number;
  /** Top items per component kept as the candidate pool of each validation user. @default 50 */
  poolPerComponent?: number;
  /** Recency decays tried. @default [1, 0.7, 0.4] */
  decays?: readonly number[];
  /** Components the search may use (others stay at weight 0). @default all */
  components?: readonly Component[];
}

/** What the search found, with the validation NDCG@10 behind it. */
export interface BlendChoice {
  blend: Blend;
  validationNdcg: number;
}

/** One validation user's candidates: component scores of the held-out item and of the pool. */
interface Case {
  target: Float64Array | undefined;
  /** Row-major `pool items × components`. */
  pool: Float64Array;
}

const MULTIPLIERS = [0, 0.25, 0.5, 2, 4] as const;
const CUT = 10;

function collectCases(models: ComponentModels, targets: ReadonlyMap<number, number>, users: number[], decay: number, active: readonly Component[], poolSize: number): Case[] {
  const scorer = new ComponentScorer(models);
  const probe: Blend = { weights: weightsOf(active, 1), recencyDecay: decay };
  const cases: Case[] = [];
  for (const user of users) {
    const history = models.index.histories[user];
    const target = targets.get(user);
    if (!history || target === undefined) continue;
    scorer.score(history, probe, user);
    const owned = new Set(history.items);
    const pool = new Set<number>();
    for (const component of active) {
      const scores = scorer.scores[component];
      for (const item of topK(scorer.candidates, (i) => (owned.has(i) ? 0 : (scores[i] as number)), poolSize)) pool.add(item);
    }
    pool.delete(target);
    const targetRow = target < models.index.itemCount ? Float64Array.from(active, (c) => scorer.scores[c][target] ?? 0) : undefined;
    // A target no component scores can never be ranked by any blend: a fixed miss.
    if (!targetRow || !targetRow.some((s) => s > 0)) {
      cases.push({ target: undefined, pool: new Float64Array(0) });
      continue;
    }
    const rows = new Float64Array(pool.size * active.length);
    let at = 0;
    for (const item of pool) for (const c of active) rows[at++] = scorer.scores[c][item] ?? 0;
    cases.push({ target: targetRow, pool: rows });
  }
  return cases;
}

function meanNdcg(cases: readonly Case[], w: readonly number[]): number {
  const width = w.length;
  let total = 0;
  for (const c of cases) {
    if (!c.target) continue;
    let t = 0;
    for (let j = 0; j < width; j++) t += (c.target[j] as number) * (w[j] as number);
    if (t <= 0) continue;
    let greater = 0;
    let ties = 0;
    for (let base = 0; base < c.pool.length && greater < CUT; base += width) {
      let s = 0;
      for (let j = 0; j < width; j++) s += (c.pool[base + j] as number) * (w[j] as number);
      if (s > t) greater++;
      else if (s === t) ties++;
    }
    for (let rank = greater; rank <= greater + ties && rank < CUT; rank++) total += 1 / Math.log2(rank + 2) / (ties + 1);
  }
  return total / Math.max(1, cases.length);
}

/** Coordinate ascent over multiplicative steps, starting from equal weights. */
function ascend(cases: readonly Case[], size: number): { w: number[]; ndcg: number } {
  let w = new Array<number>(size).fill(1);
  let best = meanNdcg(cases, w);
  for (let round = 0; round < 3; round++) {
    let improved = false;
    for (let c = 0; c < size; c++) {
      for (const m of MULTIPLIERS) {
        const trial = w.slice();
        trial[c] = m === 0 ? 0 : Math.max(w[c] as number, 0.05) * m;
        const score = meanNdcg(cases, trial);
        if (score > best + 1e-9) {
          best = score;
          w = trial;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return { w, ndcg: best };
}

function weightsOf(active: readonly Component[], value: number | readonly number[]): Record<Component, number> {
  const weights = Object.fromEntries(COMPONENTS.map((c) => [c, 0])) as Record<Component, number>;
  active.forEach((c, i) => (weights[c] = typeof value === 'number' ? value : (value[i] as number)));
  return weights;
}

/**
 * Picks recency decay and blend weights that maximise NDCG@10 of each validation user's
 * held-out item. `models` must be trained without those items: the caller holds out each
 * user's last training item, so the test fold is never seen.
 */
export function searchBlend(models: ComponentModels, targets: ReadonlyMap<number, number>, random: Random, options: BlendSearchOptions = {}): BlendChoice {
  const active = (options.components ?? COMPONENTS).filter((c) => c !== 'als' || models.als);
  const users = shuffled([...targets.keys()], random).slice(0, options.sampleUsers ?? 1500);
  let choice: BlendChoice = { blend: { weights: weightsOf(active, 1), recencyDecay: 1 }, validationNdcg: -1 };
  for (const decay of options.decays ?? [1, 0.7, 0.4]) {
    const cases = collectCases(models, targets, users, decay, active, options.poolPerComponent ?? 50);
    const found = ascend(cases, active.length);
    if (found.ndcg > choice.validationNdcg) {
      const sum = found.w.reduce((a, b) => a + b, 0) || 1;
      choice = { blend: { weights: weightsOf(active, found.w.map((x) => x / sum)), recencyDecay: decay }, validationNdcg: found.ndcg };
    }
  }
  return choice;
}
