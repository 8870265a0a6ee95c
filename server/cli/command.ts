import { parseArgs } from 'node:util';
import { z } from 'zod';

/** A user-facing CLI failure: printed as one line, exit code 1 (2 for usage errors). */
export class CliError extends Error {
  /** @param exitCode process exit code, @default 1 */
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}

/** Where a command writes: injected so tests capture output instead of touching the terminal. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (progress bars redraw in place only then). */
  isTty: boolean;
}

/** One `shopkeep <group> <verb>` command. */
export interface CliCommand {
  /** Words after `shopkeep`, e.g. `['nlu', 'train']`. */
  path: readonly string[];
  summary: string;
  /** Usage line shown on `--help` and on bad input, e.g. `--data FILE --out DIR`. */
  usage: string;
  run(argv: string[], io: CliIo): Promise<void>;
}

/** Option types understood by {@link parseOptions}: all flags take a value except booleans. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/**
 * Parses `--flag value` options and validates them with a zod schema, so every command fails
 * with one readable line on bad input.
 *
 * @example
 * const opts = parseOptions(argv, { data: { type: 'string' } }, z.object({ data: z.string() }));
 */
export function parseOptions<S extends z.ZodType>(argv: string[], spec: OptionSpec, schema: S): z.infer<S> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new CliError((err as Error).message.split('\n')[0] ?? 'bad arguments', 2);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `--${issue.path.join('.')}` : 'arguments';
    throw new CliError(`${where}: ${issue?.message ?? 'invalid'}`, 2);
  }
  return parsed.data;
}
