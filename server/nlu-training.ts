import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../bot/workers/run-in-worker';
import { builtinModelPath, IntentModel, loadNlu, type CatalogEntry, type LabelledText, type Nlu, type SentenceEncoder, type Understanding, type UnderstandOptions } from '../nlu';
import { loadOptionalSentenceEncoder, type LoadedSentenceEncoder } from '../nlu/encoder';
import type { IntentAssignment } from '../store';
import type { Config } from './config';
import type { Logger } from './logger';
import type { TrainingMessage } from './nlu-training-worker';
import { ThreadedNlu } from './threaded-nlu';

/** Copies of each assigned phrase added to the training data. */
export const ASSIGNMENT_WEIGHT = 5;

/**
 * The bot's NLU, replaceable while the server runs: turns already under way finish with the
 * model they started with, new turns use the newest one.
 */
export class SwappableNlu implements Nlu {
  private catalog: readonly CatalogEntry[] | undefined;

  constructor(private current: Nlu) {}

  understand(text: string, options?: UnderstandOptions): Promise<Understanding> {
    return this.current.understand(text, options);
  }

  setCatalog(products: readonly CatalogEntry[]): void {
    this.catalog = products;
    this.current.setCatalog(products);
  }

  /** Puts `next` in place (with the latest catalog it was given); the one it replaces is closed once its turns are done. */
  swap(next: Nlu): void {
    if (this.catalog) next.setCatalog(this.catalog);
    const previous = this.current;
    this.current = next;
    if (previous !== next) void previous.close?.();
  }

  /** Releases the live model (its worker thread, when it has one). */
  async close(): Promise<void> {
    await this.current.close?.();
  }
}

/** Where a retraining stands. */
export type TrainingState =
  | { status: 'idle' }
  | { status: 'training'; fraction: number; startedAt: string; assignments: number }
  | { status: 'done'; finishedAt: string; assignments: number; examples: number; heldOutAccuracy: number }
  | { status: 'failed'; finishedAt: string; error: string };

/** Where the worker finds the sentence encoder (it loads its own copy: models cannot cross threads). */
export interface EncoderSettings {
  model: string;
  modelsDir: string;
  allowRemote: boolean;
}

/** Options of {@link NluTrainer}. */
export interface NluTrainerOptions {
  /** Folder of the retrained model (`current/`, and `next/` while one is written); none: not persisted. */
  dir: string;
  /** Products the NLU recognises. */
  catalog: () => readonly CatalogEntry[];
  /** Training passes. @default the intent model's own choice */
  epochs?: number;
  /** Corpus to train on besides the assignments. @default the shipped training corpus */
  base?: LabelledText[];
  /** Sentence encoder to train with and serve (loaded here, and by name in the worker). @default none */
  encoder?: { settings: EncoderSettings; loaded: SentenceEncoder };
  /**
   * What to serve once a retrained model is in its folder, given the copy loaded to check it
   * (e.g. the same model on a worker thread). @default that copy
   */
  serve?: (modelDir: string, loaded: Nlu) => Promise<Nlu>;
  now?: () => number;
}

/** The folder of the retrained model kept beside a database file. */
export function retrainedModelDir(dbFile: string): string {
  // A throwaway database gets a throwaway model folder, never one in the working directory.
  if (dbFile === ':memory:') return path.join(os.tmpdir(), `shopkeep-nlu-retrained-${process.pid}`);
  return path.join(path.dirname(path.resolve(dbFile)), 'nlu-retrained');
}

/**
 * Where the shipped corpus trained with an encoder is cached (no manager assignments yet), one
 * folder per encoder so switching encoders back and forth costs one training each.
 */
export function encoderBuiltinDir(dir: string, encoderName: string): string {
  return path.join(dir, `builtin-${encoderName.replace(/[^\w.-]+/gu, '_')}`);
}

function hasModel(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'model.json'));
}

function trainedWith(dir: string, encoder: SentenceEncoder): boolean {
  const meta = IntentModel.readMeta(dir).encoder;
  return meta !== null && meta.name === encoder.name && meta.dimension === encoder.dimension;
}

/** The model folder to serve and whether it has a head for `encoder` (see {@link startingNlu}). */
export function startingModel(dir: string, encoder?: SentenceEncoder): { modelDir: string; usesEncoder: boolean } {
  const current = path.join(dir, 'current');
  if (hasModel(current)) return { modelDir: current, usesEncoder: encoder !== undefined && trainedWith(current, encoder) };
  const cached = encoder && encoderBuiltinDir(dir, encoder.name);
  if (encoder && cached && hasModel(cached) && trainedWith(cached, encoder)) return { modelDir: cached, usesEncoder: true };
  return { modelDir: builtinModelPath(), usesEncoder: false };
}

