// What the optional sentence encoder buys: intent accuracy and out-of-scope detection on BANKING77
// with and without its embeddings. One linear learner (softmax regression by SGD) is trained on
// three feature sets — hashed word + character n-gram TF-IDF (the encoder-free yardstick), the
// encoder's embeddings, and both — so the differences come from the features alone.
// Run: NLU_ENCODER=<model id> [NLU_MODELS_DIR=var/models] node dist/bench/nlu-encoder.js
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ENCODER_DTYPES, loadSentenceEncoder, SentenceEncoderUnavailableError, type LoadedSentenceEncoder } from '../nlu/encoder';

const ENV = z.object({
  NLU_ENCODER: z.string().trim().optional(),
  NLU_MODELS_DIR: z.string().trim().min(1).default('var/models'),
  NLU_ENCODER_ALLOW_REMOTE: z.enum(['0', '1']).default('0'),
  NLU_ENCODER_DTYPE: z.enum(ENCODER_DTYPES).default('fp32'),
  SHOPKEEP_SHARED_DATA: z.string().optional(),
});
const SEED = 77;
const HASH_BITS = 17;
// Share of BANKING77 intents hidden from training and presented as out-of-scope messages.
const UNKNOWN_INTENT_SHARE = 0.25;
const MAX_IN_SCOPE_LOSS = 0.02;
const BATCH_SIZE = 32;
const LATENCY_MESSAGES = 300;

interface Example { text: string; intent: string }
interface Sparse { indices: Int32Array; values: Float32Array }
type Features = (text: string) => Sparse;

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

function readExamples(file: string): Example[] {
  const Row = z.object({ text: z.string() }).and(z.union([z.object({ category: z.string() }), z.object({ label: z.string() })]));
  const rows = z.array(Row).parse(parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }));
  // The few-shot file and the test file disagree on the case of one label.
  return rows.map((row) => ({ text: row.text, intent: ('category' in row ? row.category : row.label).toLowerCase() }));
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function grams(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const out = words.map((w) => `w:${w}`);
  for (let i = 1; i < words.length; i++) out.push(`b:${words[i - 1]} ${words[i]}`);
  for (const word of words) {
    const padded = ` ${word} `;
    for (let n = 2; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) out.push(`c:${padded.slice(i, i + n)}`);
  }
  return out;
}

/** Sublinear TF-IDF over hashed word 1-2 grams and character 2-5 grams, L2-normalised. */
function fitTfidf(texts: readonly string[]): Features {
  const size = 1 << HASH_BITS;
  const counts = (text: string): Map<number, number> => {
    const tf = new Map<number, number>();
    for (const gram of grams(text)) {
      const index = fnv1a(gram) % size;
      tf.set(index, (tf.get(index) ?? 0) + 1);
    }
    return tf;
  };
  const df = new Float64Array(size);
  for (const text of texts) for (const index of counts(text).keys()) df[index]! += 1;
  return (text) => {
    const entries = [...counts(text)].map(([index, tf]) => [index, (1 + Math.log(tf)) * (Math.log((1 + texts.length) / (1 + df[index]!)) + 1)] as const);
    const norm = Math.hypot(...entries.map(([, v]) => v)) || 1;
    return { indices: Int32Array.from(entries, ([i]) => i), values: Float32Array.from(entries, ([, v]) => v / norm) };
  };
}

function embeddingFeatures(vectors: ReadonlyMap<string, Float32Array>, offset = 0): Features {
  return (text) => {
    const vector = vectors.get(text)!;
    return { indices: Int32Array.from(vector, (_, d) => offset + d), values: vector };
  };
}

function concat(a: Features, b: Features): Features {
  return (text) => {
    const [x, y] = [a(text), b(text)];
    return { indices: Int32Array.from([...x.indices, ...y.indices]), values: Float32Array.from([...x.values, ...y.values]) };
  };
}

/** A trained softmax regression: class probabilities of a feature vector. */
type Classifier = (x: Sparse) => Float64Array;

function probabilities(weights: Float32Array, bias: Float64Array, x: Sparse, classes: number): Float64Array {
  const logits = Float64Array.from(bias);
  x.indices.forEach((index, k) => {
    for (let c = 0; c < classes; c++) logits[c]! += x.values[k]! * weights[index * classes + c]!;
  });
  const max = Math.max(...logits);
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += logits[c] = Math.exp(logits[c]! - max);
  return logits.map((v) => v / sum);
}

