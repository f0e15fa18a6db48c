import { z } from 'zod';
import type { CommandAck } from './commands';
import type { EventEnvelope } from './events';

/**
 * socket.io handshake `auth`: the session token and, to resume, the last `seq` applied. Strict:
 * a misspelt `since` would otherwise connect without a replay and the client would miss events.
 */
export const HandshakeAuthSchema = z.strictObject({
  token: z.string().min(1).max(4_096),
  since: z.number().int().nonnegative().optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;

/** Sent instead of a replay when the journal no longer reaches back to `since`: reload the snapshot. */
export const ResyncSchema = z.object({
  reason: z.enum(['journal_truncated', 'ahead_of_journal']),
  requestedSince: z.number().int().nonnegative(),
  oldestSeq: z.number().int().nonnegative(),
  latestSeq: z.number().int().nonnegative(),
});
export type Resync = z.infer<typeof ResyncSchema>;

/** Sent once the replay after `since` is complete: every later `event` is live. */
export const ReadySchema = z.object({ seq: z.number().int().nonnegative(), replayed: z.number().int().nonnegative() });
export type Ready = z.infer<typeof ReadySchema>;

/** `connect_error` message for a missing, forged or expired token (fixed by contract). */
export const UNAUTHORIZED = 'unauthorized';

/** socket.io events the SMS sends. */
export interface ServerToClientEvents {
  event: (event: EventEnvelope) => void;
  resync: (resync: Resync) => void;
  ready: (ready: Ready) => void;
}

/** socket.io events a client sends. The command body is validated by the SMS from `unknown`. */
export interface ClientToServerEvents {
  command: (command: unknown, ack: (ack: CommandAck) => void) => void;
}
