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

/** Sends a typed command now, with a fresh id, and returns its typed result. */
export type SendCommand = <T extends CommandType>(type: T, payload: CommandPayload<T>) => Promise<CommandResult<T>>;

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
  return async (type, payload) => resultOf(type, await transport.sendCommand({ id: newCommandId(), type, payload }));
}
