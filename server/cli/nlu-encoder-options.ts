import { z } from 'zod';
import type { IntentModelMeta } from '../../nlu';
import { loadSentenceEncoder, SentenceEncoderUnavailableError, type LoadedSentenceEncoder } from '../../nlu/encoder';
import { loadConfig } from '../config';
import { CliError, type OptionSpec } from './command';

/** The sentence-encoder options shared by `nlu train | predict | eval`. */
export const ENCODER_OPTIONS = {
  encoder: { type: 'string' },
  'models-dir': { type: 'string' },
  'allow-remote': { type: 'boolean' },
  'without-encoder': { type: 'boolean' },
} satisfies OptionSpec;

/** Their schema; unset options fall back to `NLU_ENCODER`, `NLU_MODELS_DIR`, `NLU_ALLOW_REMOTE`. */
export const ENCODER_SCHEMA = z.object({
  encoder: z.string().trim().min(1).optional(),
  'models-dir': z.string().trim().min(1).optional(),
  'allow-remote': z.boolean().optional(),
  'without-encoder': z.boolean().default(false),
});

/** Usage text of the encoder options. */
export const ENCODER_USAGE = '[--encoder ID] [--models-dir DIR] [--allow-remote] [--without-encoder]';

type EncoderOptions = z.infer<typeof ENCODER_SCHEMA>;

async function open(model: string, options: EncoderOptions, why: string): Promise<LoadedSentenceEncoder> {
  const config = loadConfig();
  try {
    return await loadSentenceEncoder({ model, modelsDir: options['models-dir'] ?? config.NLU_MODELS_DIR, allowRemote: options['allow-remote'] ?? config.NLU_ALLOW_REMOTE });
  } catch (error) {
    if (!(error instanceof SentenceEncoderUnavailableError)) throw error;
    throw new CliError(`${why}, but it cannot be loaded (${error.reason}: ${error.message}); point --models-dir (NLU_MODELS_DIR) at it, pass --allow-remote, or --without-encoder`);
  }
}

/**
 * The encoder to train with: `--encoder`, else `NLU_ENCODER`; none with `--without-encoder` or
 * when neither names one.
 */
export async function encoderForTraining(options: EncoderOptions): Promise<LoadedSentenceEncoder | undefined> {
  if (options['without-encoder']) return undefined;
  const model = options.encoder ?? loadConfig().NLU_ENCODER;
  return model ? open(model, options, `sentence encoder "${model}" was asked for`) : undefined;
}

/**
 * The encoder a trained model needs (the one recorded in its `model.json`): a model trained with an
 * encoder is never silently run without it — only `--without-encoder` uses its encoder-free head.
 */
export async function encoderForModel(meta: IntentModelMeta, options: EncoderOptions): Promise<LoadedSentenceEncoder | undefined> {
  if (!meta.encoder && options.encoder) throw new CliError(`the model was trained without a sentence encoder (retrain it with --encoder ${options.encoder})`);
  if (!meta.encoder || options['without-encoder']) return undefined;
  if (options.encoder && options.encoder !== meta.encoder.name) {
    throw new CliError(`the model was trained with sentence encoder "${meta.encoder.name}", not "${options.encoder}"`);
  }
  return open(meta.encoder.name, options, `the model was trained with sentence encoder "${meta.encoder.name}"`);
}
