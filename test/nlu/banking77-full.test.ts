import { evaluateIntents, IntentModel } from '../../nlu';
import { hasShared, readBanking } from './shared-data';

const HAVE = hasShared('intent', 'banking77', 'train.csv');

// The full set: ~18 s of CPU on this 2-core machine; the limit allows for a heavily shared machine.
(HAVE ? it : it.skip)(
  'BANKING77 trained on train, scored on test: beats TF-IDF + logistic regression (0.914)',
  () => {
    const model = IntentModel.train(readBanking('train.csv'), { seed: 1 });
    const report = evaluateIntents(model, readBanking('test.csv'), { ignoreThreshold: true });
    expect(report.accuracy).toBeGreaterThanOrEqual(0.914);
    expect(model.meta.calibration.ece).toBeLessThan(0.05);
  },
  420_000,
);