/** SGD with a decaying rate; L2 is applied to the rows an example touches (a lazy approximation). */
function trainSoftmax(xs: readonly Sparse[], ys: readonly number[], classes: number, width: number): Classifier {
  // Float32 weights: 2^17 hashed n-grams × 77 intents would take 80 MB in float64.
  const weights = new Float32Array(width * classes);
  const bias = new Float64Array(classes);
  const epochs = Math.min(40, Math.max(8, Math.ceil(60_000 / xs.length)));
  const random = mulberry32(SEED);
  const [eta0, l2] = [0.5, 1e-5];
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of shuffle(xs.map((_, k) => k), random)) {
      const x = xs[i]!;
      const eta = eta0 / (1 + eta0 * l2 * step++);
      const p = probabilities(weights, bias, x, classes);
      p[ys[i]!]! -= 1;
      for (let c = 0; c < classes; c++) bias[c]! -= eta * p[c]!;
      x.indices.forEach((index, k) => {
        for (let c = 0; c < classes; c++) {
          const w = index * classes + c;
          weights[w]! -= eta * (p[c]! * x.values[k]! + l2 * weights[w]!);
        }
      });
    }
  }
  return (x) => probabilities(weights, bias, x, classes);
}

interface Scored { best: number; confidence: number }

function fitAndScore(train: readonly Example[], tests: readonly (readonly Example[])[], features: Features, width: number): { labels: string[]; scored: Scored[][] } {
  const labels = [...new Set(train.map((e) => e.intent))].sort();
  const classify = trainSoftmax(train.map((e) => features(e.text)), train.map((e) => labels.indexOf(e.intent)), labels.length, width);
  const scored = tests.map((set) => set.map((e) => {
    const p = classify(features(e.text));
    const best = p.indexOf(Math.max(...p));
    return { best, confidence: p[best]! };
  }));
  return { labels, scored };
}

function accuracy(examples: readonly Example[], scored: readonly Scored[], labels: readonly string[]): number {
  return examples.filter((e, i) => labels[scored[i]!.best] === e.intent).length / examples.length;
}

/** Highest confidence threshold that rejects at most `MAX_IN_SCOPE_LOSS` of the in-scope examples that were right. */
function learnThreshold(examples: readonly Example[], scored: readonly Scored[], labels: readonly string[]): number {
  const rightConfidences = scored.filter((s, i) => labels[s.best] === examples[i]!.intent).map((s) => s.confidence).sort((a, b) => a - b);
  const allowed = Math.floor(MAX_IN_SCOPE_LOSS * examples.length);
  return rightConfidences[allowed] ?? 0;
}

/** Area under the ROC curve of "confidence below" as an out-of-scope detector (Mann-Whitney, ties halved). */
function auroc(inScope: readonly number[], outOfScope: readonly number[]): number {
  let wins = 0;
  for (const o of outOfScope) for (const i of inScope) wins += o < i ? 1 : o === i ? 0.5 : 0;
  return wins / (inScope.length * outOfScope.length);
}

type FeatureSet = { name: string; fit: (train: readonly Example[]) => { features: Features; width: number } };

function featureSets(vectors: ReadonlyMap<string, Float32Array>, dimension: number): FeatureSet[] {
  const tfidf = (train: readonly Example[]): Features => fitTfidf(train.map((e) => e.text));
  return [
    { name: 'tf-idf n-grams (yardstick)', fit: (train) => ({ features: tfidf(train), width: 1 << HASH_BITS }) },
    { name: 'encoder embeddings', fit: () => ({ features: embeddingFeatures(vectors), width: dimension }) },
    { name: 'tf-idf + embeddings', fit: (train) => ({ features: concat(tfidf(train), embeddingFeatures(vectors, 1 << HASH_BITS)), width: (1 << HASH_BITS) + dimension }) },
  ];
}

function accuracyProtocol(title: string, train: readonly Example[], test: readonly Example[], sets: readonly FeatureSet[]): void {
  console.log(`\n${title}: ${train.length} training → ${test.length} test messages`);
  let yardstick = 0;
  for (const set of sets) {
    const { features, width } = set.fit(train);
    const { labels, scored } = fitAndScore(train, [test], features, width);
    const acc = accuracy(test, scored[0]!, labels);
    yardstick ||= acc;
    console.log(`  ${set.name.padEnd(28)} accuracy ${acc.toFixed(4)}  (×${(acc / yardstick).toFixed(3)} of the yardstick)`);
  }
}

