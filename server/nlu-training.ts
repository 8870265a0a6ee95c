import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createBuiltinNlu, loadNlu, type CatalogEntry, type LabelledText, type Nlu, type Understanding, type UnderstandOptions } from '../nlu';
import type { IntentAssignment } from '../store';
import type { TrainingMessage } from './nlu-training-worker';

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

  /** Puts `next` in place (with the latest catalog it was given). */
  swap(next: Nlu): void {
    if (this.catalog) next.setCatalog(this.catalog);
    this.current = next;
  }
}

/** Where a retraining stands. */
export type TrainingState =
  | { status: 'idle' }
  | { status: 'training'; fraction: number; startedAt: string; assignments: number }
  | { status: 'done'; finishedAt: string; assignments: number; examples: number; heldOutAccuracy: number }
  | { status: 'failed'; finishedAt: string; error: string };

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
  now?: () => number;
}

/** The folder of the retrained model kept beside a database file. */
export function retrainedModelDir(dbFile: string): string {
  // A throwaway database gets a throwaway model folder, never one in the working directory.
  if (dbFile === ':memory:') return path.join(os.tmpdir(), `shopkeep-nlu-retrained-${process.pid}`);
  return path.join(path.dirname(path.resolve(dbFile)), 'nlu-retrained');
}

/**
 * The NLU the server starts with: the last retrained model if one was saved (so a restart keeps
 * the manager's corrections), else the shipped one.
 */
export async function startingNlu(dir: string, catalog: CatalogEntry[]): Promise<Nlu> {
  const current = path.join(dir, 'current');
  if (fs.existsSync(path.join(current, 'model.json'))) return loadNlu(current, { catalog });
  return createBuiltinNlu({ catalog });
}

/**
 * Runs the TypeScript worker from sources (tests, development) by compiling it with @swc/core
 * as it is required; the built product starts the compiled `.js` directly.
 */
const TS_BOOTSTRAP = `
const fs = require('node:fs');
const { transformSync } = require('@swc/core');
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
  module._compile(code, filename);
};
require(require('node:worker_threads').workerData.entry);
`;

function startWorker(input: unknown): Worker {
  const compiled = path.join(__dirname, 'nlu-training-worker.js');
  if (fs.existsSync(compiled)) return new Worker(compiled, { workerData: { input } });
  return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { input, entry: path.join(__dirname, 'nlu-training-worker.ts') } });
}

/**
 * Retrains the intent model with the manager's phrase assignments in a worker thread, then
 * swaps the new model into the live NLU and keeps it on disk. One training at a time.
 */
export class NluTrainer {
  private stateNow: TrainingState = { status: 'idle' };
  private running: Promise<TrainingState> | undefined;

  constructor(
    private readonly nlu: SwappableNlu,
    private readonly options: NluTrainerOptions,
  ) {}

  get state(): TrainingState {
    return this.stateNow;
  }

  /** Starts a retraining (or returns the one running); resolves when it has finished. */
  retrain(assignments: readonly IntentAssignment[]): Promise<TrainingState> {
    if (this.running) return this.running;
    const now = this.options.now ?? Date.now;
    this.stateNow = { status: 'training', fraction: 0, startedAt: new Date(now()).toISOString(), assignments: assignments.length };
    this.running = this.train(assignments)
      .then(async (done) => {
        await this.install();
        return (this.stateNow = { status: 'done', finishedAt: new Date(now()).toISOString(), assignments: assignments.length, ...done });
      })
      .catch((err: unknown) => (this.stateNow = { status: 'failed', finishedAt: new Date(now()).toISOString(), error: err instanceof Error ? err.message : String(err) }))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private train(assignments: readonly IntentAssignment[]): Promise<{ examples: number; heldOutAccuracy: number }> {
    const next = path.join(this.options.dir, 'next');
    fs.rmSync(next, { recursive: true, force: true });
    const worker = startWorker({
      outDir: next,
      assignments: assignments.map(({ text, intent, locale }) => ({ text, intent, locale })),
      weight: ASSIGNMENT_WEIGHT,
      ...(this.options.epochs ? { epochs: this.options.epochs } : {}),
      ...(this.options.base ? { base: this.options.base } : {}),
    });
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

  /** Moves `next/` to `current/` and loads it into the live NLU. */
  private async install(): Promise<void> {
    const current = path.join(this.options.dir, 'current');
    const loaded = await loadNlu(path.join(this.options.dir, 'next'), { catalog: [...this.options.catalog()] });
    fs.rmSync(current, { recursive: true, force: true });
    fs.renameSync(path.join(this.options.dir, 'next'), current);
    this.nlu.swap(loaded);
  }
}
