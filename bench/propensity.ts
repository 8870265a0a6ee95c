// Purchase likelihood on the UCI Online Shoppers data: our calibrated forest (ml-random-forest on
// the patched ml-cart) against scikit-learn's random forest (500 trees, the data README's
// reference figure), on the same 5 stratified folds, trained alternately fold by fold so both
// see the same machine load. Floors (issue 6): ROC-AUC >= 0.93, Brier <= 0.07, training time
// <= 2 x scikit-learn's, scoring one live session < 1 ms.
// scikit-learn is the yardstick only: python3 with sklearn (Debian: python3-sklearn), or the
// interpreter named by SHOPKEEP_PYTHON. Run: node dist/bench/propensity.js
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createRng,
  parseSessionsCsv,
  probabilityMetrics,
  purchaseProbability,
  stratifiedFolds,
  trainPropensityModel,
  type ProbabilityMetrics,
  type SessionFeatures,
} from '../models';

const FOLDS = 5;
const SEED = 2026;
const SKLEARN_TREES = 500;
const FLOORS = { rocAuc: 0.93, brier: 0.07, timeRatio: 2, scoreMs: 1 };

// Reads the CSV itself and fits on the fold's training rows; prints seconds, AUC, Brier.
const SKLEARN_SCRIPT = `
import csv, json, sys, time
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score, brier_score_loss
path, fold_file, k, trees = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
M = ['Jan','Feb','Mar','Apr','May','June','Jul','Aug','Sep','Oct','Nov','Dec']
V = ['New_Visitor','Other','Returning_Visitor']
rows = list(csv.reader(open(path)))[1:]
X = np.array([[float(v) for v in r[:10]] + [M.index(r[10])] + [float(v) for v in r[11:15]] + [V.index(r[15]), r[16] == 'TRUE'] for r in rows], dtype=float)
y = np.array([r[17] == 'TRUE' for r in rows], dtype=int)
fold = np.array(json.load(open(fold_file)))
t = time.perf_counter()
model = RandomForestClassifier(n_estimators=trees, random_state=0, n_jobs=1).fit(X[fold != k], y[fold != k])
seconds = time.perf_counter() - t
p = model.predict_proba(X[fold == k])[:, 1]
print(json.dumps({'seconds': seconds, 'rocAuc': roc_auc_score(y[fold == k], p), 'brier': brier_score_loss(y[fold == k], p)}))
`;

interface FoldResult { seconds: number; rocAuc: number; brier: number }

function sharedData(): string {
  return process.env.SHOPKEEP_SHARED_DATA ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
}

