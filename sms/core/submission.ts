import { CommandEnvelopeSchema, type CommandAck, type ErrorCode } from '../../shared/protocol';
import type { Commit, NewAuditRecord, Storage, StoredCommand } from '../storage/storage';
import { auditRecord, reasonOf } from './audit';
import type { Draft } from './draft';
import { describeIssues } from './issues';
import type { Logger } from './log';
import type { Prepared } from './pipeline';
import { CommandFailure, type Actor } from './ports';

/** Largest command payload accepted, as JSON bytes. */
export const MAX_COMMAND_PAYLOAD_BYTES = 64 * 1024;

/** Answers a command id whose first answer was one of these gets again on retry; the others are transient. */
const RECORDED_REFUSALS: ReadonlySet<ErrorCode> = new Set(['invalid', 'not_found', 'conflict']);

type Refusal = Exclude<ErrorCode, 'internal'>;

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
    command: { id?: string; payload?: unknown },
    code: Refusal,
    message: string,
  ): CommandAck => {
    const ack: CommandAck = { ok: false, error: { code, message } };
    const at = clock();
    const audit = [auditRecord(at, actor, type, command.payload, undefined, code, message)];
    if (command.id !== undefined && RECORDED_REFUSALS.has(code)) {
      storage.commit({ command: { id: command.id, userId: actor.userId, type, ack, at }, audit });
    } else {
      storage.appendAudit(audit);
    }
    return ack;
  };

  const replayed = (first: StoredCommand, actor: Actor, type: string, payload: unknown): CommandAck => {
    if (first.userId !== actor.userId) {
      // Another operator's id: never disclose their answer.
      return refuse(actor, type, { payload }, 'conflict', 'This command id was already used by another session.');
    }
    const result = first.ack.ok ? 'ok' : first.ack.error.code;
    storage.appendAudit([auditRecord(clock(), actor, first.type, payload, undefined, result, 'retry')]);
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
      if (jsonBytes(payload) > MAX_COMMAND_PAYLOAD_BYTES) {
        return refuse(actor, type, {}, 'invalid', `Payload larger than ${MAX_COMMAND_PAYLOAD_BYTES} bytes.`);
      }
      const first = storage.findCommand(id);
      if (first) return replayed(first, actor, type, payload);
      let prepared: Prepared;
      try {
        prepared = deps.prepare(type, payload, actor);
      } catch (e) {
        if (e instanceof CommandFailure) return refuse(actor, type, { id, payload }, e.code, e.message);
        throw e;
      }
      const { draft, result } = prepared;
      const ack = { ok: true, result } as CommandAck;
      deps.commit(draft, {
        command: { id, userId: actor.userId, type, ack, at: draft.now },
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

/** The audit record of a command that ran. */
export function auditOf(at: number, actor: Actor, prepared: Prepared): NewAuditRecord {
  const { type, payload, result } = prepared;
  return auditRecord(at, actor, type, payload, result, 'ok', reasonOf(payload));
}

function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : Buffer.byteLength(json);
}