function outOfScopeProtocol(train: readonly Example[], test: readonly Example[], sets: readonly FeatureSet[]): void {
  const intents = shuffle([...new Set(train.map((e) => e.intent))].sort(), mulberry32(SEED));
  const unknown = new Set(intents.slice(0, Math.round(intents.length * UNKNOWN_INTENT_SHARE)));
  const known = shuffle(train.filter((e) => !unknown.has(e.intent)), mulberry32(SEED + 1));
  const validation = known.slice(0, Math.round(known.length * 0.1));
  const fitOn = known.slice(validation.length);
  const inScope = test.filter((e) => !unknown.has(e.intent));
  const outOfScope = test.filter((e) => unknown.has(e.intent));
  console.log(`\nout-of-scope: ${unknown.size} of ${intents.length} intents unseen in training; threshold learned on ${validation.length} validation messages (in-scope loss ≤ ${MAX_IN_SCOPE_LOSS * 100} points)`);
  console.log(`  test: ${inScope.length} in-scope, ${outOfScope.length} out-of-scope messages`);
  for (const set of sets) {
    const { features, width } = set.fit(fitOn);
    const { labels, scored } = fitAndScore(fitOn, [validation, inScope, outOfScope], features, width);
    const [val, ins, oos] = scored as [Scored[], Scored[], Scored[]];
    const threshold = learnThreshold(validation, val, labels);
    const kept = ins.map((s, i) => s.confidence >= threshold && labels[s.best] === inScope[i]!.intent).filter(Boolean).length / inScope.length;
    const recall = oos.filter((s) => s.confidence < threshold).length / oos.length;
    const area = auroc(ins.map((s) => s.confidence), oos.map((s) => s.confidence));
    console.log(`  ${set.name.padEnd(28)} recall ${recall.toFixed(4)}  in-scope accuracy ${accuracy(inScope, ins, labels).toFixed(4)} → ${kept.toFixed(4)}  AUROC ${area.toFixed(4)}`);
  }
}

async function embedAll(encoder: LoadedSentenceEncoder, texts: readonly string[]): Promise<Map<string, Float32Array>> {
  const unique = [...new Set(texts)];
  const started = process.hrtime.bigint();
  const vectors = await encoder.encode(unique);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`encoded ${unique.length} messages in ${seconds.toFixed(1)} s (${(unique.length / seconds).toFixed(0)} per second, batches of ${BATCH_SIZE})`);
  return new Map(unique.map((text, i) => [text, vectors[i]!]));
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function timeEach(texts: readonly string[], run: (text: string) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const text of texts) {
    const started = process.hrtime.bigint();
    await run(text);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

/** One message at a time, as in a chat turn, against TF-IDF featurisation of the same messages. */
async function latency(encoder: LoadedSentenceEncoder, train: readonly Example[], test: readonly Example[]): Promise<void> {
  // A trailing space gives the same tokens under a new cache key, so every call runs the model.
  const texts = test.slice(0, LATENCY_MESSAGES).map((e) => `${e.text} `);
  const tfidf = fitTfidf(train.map((e) => e.text));
  const yardstick = await timeEach(texts, tfidf);
  const encoded = await timeEach(texts, (text) => encoder.encode([text]));
  const line = (q: number): string => `p${q * 100} ${percentile(encoded, q).toFixed(2)} ms (×${(percentile(encoded, q) / Math.max(1e-6, percentile(yardstick, q))).toFixed(0)} the TF-IDF featurisation)`;
  console.log(`one message, uncached: ${line(0.5)}, ${line(0.99)}`);
}

async function openEncoder(env: z.infer<typeof ENV>): Promise<LoadedSentenceEncoder | undefined> {
  if (!env.NLU_ENCODER) {
    console.log('nlu-encoder: skipped: no encoder configured (set NLU_ENCODER to a model under NLU_MODELS_DIR)');
    return undefined;
  }
  try {
    return await loadSentenceEncoder({ model: env.NLU_ENCODER, modelsDir: env.NLU_MODELS_DIR, allowRemote: env.NLU_ENCODER_ALLOW_REMOTE === '1', dtype: env.NLU_ENCODER_DTYPE, batchSize: BATCH_SIZE });
  } catch (error) {
    if (!(error instanceof SentenceEncoderUnavailableError)) throw error;
    console.log(`nlu-encoder: skipped: ${error.message}`);
    return undefined;
  }
}

async function main(): Promise<void> {
  const env = ENV.parse(process.env);
  const shared = env.SHOPKEEP_SHARED_DATA ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
  const dir = path.join(shared, 'intent', 'banking77');
  if (!existsSync(path.join(dir, 'train.csv'))) {
    console.log(`nlu-encoder: skipped: BANKING77 not found under ${dir} (set SHOPKEEP_SHARED_DATA)`);
    return;
  }
  const encoder = await openEncoder(env);
  if (encoder === undefined) return;
  const [train, test, fewShot] = ['train.csv', 'test.csv', 'jianguoz_train_10.csv'].map((file) => readExamples(path.join(dir, file))) as [Example[], Example[], Example[]];
  console.log(`nlu-encoder: "${encoder.name}" (${encoder.dimension} dimensions) on BANKING77`);
  const vectors = await embedAll(encoder, [...train, ...test, ...fewShot].map((e) => e.text));
  await latency(encoder, train, test);
  await encoder.dispose();
  const sets = featureSets(vectors, encoder.dimension);
  accuracyProtocol('10 per intent', fewShot, test, sets);
  accuracyProtocol('full training set', train, test, sets);
  outOfScopeProtocol(train, test, sets);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
