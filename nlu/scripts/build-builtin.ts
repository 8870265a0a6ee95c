/**
 * Trains the built-in shop model from the shipped corpora (`nlu/corpora/{en,zh}`, every CSV
 * except `*-test.csv`) and writes it to `nlu/models/shop`, with its held-out test figures.
 *
 * Run from the repository root: `npx tsc -p tsconfig.build.json && node dist/nlu/scripts/build-builtin.js`
 */
import * as path from 'node:path';
import { readShopCorpus } from '../corpus';
import { evaluateIntents } from '../evaluate';
import { IntentModel } from '../intent/model';
import { BUILTIN_MODEL_DIR } from '../builtin';

function main(): void {
  const root = process.cwd();
  const { train, test } = readShopCorpus();
  const model = IntentModel.train(train, { onProgress: (f) => process.stderr.write(`\rtraining ${(f * 100).toFixed(0)}%`) });
  process.stderr.write('\n');
  const report = evaluateIntents(model, test);
  Object.assign(model.meta.metrics, {
    testExamples: report.examples,
    testAccuracy: report.accuracy,
    testMacroF1: report.macroF1,
    testInScopeAccuracy: report.inScopeAccuracy,
    testOutOfScopeRecall: report.outOfScopeRecall,
  });
  model.save(path.join(root, BUILTIN_MODEL_DIR));
  process.stdout.write(`${JSON.stringify({ train: train.length, test: test.length, ...model.meta.metrics, ...model.meta.calibration })}\n`);
}

main();
