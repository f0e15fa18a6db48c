import { CommandEnvelopeSchema, type CommandAck, type ErrorCode } from '../../shared/protocol';
import type { Commit, NewAuditRecord, Storage, StoredCommand } from '../storage/storage';
import { auditRecord, reasonOf } from './audit';
import type { Draft } from './draft';
import { payloadFingerprint } from './fingerprint';
import { describeIssues } from './issues';
import type { Logger } from './log';
import type { Prepared } from './pipeline';
import { CommandFailure, type Actor } from './ports';

/** Largest command payload accepted, as JSON bytes. */
export const MAX_COMMAND_PAYLOAD_BYTES = 64 * 1024;

/**
 * Deepest nesting of arrays and objects a command payload may have. The deepest real payload
 * (an overlay's ring, a preset's tile tours) has 5 levels; without a bound, a payload of 100,000
 * nested arrays (200 kB on the wire) overflowed the stack of every recursive step after it.
 */
export const MAX_COMMAND_PAYLOAD_DEPTH = 32;

/** Answers a command id whose first answer was one of these gets again on retry; the others are transient. */
const RECORDED_REFUSALS: ReadonlySet<ErrorCode> = new Set(['invalid', 'not_found', 'conflict']);

type Refusal = Exclude<ErrorCode, 'internal'>;

/** The answer to a command id sent again for another command (another type or payload). */
export const REUSED_ID_MESSAGE = 'This command id was already used for a different command.';

export interface SubmissionDeps {
  storage: Storage;
  clock: () => number;
  log: Logger;
  /** The command pipeline (sms/core/pipeline.ts). */
  prepare(type: string, payload: unknown, actor: Actor): Prepared;
  /** Commits a prepared draft with its answer and audit in one transaction. */
  commit(draft: Draft, extra: Pick<Commit, 'command' | 'audit'>): void;
}

/**
 * An operator's command from the wire (any shape): envelope, size, idempotency by command id
 * (a retry gets the first answer and acts once, across restarts), the pipeline, then one
 * transaction with the answer and the audit. Never throws: a failure answers `internal`.
 *
 * An id is one command: the first answer is kept with its user, type and payload fingerprint.
 * The same id again with all three the same is a retry: the first answer, nothing run, and an
 * audit record of result `retry` naming the first outcome (never `ok`, which would read as a
 * second run: the HLS gate trusts `ok` view records). Any other command under a used id is
 * refused `conflict`. An answer stored before fingerprints were kept (no hash) is returned for
 * the same user and type whatever the payload, as before, and is forgotten with the other old
 * ids (sms/core/pruning.ts): nothing runs either way, and its retry record says the payload was
 * not compared.
 */
