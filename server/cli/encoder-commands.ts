import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_ENCODER_MODELS_DIR, dot, ENCODER_DTYPES, loadSentenceEncoder, SentenceEncoderUnavailableError } from '../../nlu/encoder';
import { CliError, parseOptions, type CliCommand, type OptionSpec } from './command';

const OPTIONS = {
  model: { type: 'string' },
  'models-dir': { type: 'string' },
  'allow-remote': { type: 'boolean' },
  dtype: { type: 'string' },
} satisfies OptionSpec;

const SCHEMA = z.object({
  model: z.string().trim().min(1),
  'models-dir': z.string().trim().min(1).default(DEFAULT_ENCODER_MODELS_DIR),
  'allow-remote': z.boolean().default(false),
  dtype: z.enum(ENCODER_DTYPES).default('fp32'),
});

// Any useful sentence encoder puts the paraphrase well above the unrelated message; printing both
// lets an operator see at a glance that the model is a sentence encoder, not merely loadable.
const CHECK = { message: 'where is my order?', paraphrase: 'I want to track my parcel', unrelated: 'what will the weather be tomorrow' } as const;

/**
 * `shopkeep nlu encoder`: loads the configured sentence encoder (downloading it into the models
 * directory first when `--allow-remote` is given) and prints its width and a similarity check.
 */
export const ENCODER_CHECK_COMMAND: CliCommand = {
  path: ['nlu', 'encoder'],
  summary: 'Loads a sentence encoder (the model NLU_ENCODER would name) and prints its width and a similarity check; with --allow-remote, downloads it into the models directory first',
  usage: `--model ID [--models-dir DIR (default ${DEFAULT_ENCODER_MODELS_DIR})] [--allow-remote] [--dtype fp32|fp16|q8]`,
  async run(argv, io) {
    const options = parseOptions(argv, OPTIONS, SCHEMA);
    const modelsDir = options['models-dir'];
    let encoder;
    try {
      encoder = await loadSentenceEncoder({ model: options.model, modelsDir, allowRemote: options['allow-remote'], dtype: options.dtype });
    } catch (error) {
      if (error instanceof SentenceEncoderUnavailableError) throw new CliError(`${error.reason}: ${error.message}`);
      throw error;
    }
    try {
      const [message, paraphrase, unrelated] = await encoder.encode([CHECK.message, CHECK.paraphrase, CHECK.unrelated]);
      io.stdout(`encoder "${encoder.name}": ${encoder.dimension} dimensions, files in ${path.resolve(modelsDir, options.model)}\n`);
      io.stdout(`similarity to "${CHECK.message}": paraphrase ${dot(message!, paraphrase!).toFixed(3)}, unrelated ${dot(message!, unrelated!).toFixed(3)}\n`);
    } finally {
      await encoder.dispose();
    }
  },
};

/** The sentence encoder's CLI commands. */
export const ENCODER_COMMANDS: readonly CliCommand[] = [ENCODER_CHECK_COMMAND];