/**
 * The NLU the server starts with: the last retrained model if one was saved (so a restart keeps
 * the manager's corrections), else the shipped one (or its cached encoder-trained twin). The
 * encoder is used only by a model trained with it; any other model answers without it.
 */
export async function startingNlu(dir: string, catalog: CatalogEntry[], encoder?: SentenceEncoder): Promise<Nlu> {
  const { modelDir, usesEncoder } = startingModel(dir, encoder);
  return loadNlu(modelDir, { catalog, ...(usesEncoder && encoder ? { encoder } : {}) });
}

/**
 * Retrains the intent model with the manager's phrase assignments in a worker thread, then
 * swaps the new model into the live NLU and keeps it on disk. One training at a time. With a
 * sentence encoder, every training also trains the encoder head and the live NLU uses it.
 */
export class NluTrainer {
  private stateNow: TrainingState = { status: 'idle' };
  private running: Promise<TrainingState> | undefined;
  private worker: Worker | undefined;

  constructor(
    private readonly nlu: SwappableNlu,
    private readonly options: NluTrainerOptions,
  ) {}

  get state(): TrainingState {
    return this.stateNow;
  }

  /** Starts a retraining (or returns the one running); resolves when it has finished. */
  retrain(assignments: readonly IntentAssignment[]): Promise<TrainingState> {
    return this.run(assignments, path.join(this.options.dir, 'current'));
  }

  /**
   * Gives the live NLU a head for the configured encoder when the model it serves has none:
   * retrains the manager's model, or trains the shipped corpus into a cache folder beside it
   * when there is nothing to retrain. Resolves at once (idle) without an encoder.
   */
  trainEncoderHead(assignments: readonly IntentAssignment[]): Promise<TrainingState> {
    const encoder = this.options.encoder?.loaded;
    if (!encoder) return Promise.resolve(this.stateNow);
    const retrained = fs.existsSync(path.join(this.options.dir, 'current', 'model.json'));
    return this.run(assignments, retrained || assignments.length > 0 ? path.join(this.options.dir, 'current') : encoderBuiltinDir(this.options.dir, encoder.name));
  }

  /** Stops a training under way (the model on disk stays as it was). */
  async stop(): Promise<void> {
    await this.worker?.terminate();
  }

  private run(assignments: readonly IntentAssignment[], target: string): Promise<TrainingState> {
    if (this.running) return this.running;
    const now = this.options.now ?? Date.now;
    this.stateNow = { status: 'training', fraction: 0, startedAt: new Date(now()).toISOString(), assignments: assignments.length };
    this.running = this.train(assignments)
      .then(async (done) => {
        await this.install(target);
        return (this.stateNow = { status: 'done', finishedAt: new Date(now()).toISOString(), assignments: assignments.length, ...done });
      })
      .catch((err: unknown) => (this.stateNow = { status: 'failed', finishedAt: new Date(now()).toISOString(), error: err instanceof Error ? err.message : String(err) }))
      .finally(() => {
        this.running = undefined;
        this.worker = undefined;
      });
    return this.running;
  }