function findPython(): string | undefined {
  const candidates = [process.env.SHOPKEEP_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => Boolean(c));
  return candidates.find((python) => spawnSync(python, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0);
}

function sklearnFold(python: string, csvPath: string, foldFile: string, k: number): FoldResult {
  const run = spawnSync(python, ['-c', SKLEARN_SCRIPT, csvPath, foldFile, String(k), String(SKLEARN_TREES)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`scikit-learn failed: ${run.stderr.trim().split('\n').pop()}`);
  return JSON.parse(run.stdout) as FoldResult;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

interface Data { sessions: SessionFeatures[]; labels: boolean[]; fold: number[] }
type OursResult = FoldResult & { metrics: ProbabilityMetrics; scoreMs: number };

/** Trains on all folds but k, scores fold k: time, metrics and mean scoring time per session. */
function oursFold(data: Data, k: number): OursResult {
  const { sessions, labels, fold } = data;
  const pick = <T>(items: T[], inFold: boolean): T[] => items.filter((_, i) => (fold[i] === k) === inFold);
  const started = process.hrtime.bigint();
  const model = trainPropensityModel(pick(sessions, false), pick(labels, false), { seed: k + 1 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const test = pick(sessions, true);
  const scoring = process.hrtime.bigint();
  const p = test.map((s) => purchaseProbability(model, s));
  const scoreMs = Number(process.hrtime.bigint() - scoring) / 1e6 / test.length;
  const metrics = probabilityMetrics(p, pick(labels, true));
  return { seconds, rocAuc: metrics.rocAuc, brier: metrics.brier, metrics, scoreMs };
}

function printSummary(ours: OursResult[], theirs: FoldResult[]): void {
  const auc = mean(ours.map((r) => r.rocAuc));
  const brier = mean(ours.map((r) => r.brier));
  const scoreMs = Math.max(...ours.map((r) => r.scoreMs));
  console.log(
    `ours (5-fold mean): ROC-AUC ${auc.toFixed(4)}, PR-AUC ${mean(ours.map((r) => r.metrics.prAuc)).toFixed(4)}, ` +
      `Brier ${brier.toFixed(4)}, best F1 ${mean(ours.map((r) => r.metrics.bestF1.f1)).toFixed(4)}, ` +
      `train ${mean(ours.map((r) => r.seconds)).toFixed(2)} s/fold, score ${(scoreMs * 1000).toFixed(1)} µs/session (slowest fold)`,
  );
  const verdict = (ok: boolean): string => (ok ? 'ok' : 'BELOW FLOOR');
  console.log(`floor ROC-AUC >= ${FLOORS.rocAuc}: ${auc.toFixed(4)} ${verdict(auc >= FLOORS.rocAuc)}`);
  console.log(`floor Brier <= ${FLOORS.brier}: ${brier.toFixed(4)} ${verdict(brier <= FLOORS.brier)}`);
  console.log(`floor scoring < ${FLOORS.scoreMs} ms: ${scoreMs.toFixed(4)} ms ${verdict(scoreMs < FLOORS.scoreMs)}`);
  if (theirs.length !== FOLDS) return;
  const ratio = mean(ours.map((r) => r.seconds)) / mean(theirs.map((r) => r.seconds));
  console.log(
    `scikit-learn (${SKLEARN_TREES} trees, n_jobs=1): ROC-AUC ${mean(theirs.map((r) => r.rocAuc)).toFixed(4)}, ` +
      `Brier ${mean(theirs.map((r) => r.brier)).toFixed(4)}, train ${mean(theirs.map((r) => r.seconds)).toFixed(2)} s/fold`,
  );
  console.log(`ratio training time ours / scikit-learn: ${ratio.toFixed(2)} (floor <= ${FLOORS.timeRatio}) ${verdict(ratio <= FLOORS.timeRatio)}`);
}

function main(): void {
  const csvPath = path.join(sharedData(), 'purchase', 'online_shoppers_intention.csv');
  if (!existsSync(csvPath)) {
    console.log(`skipped: ${csvPath} not found (set SHOPKEEP_SHARED_DATA)`);
    return;
  }
  const { sessions, labels } = parseSessionsCsv(readFileSync(csvPath, 'utf8'), { requireLabel: true });
  const data: Data = { sessions, labels: labels ?? [], fold: stratifiedFolds(labels ?? [], FOLDS, createRng(SEED)) };
  const python = findPython();
  if (!python) console.log('scikit-learn not found (python3 -c "import sklearn" fails): printing our figures only');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'propensity-bench-'));
  const foldFile = path.join(dir, 'folds.json');
  writeFileSync(foldFile, JSON.stringify(data.fold));
  const ours: OursResult[] = [];
  const theirs: FoldResult[] = [];
  try {
    for (let k = 0; k < FOLDS; k++) {
      const yard = python ? sklearnFold(python, csvPath, foldFile, k) : undefined;
      if (yard) theirs.push(yard);
      const r = oursFold(data, k);
      ours.push(r);
      console.log(
        `fold ${k + 1}: ours ${r.seconds.toFixed(2)} s, ROC-AUC ${r.rocAuc.toFixed(4)}, Brier ${r.brier.toFixed(4)}` +
          (yard ? ` | scikit-learn ${yard.seconds.toFixed(2)} s, ROC-AUC ${yard.rocAuc.toFixed(4)}, Brier ${yard.brier.toFixed(4)}` : ''),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printSummary(ours, theirs);
}

main();
