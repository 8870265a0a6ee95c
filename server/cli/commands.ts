import type { CliCommand } from './command';

/**
 * Every CLI command. Each feature registers its commands in its own file under `server/cli/`
 * and adds them here.
 */
export const CLI_COMMANDS: readonly CliCommand[] = [];
