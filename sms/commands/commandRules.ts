import type { CommandRules } from '../core/pipeline';
import { mayRun } from './permissions';
import { COMMAND_HANDLERS } from './registry';

/** The SMS's command rules as the core takes them: every handler, and who may run each command. */
export const SMS_COMMANDS: CommandRules = { handlers: COMMAND_HANDLERS, mayRun };
