import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { hasShared, readBanking } from './shared-data';

const HAVE = hasShared('intent', 'banking77', 'train.csv');
const CLI = path.join(__dirname, '..', '..', 'bin', 'shopkeep.js');
const run = promisify(execFile);

/**
 * BANKING77 rows as a shop owner feeds `shopkeep nlu` (CSV `text,intent`); one label of the set
 * ("reverted_card_payment?") has a character intent names may not have, so it is spelled with `_`.
 */
function writeCsv(file: string, rows: { text: string; intent: string }[]): void {
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const label = (s: string): string => s.replace(/[^\w.-]/gu, '_');
  fs.writeFileSync(file, `text,intent\n${rows.map((r) => `${quote(r.text)},${label(r.intent)}`).join('\n')}\n`);
}

// The full set trains in a child process, through the CLI a shop owner uses (`npm test` builds
// it first): in Jest's sandbox the same training runs about twice as slowly.
(HAVE ? it : it.skip)(
  'BANKING77 trained on train, scored on test with `shopkeep nlu train` / `nlu eval`: beats TF-IDF + logistic regression (0.914)',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-banking77-'));
    try {
      writeCsv(path.join(dir, 'train.csv'), readBanking('train.csv'));
      writeCsv(path.join(dir, 'test.csv'), readBanking('test.csv'));
      const model = path.join(dir, 'model');
      await run(process.execPath, [CLI, 'nlu', 'train', '--data', path.join(dir, 'train.csv'), '--out', model, '--seed', '1']);
      const { stdout } = await run(process.execPath, [CLI, 'nlu', 'eval', '--model', model, '--data', path.join(dir, 'test.csv')]);
      // No out_of_scope rows in BANKING77: the headline is closed-set accuracy, as the yardstick is scored.
      expect(stdout).toMatch(/no out_of_scope rows: accuracy over intents/);
      expect(Number(/^accuracy\s+([\d.]+)/m.exec(stdout)?.[1])).toBeGreaterThanOrEqual(0.914);
      const meta = JSON.parse(fs.readFileSync(path.join(model, 'model.json'), 'utf8')) as { examples: number; calibration: { ece: number } };
      expect(meta.examples).toBe(readBanking('train.csv').length);
      expect(meta.calibration.ece).toBeLessThan(0.05);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  420_000,
);
