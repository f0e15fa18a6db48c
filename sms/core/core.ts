import {
  ENTITY_KINDS,
  type CommandAck,
  type CommandPayload,
  type CommandResult,
  type CommandType,
  type EntityKindTable,
  type EventEnvelope,
  type KindName,
  type Snapshot,
} from '../../shared/protocol';
import type { AuditQuery, Commit, NewAuditRecord, SettledRecord, Storage } from '../storage/storage';
import { Archiver, archivedMessage, DEFAULT_ARCHIVE_AFTER_MS, settledChanges } from './archive';
import { Draft } from './draft';
import { Journal, type JournalRange } from './journal';
import { silentLogger, type Logger } from './log';
import { prepareCommand, type CommandRules } from './pipeline';
import { SYSTEM_ACTOR, type Actor, type DescribePlace, type SmsCore } from './ports';
import { createProducers } from './producers';
import { Publisher } from './publisher';
import { JournalPruner } from './pruning';
import { RecordState } from './recordState';
import { auditOf, createSubmit } from './submission';

export type { JournalRange } from './journal';

/** Options of `createCore`. */
export interface CoreOptions {
  storage: Storage;
  /** The command handlers and who may run them (sms/commands/commandRules.ts). */
  commands: CommandRules;
  /** The kinds of record (default: the protocol's; tests may add throw-away kinds). */
  kinds?: EntityKindTable;
  /** The SMS clock, ms since the epoch (default `Date.now`). */
  clock?: () => number;
  /** Newest journal events to keep (default 500,000); older ones are pruned in the background. */
  journalRetention?: number;
  logger?: Logger;
  /** Street address and ward of a point, to complete locations that arrive without them. */
  describePlace?: DescribePlace;
  /**
   * How long after its latest change a closed incident or a handled alert leaves the live state
   * (default 8 h, on the SMS clock); it stays in storage (sms/core/archive.ts).
   */
  archiveAfterMs?: number;
  /** Wall-clock ms between looks for records to archive (default 1 s). */
  archivePollMs?: number;
}

/** The core as the SMS's own transports see it: `SmsCore` plus the operator-facing entry points. */
export interface SmsCoreService extends SmsCore {
  /** Runs an operator's command from the wire (any shape): validation, role, idempotency, audit. Never throws. */
  submit(command: unknown, actor: Actor): CommandAck;
  /** The whole current state and the seq it reflects. */
  snapshot(): Snapshot;
  /** Journal events after `afterSeq`, oldest first, at most `limit`. */
  readEvents(afterSeq: number, limit: number): EventEnvelope[];
  journalRange(): JournalRange;
  /** Appends audit records that go with no state change (logins, camera views). */
  audit(records: readonly NewAuditRecord[]): void;
  /** Prunes the journal down to its retention now (normally done in the background); returns rows deleted. */
  pruneJournal(): number;
  /** Archives every record due now (normally done in the background); returns how many were due. */
  archiveDue(): number;
  /** Stops background work and closes the store. */
  close(): void;
}

/**
 * Loads the state from `storage` and returns the running core. It only composes: records in
 * memory (recordState), the journal and its publishing (journal, publisher), retention
 * (pruning), the one command pipeline (pipeline) with idempotency and audit (submission), and
 * in-process producers (producers).
 */
