/**
 * Worker-thread entry of the NLU retraining (see `nlu-training.ts`): trains the intent model on
 * the shipped corpus plus the manager's assignments and writes it to `workerData.outDir`,
 * posting progress as it goes. Runs off the main thread so chats keep being answered.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { IntentModel, LOCALES, readShopCorpus, type IntentTrainOptions } from '../nlu';
import { loadSentenceEncoder } from '../nlu/encoder';

const EXAMPLE = z.object({ text: z.string().min(1), intent: z.string().min(1), locale: z.enum(LOCALES) });
const INPUT = z.object({
  outDir: z.string().min(1),
  assignments: z.array(EXAMPLE),
  /** Copies of each assigned phrase: one phrase among thousands of examples must still win. */
  weight: z.number().int().min(1),
  epochs: z.number().int().min(1).optional(),
  /** The corpus to start from; the shipped training corpus when absent. */
  base: z.array(EXAMPLE).optional(),
  /** Sentence encoder to train the encoder head with (loaded here: a model cannot cross threads). */
  encoder: z.object({ model: z.string().min(1), modelsDir: z.string().min(1), allowRemote: z.boolean() }).optional(),
});

/** What the worker posts to its parent. */
export type TrainingMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; examples: number; heldOutAccuracy: number }
  | { type: 'error'; message: string };

function post(message: TrainingMessage): void {
  parentPort?.postMessage(message);
}

async function train(examples: readonly { text: string; intent: string }[], options: IntentTrainOptions, encoder: z.infer<typeof INPUT>['encoder']): Promise<IntentModel> {
  if (!encoder) return IntentModel.train(examples, options);
  const loaded = await loadSentenceEncoder(encoder);
  try {
    return await IntentModel.trainWithEncoder(examples, loaded, options);
  } finally {
    await loaded.dispose();
  }
}

async function main(): Promise<void> {
  const input = INPUT.parse((workerData as { input: unknown }).input);
  const base = input.base ?? readShopCorpus().train;
  const extra = input.assignments.flatMap((a) => Array.from({ length: input.weight }, () => a));
  const examples = [...base, ...extra];
  let last = -1;
  const model = await train(examples, {
    ...(input.epochs ? { epochs: input.epochs } : {}),
    onProgress: (fraction) => {
      // Progress is posted in whole percents: enough for a progress bar, few messages.
      const percent = Math.floor(fraction * 100);
      if (percent !== last) post({ type: 'progress', fraction: percent / 100 });
      last = percent;
    },
  }, input.encoder);
  model.save(input.outDir);
  post({ type: 'done', examples: examples.length, heldOutAccuracy: model.meta.calibration.accuracy });
}

main().catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
