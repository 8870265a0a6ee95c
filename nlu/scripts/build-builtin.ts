/**
 * Trains the built-in shop model from the shipped corpora (`nlu/corpora/{en,zh}`, every CSV
 * except `*-test.csv`) and writes it to `nlu/models/shop`, with its held-out test figures.
 *
 * Run from the repository root: `npx tsc -p tsconfig.build.json && node dist/nlu/scripts/build-builtin.js`
 */
import * as path from 'node:path';
import { readCorpusFolder } from '../corpus';
import { IntentModel } from '../intent/model';
import { BUILTIN_MODEL_DIR } from '../builtin';

function main(): void {
  const root = process.cwd();
  const isTest = (f: string): boolean => f.endsWith('-test.csv');
  const train = ['en', 'zh'].flatMap((l) => readCorpusFolder(path.join(root, 'nlu', 'corpora', l), (f) => !isTest(f)));
  const test = ['en', 'zh'].flatMap((l) => readCorpusFolder(path.join(root, 'nlu', 'corpora', l), isTest));
  const model = IntentModel.train(train, { onProgress: (f) => process.stderr.write(`\rtraining ${(f * 100).toFixed(0)}%`) });
  process.stderr.write('\n');
  let correct = 0;
  for (const ex of test) if (model.predict(ex.text).intent === ex.intent) correct++;
  model.meta.metrics.testAccuracy = test.length ? correct / test.length : 0;
  model.meta.metrics.testExamples = test.length;
  model.save(path.join(root, BUILTIN_MODEL_DIR));
  process.stdout.write(`${JSON.stringify({ train: train.length, test: test.length, ...model.meta.metrics, ...model.meta.calibration })}\n`);
}

main();
