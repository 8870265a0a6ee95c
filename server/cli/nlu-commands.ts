import * as fs from 'node:fs';
import { z } from 'zod';
import { createBuiltinNlu, evaluateIntents, IntentModel, loadNlu, parseIntentCsv, type IntentEvaluation, type LabelledText, type Nlu } from '../../nlu';
import { CliError, parseOptions, type CliCommand, type CliIo } from './command';

const BAR_WIDTH = 30;

/** A progress bar on stderr: redrawn in place on a terminal, a line per 10% otherwise (logs stay short). */
export function progressBar(io: CliIo, label: string): (fraction: number) => void {
  let lastTenth = -1;
  return (fraction) => {
    const f = Math.max(0, Math.min(1, fraction));
    if (io.isTty) {
      const filled = Math.round(f * BAR_WIDTH);
      io.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(f * 100).toFixed(0).padStart(3)}%${f >= 1 ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(f * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      io.stderr(`${label} ${tenth * 10}%\n`);
    }
  };
}

function readFile(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new CliError(`cannot read ${what} ${file}`);
  }
}

function readExamples(file: string): LabelledText[] {
  let rows: LabelledText[];
  try {
    rows = parseIntentCsv(readFile(file, 'data file'), file);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError((err as Error).message);
  }
  if (rows.length === 0) throw new CliError(`${file} has no rows (expected a header text,intent[,locale] and one row per example)`);
  return rows;
}

function loadModel(dir: string): IntentModel {
  try {
    return IntentModel.load(dir);
  } catch (err) {
    throw new CliError(`cannot load model from ${dir}: ${(err as Error).message.split('\n')[0]}`);
  }
}

const trainCommand: CliCommand = {
  path: ['nlu', 'train'],
  summary: 'Train an intent model from a CSV (text,intent[,locale]); out_of_scope rows teach what to refuse.',
  usage: '--data train.csv --out DIR [--seed N]',
  async run(argv, io) {
    const opts = parseOptions(argv, { data: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } }, z.object({ data: z.string().min(1), out: z.string().min(1), seed: z.coerce.number().int().nonnegative().default(1) }));
    const examples = readExamples(opts.data);
    let model: IntentModel;
    try {
      model = IntentModel.train(examples, { seed: opts.seed, onProgress: progressBar(io, 'training') });
    } catch (err) {
      throw new CliError((err as Error).message);
    }
    model.save(opts.out);
    const c = model.meta.calibration;
    io.stdout(`trained ${model.meta.labels.length} intents on ${examples.length} examples → ${opts.out} (held-out accuracy ${c.accuracy.toFixed(3)}, ECE ${c.ece.toFixed(3)}, out-of-scope threshold ${c.threshold.toFixed(3)})\n`);
  },
};

const predictCommand: CliCommand = {
  path: ['nlu', 'predict'],
  summary: 'Predict intent, confidence and sentiment for each line of a text file (built-in shop model without --model).',
  usage: '[--model DIR] --in texts.txt --out preds.jsonl',
  async run(argv, io) {
    const opts = parseOptions(argv, { model: { type: 'string' }, in: { type: 'string' }, out: { type: 'string' } }, z.object({ model: z.string().min(1).optional(), in: z.string().min(1), out: z.string().min(1) }));
    const texts = readFile(opts.in, 'input file').toString('utf8').split(/\r?\n/u).filter((t) => t.trim().length > 0);
    let nlu: Nlu;
    try {
      nlu = opts.model ? await loadNlu(opts.model) : await createBuiltinNlu();
    } catch (err) {
      throw new CliError(`cannot load model${opts.model ? ` from ${opts.model}` : ''}: ${(err as Error).message.split('\n')[0]}`);
    }
    const lines: string[] = [];
    for (const text of texts) {
      const u = await nlu.understand(text);
      lines.push(JSON.stringify({ text, intent: u.intent, confidence: Number(u.confidence.toFixed(4)), sentiment: { label: u.sentiment.label, score: Number(u.sentiment.score.toFixed(4)) } }));
    }
    fs.writeFileSync(opts.out, lines.length ? `${lines.join('\n')}\n` : '');
    io.stdout(`wrote ${lines.length} predictions to ${opts.out}\n`);
  },
};

const evalCommand: CliCommand = {
  path: ['nlu', 'eval'],
  summary: 'Score a model on labelled test data: accuracy, macro-F1, out-of-scope recall, most confused pairs.',
  usage: '--model DIR --data test.csv',
  async run(argv, io) {
    const opts = parseOptions(argv, { model: { type: 'string' }, data: { type: 'string' } }, z.object({ model: z.string().min(1), data: z.string().min(1) }));
    const model = loadModel(opts.model);
    const examples = readExamples(opts.data);
    io.stdout(`${evaluationReport(evaluateIntents(model, examples), evaluateIntents(model, examples, { ignoreThreshold: true })).join('\n')}\n`);
  },
};

/**
 * The eval printout. With out_of_scope rows in the test data the model is scored as it answers
 * (rejections included); without any, rejecting can only cost, so the headline is the accuracy
 * over intents (as a plain classifier is scored) and the cost of rejection is shown beside it.
 */
function evaluationReport(answered: IntentEvaluation, closed: IntentEvaluation): string[] {
  const hasOos = answered.outOfScopeExamples > 0;
  const headline = hasOos ? answered : closed;
  return [
    `examples            ${answered.examples}${hasOos ? ` (${answered.outOfScopeExamples} out_of_scope)` : ' (no out_of_scope rows: accuracy over intents, rejection off)'}`,
    `accuracy            ${headline.accuracy.toFixed(4)}`,
    `macro-F1            ${headline.macroF1.toFixed(4)}`,
    `in-scope accuracy   ${answered.inScopeAccuracy.toFixed(4)} with out-of-scope rejection, ${closed.inScopeAccuracy.toFixed(4)} without`,
    `out-of-scope recall ${hasOos ? answered.outOfScopeRecall.toFixed(4) : 'n/a (no out_of_scope rows)'}`,
    'most confused (expected → predicted: count):',
    ...(headline.confused.length ? headline.confused.map((p) => `  ${p.expected} → ${p.predicted}: ${p.count}`) : ['  none']),
  ];
}

/** `shopkeep nlu train | predict | eval`. */
export const NLU_COMMANDS: readonly CliCommand[] = [trainCommand, predictCommand, evalCommand];