export function createSubmit(deps: SubmissionDeps): (raw: unknown, actor: Actor) => CommandAck {
  const { storage, clock, log } = deps;

  /**
   * Answers a refusal and audits it. Refusals that depend only on the command and the state
   * (`invalid`, `not_found`, `conflict`) are kept under the command id, so a retry gets the same
   * answer; `forbidden` and the like are not, so they never pin an id.
   */
  const refuse = (
    actor: Actor,
    type: string,
    command: { id?: string; payloadHash?: string; payload?: unknown },
    code: Refusal,
    message: string,
  ): CommandAck => {
    const ack: CommandAck = { ok: false, error: { code, message } };
    const at = clock();
    const audit = [auditRecord(at, actor, type, command.payload, undefined, code, message)];
    if (command.id !== undefined && command.payloadHash !== undefined && RECORDED_REFUSALS.has(code)) {
      const { id, payloadHash } = command;
      storage.commit({ command: { id, userId: actor.userId, type, ack, at, payloadHash }, audit });
    } else {
      storage.appendAudit(audit);
    }
    return ack;
  };

  const replayed = (first: StoredCommand, actor: Actor, type: string, payload: unknown, hash: string): CommandAck => {
    if (first.userId !== actor.userId) {
      // Another operator's id: never disclose their answer.
      return refuse(actor, type, { payload }, 'conflict', 'This command id was already used by another session.');
    }
    if (first.type !== type || (first.payloadHash !== null && first.payloadHash !== hash)) {
      return refuse(actor, type, { payload }, 'conflict', REUSED_ID_MESSAGE);
    }
    storage.appendAudit([retryRecord(clock(), actor, first, first.payloadHash === null ? undefined : payload)]);
    return first.ack;
  };

  return (raw, actor) => {
    let type = 'command';
    try {
      const envelope = CommandEnvelopeSchema.safeParse(raw);
      if (!envelope.success) {
        return refuse(actor, type, {}, 'invalid', `Malformed command: ${describeIssues(envelope.error)}`);
      }
      const { id, payload } = envelope.data;
      type = envelope.data.type;
      // Depth first: measuring the size (JSON.stringify), the fingerprint and the schema all recurse.
      if (deeperThan(payload, MAX_COMMAND_PAYLOAD_DEPTH)) {
        return refuse(
          actor,
          type,
          {},
          'invalid',
          `payload: nested deeper than ${MAX_COMMAND_PAYLOAD_DEPTH} levels of arrays and objects.`,
        );
      }
      if (jsonBytes(payload) > MAX_COMMAND_PAYLOAD_BYTES) {
        return refuse(actor, type, {}, 'invalid', `Payload larger than ${MAX_COMMAND_PAYLOAD_BYTES} bytes.`);
      }
      const payloadHash = payloadFingerprint(payload);
      const first = storage.findCommand(id);
      if (first) return replayed(first, actor, type, payload, payloadHash);
      let prepared: Prepared;
      try {
        prepared = deps.prepare(type, payload, actor);
      } catch (e) {
        if (e instanceof CommandFailure) return refuse(actor, type, { id, payloadHash, payload }, e.code, e.message);
        throw e;
      }
      const { draft, result } = prepared;
      const ack = { ok: true, result } as CommandAck;
      deps.commit(draft, {
        command: { id, userId: actor.userId, type, ack, at: draft.now, payloadHash },
        audit: [auditOf(draft.now, actor, prepared)],
      });
      return ack;
    } catch (e) {
      log.error(`command ${type} by ${actor.username} failed`, e);
      const message = 'The SMS could not run this command; nothing was changed.';
      try {
        storage.appendAudit([auditRecord(clock(), actor, type, undefined, undefined, 'internal', message)]);
      } catch (auditError) {
        log.error('audit write failed', auditError);
      }
      return { ok: false, error: { code: 'internal', message } };
    }
  };
}

/**
 * The audit record of a retry: what was retried (the first command's type, and its target when
 * the payload is known to be the first one) and how that first command ended, never its reason
 * or payload again, so nothing reads it as a command that ran.
 */
function retryRecord(at: number, actor: Actor, first: StoredCommand, samePayload: unknown): NewAuditRecord {
  const firstResult = first.ack.ok ? 'ok' : first.ack.error.code;
  const firstAnswer = first.ack.ok ? first.ack.result : undefined;
  return {
    ...auditRecord(at, actor, first.type, samePayload, firstAnswer, 'retry', null),
    detail: JSON.stringify({
      commandId: first.id,
      firstResult,
      firstAt: new Date(first.at).toISOString(),
      payloadCompared: first.payloadHash !== null,
    }),
  };
}

/**
 * The audit record of a command that ran: its payload, with the ids the command created first
 * (a view's `viewId`, which `camera.viewEnd` names and the HLS gate pairs them by).
 */
export function auditOf(at: number, actor: Actor, prepared: Prepared): NewAuditRecord {
  const { type, payload, result } = prepared;
  return auditRecord(
    at,
    actor,
    type,
    { ...createdIds(payload, result), ...asObject(payload) },
    result,
    'ok',
    reasonOf(payload),
  );
}

/** The top-level `…Id` strings of a result that its payload did not name: the ids the command made. */
function createdIds(payload: unknown, result: unknown): Record<string, string> {
  const named = asObject(payload);
  return Object.fromEntries(
    Object.entries(asObject(result)).filter(
      (entry): entry is [string, string] =>
        entry[0].endsWith('Id') && typeof entry[1] === 'string' && !Object.hasOwn(named, entry[0]),
    ),
  );
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Whether arrays and objects nest more than `max` levels in `value`, found without recursion (a
 * stack of its own) and stopping at the first too deep. Visits each node once: linear in the
 * message, which socket.io has already bounded in size.
 */
function deeperThan(value: unknown, max: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, depth } = top;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : Buffer.byteLength(json);
}
