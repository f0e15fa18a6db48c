import {
  CommandSchemas,
  type CommandAck,
  type CommandEnvelope,
  type CommandPayload,
  type CommandResult,
  type CommandType,
  type ErrorCode,
} from '../../shared/protocol';

/** The SMS refused a command; `code` is the protocol's error code. */
export class CommandRefusedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CommandRefusedError';
  }
}

/** How a command reaches the SMS (the live connection, or an outbox in front of it). */
export interface CommandTransport {
  sendCommand(command: CommandEnvelope, timeoutMs?: number): Promise<CommandAck>;
}

/**
 * Sends typed commands and returns their typed results. `transport` is the way it sends, for
 * the outbox, which must control command ids itself (a retry reuses the first id).
 */
export type SendCommand = (<T extends CommandType>(
  type: T,
  payload: CommandPayload<T>,
) => Promise<CommandResult<T>>) & {
  readonly transport?: CommandTransport;
};

/** A fresh client-generated command id (a retry must reuse it). */
export function newCommandId(): string {
  return crypto.randomUUID();
}

/**
 * Turns an acknowledgement into the command's result, validated against the command's result
 * schema, or a `CommandRefusedError`.
 */
export function resultOf<T extends CommandType>(type: T, ack: CommandAck): CommandResult<T> {
  if (!ack.ok) throw new CommandRefusedError(ack.error.code, ack.error.message);
  return CommandSchemas[type].result.parse(ack.result) as CommandResult<T>;
}

/** A `SendCommand` over a transport: one new id per call. */
export function createSendCommand(transport: CommandTransport): SendCommand {
  const send = async <T extends CommandType>(type: T, payload: CommandPayload<T>): Promise<CommandResult<T>> => {
    const ack = await transport.sendCommand({ id: newCommandId(), type, payload });
    return resultOf(type, ack);
  };
  return Object.assign(send, { transport });
}
