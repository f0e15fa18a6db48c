import type { CommandPayload, CommandResult, CommandType } from '../../shared/protocol';
import type { SendCommand } from './commandClient';
import { mayWait, type DirectCommandType, type QueuedCommandType } from './delivery';
import type { Outbox } from './outbox';

/**
 * The window's one way to send a command; `DELIVERY` picks the path, never the caller. A
 * command that may wait needs the words that show it under Pending actions.
 */
export interface RoutedSend {
  <T extends QueuedCommandType>(type: T, payload: CommandPayload<T>, label: string): Promise<CommandResult<T>>;
  <T extends DirectCommandType>(type: T, payload: CommandPayload<T>): Promise<CommandResult<T>>;
}

/**
 * Routes each command by `DELIVERY` (delivery.ts): through the outbox (opened on first use, see
 * `CommandsProvider`) or straight to the SMS with `direct`.
 */
export function routeCommands(direct: SendCommand, outbox: () => Outbox): RoutedSend {
  return (<T extends CommandType>(type: T, payload: CommandPayload<T>, label?: string) =>
    mayWait(type)
      ? outbox().send(type, payload as CommandPayload<typeof type>, label ?? type)
      : direct(type, payload)) as RoutedSend;
}
