import * as fs from 'node:fs';
import { z } from 'zod';
import { builtinModelPath, evaluateIntents, IntentModel, loadNlu, parseIntentCsv, type IntentEvaluation, type IntentPrediction, type IntentPredictor, type LabelledText, type Nlu } from '../../nlu';
import type { LoadedSentenceEncoder } from '../../nlu/encoder';
import { CliError, parseOptions, type CliCommand, type CliIo } from './command';
import { ENCODER_OPTIONS, ENCODER_SCHEMA, ENCODER_USAGE, encoderForModel, encoderForTraining } from './nlu-encoder-options';

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

async function trainModel(examples: LabelledText[], seed: number, encoder: LoadedSentenceEncoder | undefined, io: CliIo): Promise<IntentModel> {
  const options = { seed, onProgress: progressBar(io, encoder ? `training with ${encoder.name}` : 'training') };
  try {
    return encoder ? await IntentModel.trainWithEncoder(examples, encoder, options) : IntentModel.train(examples, options);
  } catch (err) {
    throw new CliError((err as Error).message);
  } finally {
    await encoder?.dispose();
  }
}

const trainCommand: CliCommand = {
  path: ['nlu', 'train'],
  summary: 'Train an intent model from a CSV (text,intent[,locale]); out_of_scope rows teach what to refuse. With --encoder (or NLU_ENCODER), also trains a sentence-encoder head.',
  usage: `--data train.csv --out DIR [--seed N] ${ENCODER_USAGE}`,
  async run(argv, io) {
    const opts = parseOptions(argv, { data: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, ...ENCODER_OPTIONS }, ENCODER_SCHEMA.extend({ data: z.string().min(1), out: z.string().min(1), seed: z.coerce.number().int().nonnegative().default(1) }));
    const examples = readExamples(opts.data);
    const model = await trainModel(examples, opts.seed, await encoderForTraining(opts), io);
    model.save(opts.out);
    const c = model.meta.calibration;
    const encoder = model.meta.encoder ? ` with sentence encoder "${model.meta.encoder.name}"` : '';
    io.stdout(`trained ${model.meta.labels.length} intents on ${examples.length} examples${encoder} → ${opts.out} (held-out accuracy ${c.accuracy.toFixed(3)}, ECE ${c.ece.toFixed(3)}, out-of-scope threshold ${c.threshold.toFixed(3)})\n`);
  },
};

/** The NLU over a model directory (the built-in one without), with the encoder it was trained with. */
async function openNlu(dir: string | undefined, opts: z.infer<typeof ENCODER_SCHEMA>): Promise<{ nlu: Nlu; encoder?: LoadedSentenceEncoder }> {
  const modelDir = dir ?? builtinModelPath();
  const encoder = await encoderForModel(loadModel(modelDir).meta, opts);
  try {
    return { nlu: await loadNlu(modelDir, encoder ? { encoder } : {}), ...(encoder ? { encoder } : {}) };
  } catch (err) {
    await encoder?.dispose();
    throw new CliError(`cannot load model${dir ? ` from ${dir}` : ''}: ${(err as Error).message.split('\n')[0]}`);
  }
}

const predictCommand: CliCommand = {
  path: ['nlu', 'predict'],
  summary: 'Predict intent, confidence and sentiment for each line of a text file (built-in shop model without --model; a model trained with an encoder runs with it).',
  usage: `[--model DIR] --in texts.txt --out preds.jsonl ${ENCODER_USAGE}`,
  async run(argv, io) {
    const opts = parseOptions(argv, { model: { type: 'string' }, in: { type: 'string' }, out: { type: 'string' }, ...ENCODER_OPTIONS }, ENCODER_SCHEMA.extend({ model: z.string().min(1).optional(), in: z.string().min(1), out: z.string().min(1) }));
    const texts = readFile(opts.in, 'input file').toString('utf8').split(/\r?\n/u).filter((t) => t.trim().length > 0);
    const { nlu, encoder } = await openNlu(opts.model, opts);
    const lines: string[] = [];
    try {
      for (const text of texts) {
        const u = await nlu.understand(text);
        lines.push(JSON.stringify({ text, intent: u.intent, confidence: Number(u.confidence.toFixed(4)), sentiment: { label: u.sentiment.label, score: Number(u.sentiment.score.toFixed(4)) } }));
      }
    } finally {
      await encoder?.dispose();
    }
    fs.writeFileSync(opts.out, lines.length ? `${lines.join('\n')}\n` : '');
    io.stdout(`wrote ${lines.length} predictions to ${opts.out}\n`);
  },
};

/** Predictions made ahead with the encoder, served to the (synchronous) evaluation by text. */
async function encodedPredictor(model: IntentModel, encoder: LoadedSentenceEncoder, texts: readonly string[]): Promise<IntentPredictor> {
  const answered = new Map<string, IntentPrediction>();
  const closed = new Map<string, IntentPrediction>();
  for (const text of new Set(texts)) {
    answered.set(text, await model.predictWithEncoder(text, encoder));
    closed.set(text, await model.predictWithEncoder(text, encoder, { ignoreThreshold: true }));
  }
  return { predict: (text, options) => (options?.ignoreThreshold ? closed : answered).get(text) ?? model.predict(text, options) };
}

const evalCommand: CliCommand = {
  path: ['nlu', 'eval'],
  summary: 'Score a model on labelled test data: accuracy, macro-F1, out-of-scope recall, most confused pairs (with its sentence encoder, if trained with one).',
  usage: `--model DIR --data test.csv ${ENCODER_USAGE}`,
  async run(argv, io) {
    const opts = parseOptions(argv, { model: { type: 'string' }, data: { type: 'string' }, ...ENCODER_OPTIONS }, ENCODER_SCHEMA.extend({ model: z.string().min(1), data: z.string().min(1) }));
    const model = loadModel(opts.model);
    const examples = readExamples(opts.data);
    const encoder = await encoderForModel(model.meta, opts);
    let predictor: IntentPredictor = model;
    try {
      if (encoder) predictor = await encodedPredictor(model, encoder, examples.map((e) => e.text));
    } finally {
      await encoder?.dispose();
    }
    if (encoder) io.stdout(`sentence encoder    ${encoder.name}\n`);
    io.stdout(`${evaluationReport(evaluateIntents(predictor, examples), evaluateIntents(predictor, examples, { ignoreThreshold: true })).join('\n')}\n`);
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
