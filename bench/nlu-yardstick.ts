import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** scikit-learn TF-IDF (word 1-2 + char_wb 2-5) + logistic regression: the baseline the issue names. */
const SCRIPT = `
import csv, json, sys, time
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline, make_union
def read(p):
    with open(p, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    return [r[0] for r in rows], [r[1] for r in rows]
xtr, ytr = read(sys.argv[1]); xte, yte = read(sys.argv[2])
feats = make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), sublinear_tf=True))
model = make_pipeline(feats, LogisticRegression(max_iter=2000))
t = time.time(); model.fit(xtr, ytr); fit = time.time() - t
acc = sum(int(p == y) for p, y in zip(model.predict(xte), yte)) / len(yte)
print(json.dumps({"accuracy": acc, "fitSeconds": fit}))
`;

const PYTHONS = [process.env.SHOPKEEP_PYTHON ?? 'python3', '/usr/bin/python3'];

/** Result of the scikit-learn yardstick, or why it could not run. */
export type Yardstick = { accuracy: number; fitSeconds: number } | { skipped: string };

function writeRows(file: string, rows: readonly { text: string; intent: string }[]): void {
  const quote = (s: string): string => `"${s.replace(/"/gu, '""')}"`;
  fs.writeFileSync(file, rows.map((r) => `${quote(r.text)},${quote(r.intent)}`).join('\n'));
}

/** Runs the scikit-learn baseline on the same split (python3 with scikit-learn needed; skipped otherwise). */
export function sklearnBaseline(train: readonly { text: string; intent: string }[], test: readonly { text: string; intent: string }[]): Yardstick {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-bench-'));
  try {
    writeRows(path.join(dir, 'train.csv'), train);
    writeRows(path.join(dir, 'test.csv'), test);
    fs.writeFileSync(path.join(dir, 'lr.py'), SCRIPT);
    let why = 'no python3 with scikit-learn';
    // A pyenv or venv python3 may lack scikit-learn while the system one (Debian's python3-sklearn) has it.
    for (const python of PYTHONS) {
      const run = spawnSync(python, [path.join(dir, 'lr.py'), path.join(dir, 'train.csv'), path.join(dir, 'test.csv')], { encoding: 'utf8' });
      if (run.status === 0) return JSON.parse(run.stdout) as { accuracy: number; fitSeconds: number };
      why = (run.stderr || run.error?.message || why).trim().split('\n').pop() ?? why;
    }
    return { skipped: why };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
