import type { CommandPayload, CommandResult, CommandType } from '../../shared/protocol';
import type { Draft } from '../core/draft';

/** Applies one command to a draft: stages the changes and returns the result, or throws `CommandFailure`. */
export type CommandHandler<T extends CommandType> = (d: Draft, payload: CommandPayload<T>) => CommandResult<T>;
