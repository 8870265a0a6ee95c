import fs from 'node:fs';
import { z } from 'zod';
import { openStore } from '../../store';
import { NEW_USER_SCHEMA, createUser } from '../auth';
import { loadConfig } from '../config';
import { CliError, parseOptions, type CliCommand, type CliIo } from './command';

/** Reads the password when no file is given (the default reads all of stdin). */
export type PasswordReader = () => Promise<string>;

function readProcessStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    if (process.stdin.isTTY) {
      reject(new CliError('pipe the password on stdin (e.g. `printf %s "$PW" | shopkeep agent add ...`) or pass --password-file', 2));
      return;
    }
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

const list = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

const OPTIONS = z.object({
  email: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(['agent', 'manager']),
  languages: list.optional(),
  teams: list.optional(),
  capacity: z.coerce.number().int().min(0).max(50).optional(),
  'password-file': z.string().min(1).optional(),
  db: z.string().min(1).optional(),
});

/** The first line of the password source: trailing newlines from `echo` or editors are not part of it. */
function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * `shopkeep agent add`: creates a console user (agent or manager) with a scrypt-hashed password
 * read from a file or stdin, never from the command line (where `ps` and shell history see it).
 */
export function agentAddCommand(readPassword: PasswordReader = readProcessStdin): CliCommand {
  return {
    path: ['agent', 'add'],
    summary: 'add a console user (agent or manager); the password comes from --password-file or stdin',
    usage: '--email E --name N --role agent|manager [--languages en,zh] [--teams general,billing] [--capacity 3] [--password-file F] [--db FILE]',
    async run(argv: string[], io: CliIo): Promise<void> {
      const spec = { type: 'string' } as const;
      const opts = parseOptions(
        argv,
        { email: spec, name: spec, role: spec, languages: spec, teams: spec, capacity: spec, 'password-file': spec, db: spec },
        OPTIONS,
      );
      const source = opts['password-file'];
      const password = firstLine(source ? fs.readFileSync(source, 'utf8') : await readPassword());
      const input = { email: opts.email, name: opts.name, role: opts.role, password, languages: opts.languages, teams: opts.teams, capacity: opts.capacity };
      const parsed = NEW_USER_SCHEMA.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new CliError(`${issue?.path.join('.') === 'password' ? 'password' : `--${String(issue?.path[0] ?? 'arguments')}`}: ${issue?.message ?? 'invalid'}`, 2);
      }
      const store = openStore({ file: opts.db ?? loadConfig().SHOPKEEP_DB });
      try {
        const user = await createUser(store, parsed.data);
        io.stdout(`added ${user.role} ${user.name} <${user.email}> (languages ${user.languages.join(', ')}; teams ${user.teams.join(', ')}; capacity ${user.capacity})\n`);
      } catch (err) {
        throw new CliError((err as Error).message);
      } finally {
        store.close();
      }
    },
  };
}

/** The console users' commands. */
export const AGENT_COMMANDS: readonly CliCommand[] = [agentAddCommand()];