export function createCore(opts: CoreOptions): SmsCoreService {
  const { storage, commands } = opts;
  const kinds: EntityKindTable = opts.kinds ?? ENTITY_KINDS;
  const clock = opts.clock ?? Date.now;
  const log = opts.logger ?? silentLogger;
  const describePlace = opts.describePlace ?? (() => ({}));

  const loaded = storage.load();
  const state = new RecordState(kinds, loaded.records);
  const maps = state.bySnapshotKey();
  const counters = new Map(Object.entries(loaded.counters));
  const publisher = new Publisher(log);
  const journal = new Journal(storage, publisher, loaded.seq, () => pruner.maybeSchedule());
  const pruner = new JournalPruner(journal, storage, clock, log, opts.journalRetention);
  let closed = false;

  const assertOpen = () => {
    if (closed) throw new Error('The SMS core is closed.');
  };
  const queryAudit = (query: AuditQuery) => storage.queryAudit(query);
  const archiveAfterMs = Math.max(0, opts.archiveAfterMs ?? DEFAULT_ARCHIVE_AFTER_MS);
  const archived = (kind: KindName, id: string): string | undefined => {
    const spec = kinds[kind];
    if (!spec?.archives) return undefined;
    const record = storage.findArchived(kind, id);
    return record === undefined
      ? undefined
      : archivedMessage(kind, record, archiveAfterMs, `/api/history/${spec.snapshotKey}`);
  };
  const newDraft = (actor: Actor) =>
    new Draft(kinds, state.byKind, counters, clock(), actor, describePlace, queryAudit, archived);
  /**
   * Persists a draft (plus a command answer, audit, and archive clocks of records no longer live)
   * in one transaction, then updates memory and publishes.
   */
  const commit = (draft: Draft, extra: Pick<Commit, 'command' | 'audit' | 'settled'>) => {
    const records = draft.records();
    const changed = draft.changedCounters();
    const settled = [...settledChanges(kinds, state.byKind, records, draft.now), ...(extra.settled ?? [])];
    const rest = { ...extra, records, counters: changed, ...(settled.length > 0 ? { settled } : {}) };
    journal.append(draft.events(), draft.now, rest, () => {
      for (const [k, v] of Object.entries(changed)) counters.set(k, v);
      state.apply(records);
    });
  };
  const prepare = (type: string, payload: unknown, actor: Actor) =>
    prepareCommand(commands, newDraft, type, payload, actor);
  const producers = createProducers({ kinds, storage, state, units: maps.units, journal, clock, newDraft, commit });
  const submit = createSubmit({ storage, clock, log, prepare, commit });
  const open =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      assertOpen();
      return f(...args);
    };

  const archiver = new Archiver({
    storage,
    clock,
    afterMs: archiveAfterMs,
    log,
    ...(opts.archivePollMs === undefined ? {} : { pollMs: opts.archivePollMs }),
    archive(due) {
      const draft = newDraft(SYSTEM_ACTOR);
      // A clock whose record is no longer live (it cannot be, but a clock must never stay due for ever) is cleared.
      const stale: SettledRecord[] = [];
      for (const { kind, id } of due) {
        if (draft.find(kind, id) === undefined) stale.push({ kind, id, at: null });
        else draft.remove(kind, id);
      }
      commit(draft, { settled: stale });
    },
  });

  pruner.maybeSchedule();
  archiver.start();

  return {
    ...maps,
    get seq() {
      return journal.seq;
    },
    now: clock,
    execute<T extends CommandType>(type: T, payload: CommandPayload<T>, actor: Actor): CommandResult<T> {
      assertOpen();
      const prepared = prepare(type, payload, actor);
      commit(prepared.draft, { audit: [auditOf(prepared.draft.now, actor, prepared)] });
      return prepared.result as CommandResult<T>;
    },
    submit,
    moveUnits: open(producers.moveUnits),
    raiseAlert: open(producers.raiseAlert),
    update: open(producers.update) as SmsCore['update'],
    seed: open(producers.seed),
    subscribe: (listener) => publisher.subscribe(listener),
    snapshot: () => ({ seq: journal.seq, ...state.lists() }),
    readEvents: (afterSeq, limit) => journal.read(afterSeq, limit),
    journalRange: () => journal.range(),
    audit: (records) => storage.appendAudit(records),
    pruneJournal: () => pruner.pruneAll(),
    archiveDue: () => archiver.runAll(),
    close() {
      if (closed) return;
      publisher.flush();
      if (producers.positionRows.pending)
        storage.commit({ events: [], records: { put: { unit: producers.positionRows.take(clock()) } } });
      closed = true;
      pruner.stop();
      archiver.stop();
      publisher.clear();
      storage.close();
    },
  };
}
