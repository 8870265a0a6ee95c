/**
 * What the optional sentence encoder buys the intent engine. The engine's `trainWithEncoder`
 * trains its encoder-free model (the yardstick) and the model with embeddings appended to its
 * n-gram features on the same data; both are scored on the same held-out messages:
 * - BANKING77 10-per-intent and full training set → test: closed-set accuracy;
 * - BANKING77 with a quarter of its intents unseen in training: out-of-scope recall and the
 *   in-scope accuracy the learned threshold costs;
 * - the shipped shop corpus (en + zh) → its held-out test files, out-of-scope sets included;
 * - one message at a time, uncached: prediction latency with the encoder against without.
 *
 * Run: `NLU_ENCODER=<model> [NLU_MODELS_DIR=./var/models] node dist/bench/nlu-encoder.js`; prints
 * "skipped" and exits 0 when no encoder is configured or it cannot be loaded.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { evaluateIntents, IntentModel, readShopCorpus, type IntentExample, type IntentPrediction, type IntentPredictor } from '../nlu';
import { DEFAULT_ENCODER_MODELS_DIR, ENCODER_DTYPES, loadOptionalSentenceEncoder, type LoadedSentenceEncoder } from '../nlu/encoder';
import { readBanking, sharedDataDir } from './nlu-data';

// The server's variables (server/config.ts), read the same way.
const ENV = z.object({
  NLU_ENCODER: z.string().trim().default(''),
  NLU_MODELS_DIR: z.string().trim().min(1).default(DEFAULT_ENCODER_MODELS_DIR),
  NLU_ALLOW_REMOTE: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
  NLU_ENCODER_DTYPE: z.enum(ENCODER_DTYPES).default('fp32'),
});
const SEED = 77;
// Share of BANKING77 intents hidden from training and presented as out-of-scope messages.
const UNSEEN_INTENT_SHARE = 0.25;
// Every message of the bench stays embedded, so scoring costs no second model run.
const CACHE_SIZE = 50_000;
const LATENCY_MESSAGES = 300;
// Printed whenever the bench cannot run: the gain can only be measured where the weights are.
const HOW_TO_MEASURE = [
  'to measure the encoder, on a machine with internet (or with the model folder copied into NLU_MODELS_DIR):',
  '  npx shopkeep nlu encoder --model Xenova/all-MiniLM-L6-v2 --models-dir ./var/models --allow-remote',
  '  NLU_ENCODER=Xenova/all-MiniLM-L6-v2 NLU_MODELS_DIR=./var/models node dist/bench/nlu-encoder.js',
  '(Xenova/paraphrase-multilingual-MiniLM-L12-v2 covers the Chinese half of the shop corpus too)',
].join('\n');

const line = (label: string, value: string): void => {
  process.stdout.write(`${label.padEnd(52)} ${value}\n`);
};
const fixed = (x: number): string => x.toFixed(4);

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The encoder model's predictions, computed once (async) and served to the synchronous evaluator. */
async function encoderPredictor(model: IntentModel, encoder: LoadedSentenceEncoder, texts: readonly string[]): Promise<IntentPredictor> {
  const unique = [...new Set(texts)];
  await encoder.encode(unique);
  const predict = async (ignoreThreshold: boolean): Promise<Map<string, IntentPrediction>> =>
    new Map(await Promise.all(unique.map(async (text) => [text, await model.predictWithEncoder(text, encoder, { ignoreThreshold })] as const)));
  const [thresholded, closedSet] = [await predict(false), await predict(true)];
  return { predict: (text, options) => (options?.ignoreThreshold ? closedSet : thresholded).get(text)! };
}

interface TrainedPair {
  /** Holds both models: `predict` is the encoder-free one, `predictWithEncoder` the other. */
  model: IntentModel;
  free: IntentPredictor;
  encoded: IntentPredictor;
  seconds: number;
}

async function trainBoth(train: readonly IntentExample[], test: readonly IntentExample[], encoder: LoadedSentenceEncoder): Promise<TrainedPair> {
  const started = process.hrtime.bigint();
  const model = await IntentModel.trainWithEncoder(train, encoder, { seed: SEED });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { model, free: model, encoded: await encoderPredictor(model, encoder, test.map((e) => e.text)), seconds };
}

async function closedSetAccuracy(title: string, train: readonly IntentExample[], test: readonly IntentExample[], encoder: LoadedSentenceEncoder): Promise<void> {
  const { free, encoded, seconds } = await trainBoth(train, test, encoder);
  const [without, withEncoder] = [free, encoded].map((p) => evaluateIntents(p, test, { ignoreThreshold: true })) as [ReturnType<typeof evaluateIntents>, ReturnType<typeof evaluateIntents>];
  line(`${title}: ${train.length} → ${test.length} (trained both in ${seconds.toFixed(0)} s)`, '');
  line('  accuracy without / with the encoder, ratio', `${fixed(without.accuracy)} / ${fixed(withEncoder.accuracy)}, ×${(withEncoder.accuracy / without.accuracy).toFixed(4)}`);
  line('  macro-F1 without / with the encoder', `${fixed(without.macroF1)} / ${fixed(withEncoder.macroF1)}`);
}

