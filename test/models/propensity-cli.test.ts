import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng, FEATURE_COLUMNS, MONTHS } from '../../models';
import type { CliIo } from '../../server/cli/command';
import { main } from '../../server/cli';

interface Captured extends CliIo {
  out: string;
  err: string;
}

function capture(): Captured {
  const io: Captured = {
    out: '',
    err: '',
    isTty: false,
    stdout: (text) => {
      io.out += text;
    },
    stderr: (text) => {
      io.err += text;
    },
  };
  return io;
}

/** Sessions with the data set's columns; buyers look at valuable pages, as in the real data. */
function sessionsCsv(n: number, seed: number, edit?: (row: string[], i: number) => void): string {
  const rng = createRng(seed);
  const lines = [[...FEATURE_COLUMNS, 'Revenue'].join(',')];
  for (let i = 0; i < n; i++) {
    const buys = rng() < 0.2;
    const pageValue = buys ? 10 + rng() * 40 : rng() < 0.8 ? 0 : rng() * 20;
    const products = Math.floor(rng() * 30) + (buys ? 10 : 1);
    const row = [
      String(Math.floor(rng() * 4)), (rng() * 100).toFixed(1), '0', '0',
      String(products), (products * (20 + rng() * 40)).toFixed(1),
      (rng() * 0.05).toFixed(4), (rng() * 0.08).toFixed(4), pageValue.toFixed(2), '0',
      MONTHS[Math.floor(rng() * 12)] as string, '2', '2', '1', '2',
      rng() < 0.85 ? 'Returning_Visitor' : 'New_Visitor', rng() < 0.25 ? 'TRUE' : 'FALSE', buys ? 'TRUE' : 'FALSE',
    ];
    edit?.(row, i);
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('shopkeep propensity', () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'propensity-cli-'));
    fs.writeFileSync(file('train.csv'), sessionsCsv(900, 1));
    fs.writeFileSync(file('test.csv'), sessionsCsv(300, 2));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('trains, predicts one calibrated probability per row, and evaluates', async () => {
    const train = capture();
    expect(await main(['propensity', 'train', '--data', file('train.csv'), '--out', file('model.json'), '--trees', '6'], train)).toBe(0);
    expect(train.err).toMatch(/fold 3\/3: 2 trees/);
    expect(train.err).toMatch(/wrote .*model\.json/);

    const predict = capture();
    expect(await main(['propensity', 'predict', '--model', file('model.json'), '--data', file('test.csv'), '--out', file('preds.csv')], predict)).toBe(0);
    const lines = fs.readFileSync(file('preds.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('p_purchase');
    expect(lines).toHaveLength(301);
    for (const line of lines.slice(1)) {
      const p = Number(line);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }

    const evaluate = capture();
    expect(await main(['propensity', 'eval', '--model', file('model.json'), '--data', file('test.csv')], evaluate)).toBe(0);
    const auc = Number(/ROC-AUC (\S+)/.exec(evaluate.out)?.[1]);
    expect(auc).toBeGreaterThan(0.85);
    expect(evaluate.out).toMatch(/Brier +0\.\d+/);
    expect(evaluate.out).toMatch(/F1 .* at threshold/);
    expect(evaluate.out).toMatch(/calibration:\n.*predicted +observed/);
  });

  it('predicts with the built-in model when --model is left out', async () => {
    const io = capture();
    expect(await main(['propensity', 'predict', '--data', file('test.csv'), '--out', file('builtin.csv')], io)).toBe(0);
    expect(fs.readFileSync(file('builtin.csv'), 'utf8').split('\n')).toHaveLength(302);
  });

  it.each([
    ['an unknown month', (row: string[], i: number) => i === 4 && (row[10] = 'Smarch'), /line 6, column Month: unknown value "Smarch"/],
    ['an unknown visitor type', (row: string[], i: number) => i === 0 && (row[15] = 'Robot'), /line 2, column VisitorType: unknown value "Robot"/],
    ['a negative count', (row: string[], i: number) => i === 1 && (row[0] = '-2'), /line 3, column Administrative/],
  ])('fails with one line naming row and column on %s', async (_, edit, message) => {
    fs.writeFileSync(file('bad.csv'), sessionsCsv(10, 3, edit));
    const io = capture();
    expect(await main(['propensity', 'train', '--data', file('bad.csv'), '--out', file('never.json')], io)).toBe(1);
    expect(io.err).toMatch(message);
    expect(io.err.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(file('never.json'))).toBe(false);
  });

  it('fails with one line on bad arguments and files', async () => {
    const missing = capture();
    expect(await main(['propensity', 'predict', '--model', file('nope.json'), '--data', file('test.csv'), '--out', file('x.csv')], missing)).toBe(1);
    expect(missing.err).toMatch(/^shopkeep propensity predict: --model: cannot read .*nope\.json: ENOENT\n$/);

    fs.writeFileSync(file('notmodel.json'), '{"format":"x"}');
    const notModel = capture();
    expect(await main(['propensity', 'eval', '--model', file('notmodel.json'), '--data', file('test.csv')], notModel)).toBe(1);
    expect(notModel.err).toMatch(/not a propensity model/);

    const usage = capture();
    expect(await main(['propensity', 'train', '--data', file('train.csv')], usage)).toBe(2);
    expect(usage.err).toMatch(/--out/);

    const withoutLabel = sessionsCsv(5, 4)
      .split('\n')
      .map((line) => line.split(',').slice(0, FEATURE_COLUMNS.length).join(','));
    fs.writeFileSync(file('nolabel.csv'), withoutLabel.join('\n'));
    const noLabel = capture();
    expect(await main(['propensity', 'eval', '--data', file('nolabel.csv')], noLabel)).toBe(1);
    expect(noLabel.err).toMatch(/missing label column Revenue/);
  });
});
