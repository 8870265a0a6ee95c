import * as fs from 'node:fs';
import * as path from 'node:path';
import { ShopNlu } from './engine';
import { EncoderMismatchError, IntentModel } from './intent/model';
import { BilingualSentiment } from './sentiment/builtin';
import type { CatalogEntry, Nlu, SentenceEncoder } from './types';

/** Folder of the shipped shop model, relative to the repository root. */
export const BUILTIN_MODEL_DIR = path.join('nlu', 'models', 'shop');

/**
 * Finds the shipped model both from sources (`nlu/`) and from the compiled tree (`dist/nlu/`),
 * which tsc does not copy data into.
 */
export function builtinModelPath(): string {
  const candidates = [path.resolve(__dirname, 'models', 'shop'), path.resolve(__dirname, '..', '..', BUILTIN_MODEL_DIR)];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'model.json')));
  if (!found) throw new Error(`the built-in NLU model is missing (looked in ${candidates.join(', ')})`);
  return found;
}

/** Options of {@link createBuiltinNlu}. */
export interface BuiltinNluOptions {
  /**
   * Sentence encoder for extra intent features. Used only when the model directory was trained
   * with this same encoder (`model.json` → `encoder`); a model trained with another encoder is
   * refused with {@link EncoderMismatchError}; a model trained without one ignores it.
   */
  encoder?: SentenceEncoder;
  /** Products to recognise in messages; can be replaced later with `setCatalog`. */
  catalog?: CatalogEntry[];
}

/**
 * The built-in shop NLU (English and Chinese), loaded from the model shipped in the repository.
 *
 * @example
 * const nlu = await createBuiltinNlu({ catalog: [{ id: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER' }] });
 * const u = await nlu.understand('where is my order #536365?', { locale: 'en' });
 * // u.intent === 'track_order', u.entities[0] = { type: 'order_id', value: '536365', ... }
 */
export async function createBuiltinNlu(options: BuiltinNluOptions = {}): Promise<Nlu> {
  return loadNlu(builtinModelPath(), options);
}

/**
 * An NLU over a trained model directory (from `shopkeep nlu train` or {@link IntentModel.save}),
 * with the shipped sentiment models and entity extractors.
 */
export async function loadNlu(modelDir: string, options: BuiltinNluOptions = {}): Promise<ShopNlu> {
  const intents = IntentModel.load(modelDir);
  if (options.encoder && intents.meta.encoder && options.encoder.name !== intents.meta.encoder.name) {
    throw new EncoderMismatchError(intents.meta.encoder, options.encoder);
  }
  return new ShopNlu({
    intents,
    sentiment: BilingualSentiment.loadShipped(),
    ...(options.catalog ? { catalog: options.catalog } : {}),
    ...(options.encoder ? { encoder: options.encoder } : {}),
  });
}
