import { CliError, type CliCommand, type CliIo } from './cli/command';
import { CLI_COMMANDS } from './cli/commands';

const PROCESS_IO: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stderr.isTTY),
};

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | undefined {
  let best: { command: CliCommand; rest: string[] } | undefined;
  for (const command of CLI_COMMANDS) {
    const matches = command.path.every((word, i) => argv[i] === word);
    if (matches && (!best || command.path.length > best.command.path.length)) {
      best = { command, rest: argv.slice(command.path.length) };
    }
  }
  return best;
}

function helpText(): string {
  const lines = CLI_COMMANDS.map((c) => `  shopkeep ${c.path.join(' ')} ${c.usage}\n      ${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n`;
}

/**
 * Runs the CLI and resolves to the process exit code. Errors become one line on stderr.
 *
 * @example
 * main(['nlu', 'predict', '--in', 'texts.txt', '--out', 'preds.jsonl']);
 */
export async function main(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.stdout(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr(`shopkeep: unknown command "${argv.join(' ')}"; try \`shopkeep --help\`\n`);
    return 2;
  }
  if (found.rest.includes('--help')) {
    io.stdout(`shopkeep ${found.command.path.join(' ')} ${found.command.usage}\n  ${found.command.summary}\n`);
    return 0;
  }
  try {
    await found.command.run(found.rest, io);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`shopkeep ${found.command.path.join(' ')}: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr(`shopkeep ${found.command.path.join(' ')}: ${(err as Error).message ?? String(err)}\n`);
    return 1;
  }
}
