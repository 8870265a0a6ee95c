import { AGENT_COMMANDS } from './agent-commands';
import type { CliCommand } from './command';
import { DEMO_COMMANDS } from './demo-commands';
import { PRIVACY_COMMANDS } from './privacy-commands';
import { PROPENSITY_COMMANDS } from './propensity-commands';
import { ENCODER_COMMANDS } from './encoder-commands';
import { IMPORT_COMMANDS } from './import-commands';
import { NLU_COMMANDS } from './nlu-commands';
import { RECOMMEND_COMMANDS } from './recommend-commands';
import { WEBHOOK_COMMANDS } from './webhook-commands';

/**
 * Every CLI command. Each feature registers its commands in its own file under `server/cli/`
 * and adds them here.
 */
export const CLI_COMMANDS: readonly CliCommand[] = [...ENCODER_COMMANDS, ...PROPENSITY_COMMANDS, ...NLU_COMMANDS, ...DEMO_COMMANDS, ...RECOMMEND_COMMANDS, ...AGENT_COMMANDS, ...IMPORT_COMMANDS, ...PRIVACY_COMMANDS, ...WEBHOOK_COMMANDS];