  private train(assignments: readonly IntentAssignment[]): Promise<{ examples: number; heldOutAccuracy: number }> {
    const next = path.join(this.options.dir, 'next');
    fs.rmSync(next, { recursive: true, force: true });
    const worker = startWorker(path.join(__dirname, 'nlu-training-worker'), {
      outDir: next,
      assignments: assignments.map(({ text, intent, locale }) => ({ text, intent, locale })),
      weight: ASSIGNMENT_WEIGHT,
      ...(this.options.epochs ? { epochs: this.options.epochs } : {}),
      ...(this.options.base ? { base: this.options.base } : {}),
      ...(this.options.encoder ? { encoder: this.options.encoder.settings } : {}),
    });
    this.worker = worker;
    // A training never keeps a stopping process alive: the model on disk is only replaced once complete.
    worker.unref();
    return new Promise((resolve, reject) => {
      worker.on('message', (message: TrainingMessage) => {
        switch (message.type) {
          case 'progress':
            if (this.stateNow.status === 'training') this.stateNow = { ...this.stateNow, fraction: message.fraction };
            return;
          case 'done':
            void worker.terminate();
            return resolve({ examples: message.examples, heldOutAccuracy: message.heldOutAccuracy });
          case 'error':
            void worker.terminate();
            return reject(new Error(message.message));
          default:
            return message satisfies never;
        }
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the training worker stopped (code ${code})`)));
    });
  }

  /** Moves `next/` to `target` and loads it into the live NLU (with the encoder it was trained with). */
  private async install(target: string): Promise<void> {
    const encoder = this.options.encoder?.loaded;
    const next = path.join(this.options.dir, 'next');
    const loaded = await loadNlu(next, { catalog: [...this.options.catalog()], ...(encoder ? { encoder } : {}) });
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(next, target);
    this.nlu.swap(this.options.serve ? await this.options.serve(target, loaded) : loaded);
  }
}

/** What {@link startNluService} needs from the server. */
export interface NluServiceOptions {
  /** The parsed configuration (database file and the `NLU_*` encoder settings). */
  config: Pick<Config, 'SHOPKEEP_DB' | 'NLU_ENCODER' | 'NLU_MODELS_DIR' | 'NLU_ALLOW_REMOTE' | 'NLU_THREAD'>;
  catalog: () => readonly CatalogEntry[];
  /** The manager's phrase assignments, retrained into the encoder head when one is needed. */
  assignments: () => readonly IntentAssignment[];
  logger: Logger;
  /** An NLU to serve instead of the trained one (tests); no encoder is loaded then. */
  nlu?: Nlu;
}

/** The server's NLU: the live model, its trainer, the encoder in use. */
export interface NluService {
  nlu: SwappableNlu;
  trainer: NluTrainer;
  /** Name of the sentence encoder loaded, or null when the NLU runs without one. */
  encoder: string | null;
  /** Stops a training under way and releases the encoder. */
  close(): Promise<void>;
}

async function loadConfiguredEncoder(config: NluServiceOptions['config'], logger: Logger): Promise<LoadedSentenceEncoder | undefined> {
  const settings = { model: config.NLU_ENCODER, modelsDir: config.NLU_MODELS_DIR, allowRemote: config.NLU_ALLOW_REMOTE };
  const fallback = (reason: string, message: string): undefined => {
    logger.warn({ encoder: config.NLU_ENCODER, reason }, `NLU runs without the sentence encoder (plain built-in model): ${message}`);
    return undefined;
  };
  try {
    return await loadOptionalSentenceEncoder(settings, (error) => fallback(error.reason, error.message));
  } catch (error) {
    // Whatever goes wrong with an optional model, the shop keeps answering without it.
    return fallback('load_failed', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Starts the server's NLU: loads the sentence encoder when `NLU_ENCODER` names one (falling back,
 * with one warning, to the plain model when it cannot be loaded), serves the newest model trained
 * with it, and when there is none yet trains one in the background and swaps it in when ready.
 */
export async function startNluService(options: NluServiceOptions): Promise<NluService> {
  const { config, logger } = options;
  const dir = retrainedModelDir(config.SHOPKEEP_DB);
  const encoder = options.nlu ? undefined : await loadConfiguredEncoder(config, logger);
  const catalog = options.catalog().map((p) => ({ id: p.id, name: p.name }));
  const start = startingModel(dir, encoder);
  // Without an encoder (which would need its own copy in the worker) the model reads on a worker thread.
  const threaded = config.NLU_THREAD && !encoder && !options.nlu;
  const onThread = (modelDir: string, inProcess: () => Promise<Nlu>): Promise<Nlu> =>
    ThreadedNlu.start(modelDir, options.catalog(), (err) => logger.error({ err }, 'the NLU worker failed: messages are read on the main thread')).catch(
      (err: unknown) => {
        logger.warn({ err }, 'the NLU worker could not start: messages are read on the main thread');
        return inProcess();
      },
    );
  const inProcess = (): Promise<Nlu> => loadNlu(start.modelDir, { catalog, ...(start.usesEncoder && encoder ? { encoder } : {}) });
  const nlu = new SwappableNlu(options.nlu ?? (await (threaded ? onThread(start.modelDir, inProcess) : inProcess())));
  const settings = { model: config.NLU_ENCODER, modelsDir: config.NLU_MODELS_DIR, allowRemote: config.NLU_ALLOW_REMOTE };
  const trainer = new NluTrainer(nlu, {
    dir,
    catalog: options.catalog,
    ...(encoder ? { encoder: { settings, loaded: encoder } } : {}),
    ...(threaded ? { serve: (modelDir: string, loaded: Nlu) => onThread(modelDir, () => Promise.resolve(loaded)) } : {}),
  });
  let closed = false;
  if (encoder && !start.usesEncoder) {
    logger.info({ encoder: encoder.name }, 'training the NLU with the sentence encoder in the background; the plain model answers meanwhile');
    void trainer.trainEncoderHead(options.assignments()).then((state) => {
      if (closed) return;
      if (state.status === 'failed') logger.warn({ encoder: encoder.name, error: state.error }, 'NLU encoder training failed: the plain model keeps answering');
      else logger.info({ encoder: encoder.name }, 'NLU now uses the sentence encoder');
    });
  } else if (encoder) logger.info({ encoder: encoder.name }, 'NLU uses the sentence encoder');
  return {
    nlu,
    trainer,
    encoder: encoder?.name ?? null,
    close: async () => {
      closed = true;
      await trainer.stop();
      await nlu.close();
      await encoder?.dispose();
    },
  };
}
