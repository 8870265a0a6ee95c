import fs from 'node:fs';
import { z } from 'zod';
import {
  calibrationTable,
  loadDefaultPropensityModel,
  parsePropensityModel,
  parseSessionsCsv,
  probabilityMetrics,
  purchaseProbability,
  SessionsCsvError,
  trainPropensityModel,
  type PropensityModel,
  type SessionsTable,
} from '../../models';
import { CliError, parseOptions, type CliCommand, type CliIo } from './command';

function readText(file: string, flag: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`${flag}: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function writeText(file: string, text: string, flag: string): void {
  try {
    fs.writeFileSync(file, text);
  } catch (err) {
    throw new CliError(`${flag}: cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function readSessions(file: string, requireLabel: boolean): SessionsTable {
  try {
    return parseSessionsCsv(readText(file, '--data'), { requireLabel });
  } catch (err) {
    if (err instanceof SessionsCsvError) throw new CliError(`--data ${file}: ${err.message}`);
    throw err;
  }
}

function readModel(file: string | undefined): PropensityModel {
  if (file === undefined) return loadDefaultPropensityModel();
  let json: unknown;
  try {
    json = JSON.parse(readText(file, '--model'));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`--model ${file}: not valid JSON`);
  }
  try {
    return parsePropensityModel(json);
  } catch (err) {
    throw new CliError(`--model ${file}: ${(err as Error).message}`);
  }
}

const positiveInt = z.coerce.number().int().positive();

const TRAIN: CliCommand = {
  path: ['propensity', 'train'],
  summary: 'Train the calibrated purchase model on sessions with the Online Shoppers columns (label Revenue).',
  usage: '--data sessions.csv --out model.json [--trees 120] [--seed 1]',
  async run(argv: string[], io: CliIo) {
    const o = parseOptions(
      argv,
      { data: { type: 'string' }, out: { type: 'string' }, trees: { type: 'string' }, seed: { type: 'string' } },
      z.object({ data: z.string().min(1), out: z.string().min(1), trees: positiveInt.optional(), seed: z.coerce.number().int().min(0).optional() }),
    );
    const { sessions, labels } = readSessions(o.data, true);
    io.stderr(`training on ${sessions.length} sessions\n`);
    // on a terminal the progress line redraws in place; in a log every step is a line
    const progress = (message: string): void => io.stderr(io.isTty ? `\r\x1b[K${message}` : `${message}\n`);
    let model: PropensityModel;
    try {
      model = trainPropensityModel(sessions, labels ?? [], { ...(o.trees && { trees: o.trees }), ...(o.seed !== undefined && { seed: o.seed }) }, {
        onProgress: progress,
      });
    } catch (err) {
      throw new CliError(`--data ${o.data}: ${(err as Error).message}`);
    }
    if (io.isTty) io.stderr('\n');
    writeText(o.out, JSON.stringify(model), '--out');
    io.stderr(`wrote ${o.out} (${model.training.seconds.toFixed(1)} s)\n`);
  },
};

const PREDICT: CliCommand = {
  path: ['propensity', 'predict'],
  summary: 'Write one calibrated purchase probability per session (column p_purchase).',
  usage: '--model model.json --data sessions.csv --out preds.csv (without --model: the built-in model)',
  async run(argv: string[], io: CliIo) {
    const o = parseOptions(
      argv,
      { model: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' } },
      z.object({ model: z.string().min(1).optional(), data: z.string().min(1), out: z.string().min(1) }),
    );
    const model = readModel(o.model);
    const { sessions } = readSessions(o.data, false);
    io.stderr(`scoring ${sessions.length} sessions\n`);
    const lines = sessions.map((s) => purchaseProbability(model, s).toFixed(6));
    writeText(o.out, `p_purchase\n${lines.join('\n')}\n`, '--out');
    io.stderr(`wrote ${o.out}\n`);
  },
};

function formatReport(p: number[], y: boolean[]): string {
  const m = probabilityMetrics(p, y);
  const f = m.bestF1;
  const rows = calibrationTable(p, y).map(
    (b) => `  ${b.from.toFixed(1)}-${b.to.toFixed(1)}  ${String(b.rows).padStart(6)}  ${b.meanPredicted.toFixed(3)}      ${b.observedRate.toFixed(3)}`,
  );
  return [
    `sessions ${m.rows}, purchases ${m.positives}`,
    `ROC-AUC ${m.rocAuc.toFixed(4)}`,
    `PR-AUC  ${m.prAuc.toFixed(4)}`,
    `Brier   ${m.brier.toFixed(4)}`,
    `F1      ${f.f1.toFixed(4)} at threshold ${f.threshold.toFixed(3)} (precision ${f.precision.toFixed(3)}, recall ${f.recall.toFixed(3)})`,
    'calibration:',
    '  bin       rows    predicted  observed',
    ...rows,
  ].join('\n');
}

const EVAL: CliCommand = {
  path: ['propensity', 'eval'],
  summary: 'Score labelled sessions: ROC-AUC, PR-AUC, Brier, best F1 and a calibration table.',
  usage: '--model model.json --data sessions.csv (without --model: the built-in model)',
  async run(argv: string[], io: CliIo) {
    const o = parseOptions(
      argv,
      { model: { type: 'string' }, data: { type: 'string' } },
      z.object({ model: z.string().min(1).optional(), data: z.string().min(1) }),
    );
    const model = readModel(o.model);
    const { sessions, labels } = readSessions(o.data, true);
    io.stderr(`scoring ${sessions.length} sessions\n`);
    const p = sessions.map((s) => purchaseProbability(model, s));
    io.stdout(`${formatReport(p, labels ?? [])}\n`);
  },
};

/** `shopkeep propensity train | predict | eval`. */
export const PROPENSITY_COMMANDS: readonly CliCommand[] = [TRAIN, PREDICT, EVAL];