async function outOfScope(title: string, train: readonly IntentExample[], test: readonly IntentExample[], encoder: LoadedSentenceEncoder): Promise<IntentModel> {
  const { model, free, encoded, seconds } = await trainBoth(train, test, encoder);
  line(`${title}: ${train.length} → ${test.length} (trained both in ${seconds.toFixed(0)} s)`, '');
  for (const [name, predictor] of [['without the encoder', free], ['with the encoder', encoded]] as const) {
    const report = evaluateIntents(predictor, test);
    const loss = evaluateIntents(predictor, test, { ignoreThreshold: true }).inScopeAccuracy - report.inScopeAccuracy;
    line(`  ${name}: out-of-scope recall / in-scope accuracy`, `${fixed(report.outOfScopeRecall)} / ${fixed(report.inScopeAccuracy)} (threshold costs ${fixed(loss)})`);
  }
  return model;
}

/** BANKING77 with a quarter of its intents withheld: their test messages become out_of_scope. */
function unseenIntents(): { train: IntentExample[]; test: IntentExample[] } {
  const train = readBanking('train.csv');
  const intents = shuffle([...new Set(train.map((e) => e.intent))].sort(), mulberry32(SEED));
  const unseen = new Set(intents.slice(0, Math.round(intents.length * UNSEEN_INTENT_SHARE)));
  const test = readBanking('test.csv').map((e) => (unseen.has(e.intent) ? { text: e.text, intent: 'out_of_scope' } : e));
  return { train: train.filter((e) => !unseen.has(e.intent)), test };
}

async function percentiles(texts: readonly string[], run: (text: string) => unknown): Promise<[number, number]> {
  const times: number[] = [];
  for (const text of texts) {
    const started = process.hrtime.bigint();
    await run(text);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return [at(0.5), at(0.99)];
}

async function latency(model: IntentModel, test: readonly IntentExample[], encoder: LoadedSentenceEncoder): Promise<void> {
  // A trailing space gives the same tokens under a new cache key, so every call runs the encoder.
  const texts = test.slice(0, LATENCY_MESSAGES).map((e) => `${e.text} `);
  const [free50, free99] = await percentiles(texts, (text) => model.predict(text));
  const [enc50, enc99] = await percentiles(texts, (text) => model.predictWithEncoder(text, encoder));
  line('one message, uncached: p50 / p99 with the encoder', `${enc50.toFixed(2)} / ${enc99.toFixed(2)} ms (×${(enc50 / free50).toFixed(0)} / ×${(enc99 / free99).toFixed(0)} the encoder-free ${free50.toFixed(3)} / ${free99.toFixed(3)} ms)`);
}

async function main(): Promise<void> {
  const env = ENV.parse(process.env);
  if (env.NLU_ENCODER === '') {
    line('nlu-encoder', 'skipped: no encoder configured (set NLU_ENCODER to a model under NLU_MODELS_DIR)');
    process.stdout.write(`${HOW_TO_MEASURE}\n`);
    return;
  }
  const banking = path.join(sharedDataDir(), 'intent', 'banking77');
  if (!existsSync(path.join(banking, 'train.csv'))) {
    line('nlu-encoder', `skipped: BANKING77 not found under ${banking} (set SHOPKEEP_SHARED_DATA)`);
    return;
  }
  const options = { model: env.NLU_ENCODER, modelsDir: env.NLU_MODELS_DIR, allowRemote: env.NLU_ALLOW_REMOTE, dtype: env.NLU_ENCODER_DTYPE, cacheSize: CACHE_SIZE };
  const encoder = await loadOptionalSentenceEncoder(options, (error) => line('nlu-encoder', `skipped: ${error.message}\n${HOW_TO_MEASURE}`));
  if (encoder === undefined) return;
  try {
    line(`nlu-encoder: "${encoder.name}", ${encoder.dimension} dimensions`, '');
    const [train, test] = [readBanking('train.csv'), readBanking('test.csv')];
    await closedSetAccuracy('BANKING77 10 per intent', readBanking('jianguoz_train_10.csv'), test, encoder);
    await closedSetAccuracy('BANKING77 full', train, test, encoder);
    const unseen = unseenIntents();
    await outOfScope(`BANKING77, ${Math.round(UNSEEN_INTENT_SHARE * 100)}% of intents unseen`, unseen.train, unseen.test, encoder);
    const shop = readShopCorpus();
    const shopModel = await outOfScope('shop corpus (en+zh) held-out test', shop.train, shop.test, encoder);
    await latency(shopModel, shop.test, encoder);
    const stats = encoder.stats();
    line('encoder work', `${stats.textsEmbedded} texts in ${stats.modelRuns} runs, ${stats.cacheHits} answered from the cache`);
  } finally {
    await encoder.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
