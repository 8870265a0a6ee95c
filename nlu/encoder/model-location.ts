import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { SentenceEncoderUnavailableError } from './errors';

/** Weight formats the encoder can load, as transformers.js names them. */
export const ENCODER_DTYPES = ['fp32', 'fp16', 'q8'] as const;
/** One of {@link ENCODER_DTYPES}. */
export type EncoderDtype = (typeof ENCODER_DTYPES)[number];

/** Where the model's files come from. */
export type ModelLocation =
  | { kind: 'local'; model: string; directory: string; dtype: EncoderDtype }
  /** Downloaded from the hub into `cacheDir` (transformers.js's own cache when undefined). */
  | { kind: 'remote'; model: string; cacheDir: string | undefined; dtype: EncoderDtype };

/** What {@link locateModel} needs to know. */
export interface ModelRequest {
  model: string;
  modelsDir: string | undefined;
  allowRemote: boolean;
  dtype: EncoderDtype;
}

// The hub's "owner/name" form; anything else can only be a local directory.
const HUB_ID = /^[\w.-]+\/[\w.-]+$/;

/** The ONNX weights file transformers.js reads for `dtype`, relative to the model directory. */
export function onnxFileFor(dtype: EncoderDtype): string {
  switch (dtype) {
    case 'fp32':
      return 'onnx/model.onnx';
    case 'fp16':
      return 'onnx/model_fp16.onnx';
    case 'q8':
      return 'onnx/model_quantized.onnx';
    default:
      return dtype satisfies never;
  }
}

/** Files a local model directory must hold for `dtype`. */
export function requiredModelFiles(dtype: EncoderDtype): string[] {
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', onnxFileFor(dtype)];
}

/**
 * Decides where to load the model from without touching the network: the local directory when it
 * exists, the hub only when allowed, otherwise a {@link SentenceEncoderUnavailableError}.
 */
export function locateModel(request: ModelRequest): ModelLocation {
  const { model, modelsDir, allowRemote, dtype } = request;
  if (model.trim() === '') throw new SentenceEncoderUnavailableError(model, 'not_found', 'no sentence encoder model named');
  const directory = path.resolve(modelsDir ?? '.', model);
  if (existsSync(directory) && statSync(directory).isDirectory()) {
    const missing = requiredModelFiles(dtype).filter((file) => !existsSync(path.join(directory, file)));
    if (missing.length > 0) {
      throw new SentenceEncoderUnavailableError(model, 'incomplete', `sentence encoder "${model}" in ${directory} lacks ${missing.join(', ')}`);
    }
    return { kind: 'local', model, directory, dtype };
  }
  if (allowRemote && HUB_ID.test(model) && !model.includes('..')) {
    return { kind: 'remote', model, cacheDir: modelsDir === undefined ? undefined : path.resolve(modelsDir), dtype };
  }
  const hint = allowRemote ? ' (and it is not a hub id of the form owner/name)' : ' and downloading is not allowed';
  throw new SentenceEncoderUnavailableError(model, 'not_found', `sentence encoder "${model}" not found at ${directory}${hint}`);
}
