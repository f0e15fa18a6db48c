import {
  AlertSchema,
  CameraSchema,
  CommandEnvelopeSchema,
  CommandSchemas,
  ServicePointSchema,
  UnitPositionSchema,
  UnitSchema,
  type Alert,
  type Camera,
  type CommandAck,
  type CommandPayload,
  type CommandResult,
  type CommandType,
  type ErrorCode,
  type EventEnvelope,
  type Incident,
  type MapOverlay,
  type ServicePoint,
  type Snapshot,
  type Unit,
  type UnitPosition,
  type Wall,
  type WallPreset,
} from '../../shared/protocol';
import { mayRun } from '../commands/permissions';
import { COMMAND_HANDLERS } from '../commands/registry';
import type { Commit, NewAuditRecord, Storage, StoredCommand } from '../storage/storage';
import { Draft, type PendingEvent } from './draft';
import { describeIssues } from './issues';
import { silentLogger, type Logger } from './log';
import { CommandFailure, type Actor, type DescribePlace, type NewAlert, type SeedWorld, type SmsCore } from './ports';
import { entityId } from '../commands/incidentRecords';

/** Largest command payload accepted, as JSON bytes. */
export const MAX_COMMAND_PAYLOAD_BYTES = 64 * 1024;
/** Journal events kept by default: about a week of a busy room plus a simulator. */
export const DEFAULT_JOURNAL_RETENTION = 500_000;
/** How long a command id is remembered: far longer than any client retries. */
const COMMAND_ID_TTL_MS = 30 * 24 * 3_600_000;
/** Journal rows deleted per background step, so that pruning never blocks the loop for long. */
const PRUNE_CHUNK = 5_000;
/** How often unit rows take the positions reported since (the journal has every report). */
const POSITION_ROWS_MS = 5_000;

/** Options of `createCore`. */
export interface CoreOptions {
  storage: Storage;
  /** The SMS clock, ms since the epoch (default `Date.now`). */
  clock?: () => number;
  /** Newest journal events to keep (default 500,000); older ones are pruned in the background. */
  journalRetention?: number;
  logger?: Logger;
  /** Street address and ward of a point, to complete locations that arrive without them. */
  describePlace?: DescribePlace;
}

/** The journal positions a resuming client can be served from. */
export interface JournalRange {
  /** Oldest seq still journaled (latest + 1 when the journal is empty). */
  oldest: number;
  latest: number;
}

/** The core as the SMS's own transports see it: `SmsCore` plus the operator-facing entry points. */
export interface SmsCoreService extends SmsCore {
  /** Video walls by id (not part of `StateReader`: only the wall feature reads them). */
  readonly walls: ReadonlyMap<string, Wall>;
  /** Wall presets by id, every user's and every role's. */
  readonly wallPresets: ReadonlyMap<string, WallPreset>;
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
  /** Stops background work and closes the store. */
  close(): void;
}

type Refusal = Exclude<ErrorCode, 'internal'>;

/** Answers a command id whose first answer was one of these gets again on retry; the others are transient. */
const RECORDED_REFUSALS: ReadonlySet<ErrorCode> = new Set(['invalid', 'not_found', 'conflict']);

class Core implements SmsCoreService {
  readonly incidents = new Map<string, Incident>();
  readonly units = new Map<string, Unit>();
  readonly cameras = new Map<string, Camera>();
  readonly alerts = new Map<string, Alert>();
  readonly servicePoints = new Map<string, ServicePoint>();
  readonly walls = new Map<string, Wall>();
  readonly overlays = new Map<string, MapOverlay>();
  readonly wallPresets = new Map<string, WallPreset>();
  private currentSeq: number;
  private oldestSeq: number | null;
  private readonly counters: Map<string, number>;
  private readonly listeners = new Set<(event: EventEnvelope) => void>();
  private readonly publishQueue: EventEnvelope[] = [];
  private publishing = false;
  private pruneTimer: NodeJS.Immediate | null = null;
  private lastCommandPrune = Number.NEGATIVE_INFINITY;
  private closed = false;
  /** Units whose position changed since their rows were last written (see moveUnits). */
  private readonly positionsToWrite = new Set<string>();
  private positionsWrittenAt = 0;
  private readonly clock: () => number;
  private readonly describePlace: DescribePlace;
  private readonly retention: number;
  private readonly pruneSlack: number;
  private readonly log: Logger;

  constructor(
    private readonly storage: Storage,
    opts: CoreOptions,
  ) {
    this.clock = opts.clock ?? Date.now;
    this.describePlace = opts.describePlace ?? (() => ({}));
    this.retention = Math.max(1, Math.floor(opts.journalRetention ?? DEFAULT_JOURNAL_RETENTION));
    this.pruneSlack = Math.min(1_000, Math.ceil(this.retention / 100));
    this.log = opts.logger ?? silentLogger;
    const loaded = storage.load();
    for (const x of loaded.incidents) this.incidents.set(x.id, x);
    for (const x of loaded.units) this.units.set(x.id, x);
    for (const x of loaded.cameras) this.cameras.set(x.id, x);
    for (const x of loaded.alerts) this.alerts.set(x.id, x);
    for (const x of loaded.servicePoints) this.servicePoints.set(x.id, x);
    for (const x of loaded.walls) this.walls.set(x.id, x);
    for (const x of loaded.overlays) this.overlays.set(x.id, x);
    for (const x of loaded.wallPresets) this.wallPresets.set(x.id, x);
    this.counters = new Map(Object.entries(loaded.counters));
    this.currentSeq = loaded.seq;
    this.oldestSeq = storage.oldestSeq();
    this.maybeSchedulePrune();
  }

  get seq(): number {
    return this.currentSeq;
  }

  now(): number {
    return this.clock();
  }

  // ---------- commands ----------

  execute<T extends CommandType>(type: T, payload: CommandPayload<T>, actor: Actor): CommandResult<T> {
    this.assertOpen();
    if (!mayRun(actor, type)) throw new CommandFailure('forbidden', `A ${actor.role} may not run ${type}.`);
    const parsed = CommandSchemas[type].payload.safeParse(payload);
    if (!parsed.success) throw new CommandFailure('invalid', `Invalid ${type}: ${describeIssues(parsed.error)}`);
    const draft = this.draft(actor);
    const result = COMMAND_HANDLERS[type](draft, parsed.data as CommandPayload<T>);
    const audit = this.auditOf(draft.now, actor, type, parsed.data, result, 'ok', reasonOf(parsed.data));
    this.commit(draft, { audit: [audit] });
    return result;
  }

  submit(raw: unknown, actor: Actor): CommandAck {
    let type = 'command';
    try {
      const envelope = CommandEnvelopeSchema.safeParse(raw);
      if (!envelope.success) {
        return this.refuse(actor, type, {}, 'invalid', `Malformed command: ${describeIssues(envelope.error)}`);
      }
      const { id, payload } = envelope.data;
      type = envelope.data.type;
      if (jsonBytes(payload) > MAX_COMMAND_PAYLOAD_BYTES) {
        return this.refuse(actor, type, {}, 'invalid', `Payload larger than ${MAX_COMMAND_PAYLOAD_BYTES} bytes.`);
      }
      const first = this.storage.findCommand(id);
      if (first) return this.replayed(first, actor, type, payload);
      if (!isCommandType(type)) return this.refuse(actor, type, { id, payload }, 'invalid', `Unknown command ${type}.`);
      if (!mayRun(actor, type))
        return this.refuse(actor, type, { payload }, 'forbidden', `A ${actor.role} may not run ${type}.`);
      const parsed = CommandSchemas[type].payload.safeParse(payload);
      if (!parsed.success) {
        return this.refuse(actor, type, { id, payload }, 'invalid', `Invalid ${type}: ${describeIssues(parsed.error)}`);
      }
      const draft = this.draft(actor);
      let result: unknown;
      try {
        result = runHandler(type, draft, parsed.data);
      } catch (e) {
        if (e instanceof CommandFailure) return this.refuse(actor, type, { id, payload }, e.code, e.message);
        throw e;
      }
      const ack: CommandAck = { ok: true, result } as CommandAck;
      this.commit(draft, {
        command: { id, userId: actor.userId, type, ack, at: draft.now },
        audit: [this.auditOf(draft.now, actor, type, parsed.data, result, 'ok', reasonOf(parsed.data))],
      });
      return ack;
    } catch (e) {
      this.log.error(`command ${type} by ${actor.username} failed`, e);
      const message = 'The SMS could not run this command; nothing was changed.';
      try {
        this.storage.appendAudit([this.auditOf(this.clock(), actor, type, undefined, undefined, 'internal', message)]);
      } catch (auditError) {
        this.log.error('audit write failed', auditError);
      }
      return { ok: false, error: { code: 'internal', message } };
    }
  }

  /**
   * Answers a refusal and audits it. Refusals that depend only on the command and the state
   * (`invalid`, `not_found`, `conflict`) are kept under the command id, so a retry gets the same
   * answer; `forbidden` and the like are not, so they never pin an id.
   */
  private refuse(
    actor: Actor,
    type: string,
    command: { id?: string; payload?: unknown },
    code: Refusal,
    message: string,
  ): CommandAck {
    const ack: CommandAck = { ok: false, error: { code, message } };
    const at = this.clock();
    const audit = [this.auditOf(at, actor, type, command.payload, undefined, code, message)];
    if (command.id !== undefined && RECORDED_REFUSALS.has(code)) {
      this.storage.commit({ command: { id: command.id, userId: actor.userId, type, ack, at }, audit });
    } else {
      this.storage.appendAudit(audit);
    }
    return ack;
  }

  private replayed(first: StoredCommand, actor: Actor, type: string, payload: unknown): CommandAck {
    if (first.userId !== actor.userId) {
      // Another operator's id: never disclose their answer.
      return this.refuse(actor, type, { payload }, 'conflict', 'This command id was already used by another session.');
    }
    const result = first.ack.ok ? 'ok' : first.ack.error.code;
    this.storage.appendAudit([this.auditOf(this.clock(), actor, first.type, payload, undefined, result, 'retry')]);
    return first.ack;
  }

  private auditOf(
    at: number,
    actor: Actor,
    action: string,
    payload: unknown,
    result: unknown,
    outcome: string,
    reason: string | null,
  ): NewAuditRecord {
    return {
      at: new Date(at).toISOString(),
      userId: actor.userId,
      username: actor.username,
      role: actor.role,
      action: action.slice(0, 100),
      targetId: targetOf(payload, result),
      result: outcome,
      reason: reason === null ? null : reason.slice(0, 1_000),
      detail: payload === undefined ? '' : truncate(JSON.stringify(payload) ?? '', 20_000),
    };
  }

  // ---------- in-process producers ----------

  moveUnits(positions: readonly UnitPosition[]): void {
    this.assertOpen();
    const accepted: UnitPosition[] = [];
    const moved = new Map<string, Unit>();
    for (const raw of positions) {
      const parsed = UnitPositionSchema.safeParse(raw);
      if (!parsed.success) throw new CommandFailure('invalid', `Invalid position: ${describeIssues(parsed.error)}`);
      const p = parsed.data;
      const unit = moved.get(p.id) ?? this.units.get(p.id);
      if (!unit) continue;
      accepted.push(p);
      moved.set(p.id, { ...unit, position: { lon: p.lon, lat: p.lat }, heading: p.heading, speed: p.speed });
    }
    if (accepted.length === 0) return;
    const units = [...moved.values()];
    // The journal event is the durable record of every report. Unit rows, which a restart starts
    // from, take positions at most every POSITION_ROWS_MS: rewriting 20,000 rows a second was
    // most of the SMS's work at scale, and a restarted SMS is at most that stale until the next
    // report a second later.
    for (const u of units) this.positionsToWrite.add(u.id);
    const ts = this.clock();
    const write = ts - this.positionsWrittenAt >= POSITION_ROWS_MS;
    const rows = write ? this.takePositionRows(ts, moved) : [];
    this.persist(
      [{ type: 'unit.positions', payload: { positions: accepted } }],
      ts,
      { records: { units: rows } },
      () => {
        for (const u of units) this.units.set(u.id, u);
      },
    );
  }

  /** The latest record of each unit with an unwritten position (`latest` first: not yet applied). */
  private takePositionRows(ts: number, latest: ReadonlyMap<string, Unit> = new Map()): Unit[] {
    const rows = [...this.positionsToWrite].flatMap((id) => latest.get(id) ?? this.units.get(id) ?? []);
    this.positionsToWrite.clear();
    this.positionsWrittenAt = ts;
    return rows;
  }

  raiseAlert(input: NewAlert): Alert {
    this.assertOpen();
    const draft = this.draft(SYSTEM);
    const alert = AlertSchema.safeParse({
      ...input,
      id: entityId('alert', draft.next('alert')),
      status: 'raised',
      incidentId: null,
      raisedAt: draft.isoNow,
      acknowledgedAt: null,
      acknowledgedBy: null,
      dismissReason: null,
    });
    if (!alert.success) throw new CommandFailure('invalid', `Invalid alert: ${describeIssues(alert.error)}`);
    if (alert.data.cameraId !== null) draft.camera(alert.data.cameraId);
    if (alert.data.servicePointId !== null) draft.servicePoint(alert.data.servicePointId);
    if (alert.data.unitId !== null) draft.unit(alert.data.unitId);
    draft.putAlert(alert.data);
    this.commit(draft, {});
    return alert.data;
  }

  updateCamera(camera: Camera): void {
    this.assertOpen();
    const parsed = CameraSchema.safeParse(camera);
    if (!parsed.success) throw new CommandFailure('invalid', `Invalid camera: ${describeIssues(parsed.error)}`);
    const draft = this.draft(SYSTEM);
    draft.camera(parsed.data.id);
    draft.putCamera(parsed.data);
    this.commit(draft, {});
  }

  updateServicePoint(servicePoint: ServicePoint): void {
    this.assertOpen();
    const parsed = ServicePointSchema.safeParse(servicePoint);
    if (!parsed.success) throw new CommandFailure('invalid', `Invalid service point: ${describeIssues(parsed.error)}`);
    const draft = this.draft(SYSTEM);
    draft.servicePoint(parsed.data.id);
    draft.putServicePoint(parsed.data);
    this.commit(draft, {});
  }

  seed(world: SeedWorld): void {
    this.assertOpen();
    if (this.units.size > 0 || this.cameras.size > 0 || this.servicePoints.size > 0) {
      throw new CommandFailure('conflict', 'The SMS already holds a world; seed only a fresh one.');
    }
    const units = UnitSchema.array().safeParse(world.units);
    const cameras = CameraSchema.array().safeParse(world.cameras);
    const servicePoints = ServicePointSchema.array().safeParse(world.servicePoints);
    if (!units.success || !cameras.success || !servicePoints.success) {
      const error = [units, cameras, servicePoints].find((r) => !r.success)?.error;
      throw new CommandFailure('invalid', `Invalid world: ${error ? describeIssues(error) : ''}`);
    }
    this.storage.commit({
      records: { units: units.data, cameras: cameras.data, servicePoints: servicePoints.data },
    });
    for (const x of units.data) this.units.set(x.id, x);
    for (const x of cameras.data) this.cameras.set(x.id, x);
    for (const x of servicePoints.data) this.servicePoints.set(x.id, x);
  }

  subscribe(listener: (event: EventEnvelope) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---------- reads ----------

  snapshot(): Snapshot {
    return {
      seq: this.currentSeq,
      incidents: [...this.incidents.values()],
      units: [...this.units.values()],
      cameras: [...this.cameras.values()],
      alerts: [...this.alerts.values()],
      servicePoints: [...this.servicePoints.values()],
      walls: [...this.walls.values()],
      overlays: [...this.overlays.values()],
      wallPresets: [...this.wallPresets.values()],
    };
  }

  readEvents(afterSeq: number, limit: number): EventEnvelope[] {
    return this.storage.readEvents(afterSeq, limit);
  }

  journalRange(): JournalRange {
    return { oldest: this.oldestSeq ?? this.currentSeq + 1, latest: this.currentSeq };
  }

  audit(records: readonly NewAuditRecord[]): void {
    this.storage.appendAudit(records);
  }

  // ---------- journal retention ----------

  pruneJournal(): number {
    let deleted = 0;
    for (;;) {
      const step = this.pruneStep();
      deleted += step;
      if (step < PRUNE_CHUNK) return deleted;
    }
  }

  /** Deletes up to one chunk of journal rows beyond the retention; returns how many. */
  private pruneStep(): number {
    if (this.oldestSeq === null) return 0;
    const keepFrom = this.currentSeq - this.retention + 1;
    if (this.oldestSeq >= keepFrom) return 0;
    const deleted = this.storage.pruneJournal(keepFrom, PRUNE_CHUNK);
    this.oldestSeq = this.storage.oldestSeq();
    return deleted;
  }

  private maybeSchedulePrune(): void {
    if (this.pruneTimer !== null || this.closed || this.oldestSeq === null) return;
    if (this.currentSeq - this.oldestSeq + 1 <= this.retention + this.pruneSlack) return;
    const step = () => {
      this.pruneTimer = null;
      if (this.closed) return;
      try {
        if (this.pruneStep() === PRUNE_CHUNK) this.pruneTimer = setImmediate(step);
        else this.pruneOldCommands();
      } catch (e) {
        this.log.error('journal pruning failed (will retry later)', e);
      }
    };
    this.pruneTimer = setImmediate(step);
  }

  private pruneOldCommands(): void {
    const now = this.clock();
    if (now - this.lastCommandPrune < 3_600_000) return;
    this.lastCommandPrune = now;
    this.storage.pruneCommands(now - COMMAND_ID_TTL_MS);
  }

  // ---------- commit and publish ----------

  private draft(actor: Actor): Draft {
    return new Draft(this, this.counters, this.clock(), actor, this.describePlace);
  }

  /** Persists a draft (plus a command answer and audit) in one transaction, then updates memory and publishes. */
  private commit(draft: Draft, extra: Pick<Commit, 'command' | 'audit'>): void {
    const records = draft.records();
    const counters = draft.changedCounters();
    this.persist(draft.events(), draft.now, { ...extra, records, counters }, () => {
      for (const [k, v] of Object.entries(counters)) this.counters.set(k, v);
      for (const x of records.incidents) this.incidents.set(x.id, x);
      for (const x of records.units) this.units.set(x.id, x);
      for (const x of records.cameras) this.cameras.set(x.id, x);
      for (const x of records.alerts) this.alerts.set(x.id, x);
      for (const x of records.servicePoints) this.servicePoints.set(x.id, x);
      for (const x of records.walls) this.walls.set(x.id, x);
      for (const x of records.overlays) this.overlays.set(x.id, x);
      for (const id of records.removedOverlays) this.overlays.delete(id);
      for (const x of records.wallPresets) this.wallPresets.set(x.id, x);
      for (const id of records.removedWallPresets) this.wallPresets.delete(id);
    });
  }

  /**
   * The one place that appends to the journal: store (one transaction), then memory, then
   * listeners, all in this tick. A transport that reads the journal and then subscribes in one
   * tick can therefore neither miss nor repeat an event.
   */
  private persist(pending: readonly PendingEvent[], ts: number, rest: Omit<Commit, 'events'>, apply: () => void): void {
    const events = pending.map((e, i) => ({ seq: this.currentSeq + 1 + i, ts, ...e }) as EventEnvelope);
    this.storage.commit({ ...rest, events });
    apply();
    if (events.length === 0) return;
    this.currentSeq += events.length;
    if (this.oldestSeq === null) this.oldestSeq = events[0]?.seq ?? null;
    this.publishQueue.push(...events);
    this.flush();
    this.maybeSchedulePrune();
  }

  private flush(): void {
    // A listener may cause new events (the simulator reacting); they queue behind the ones being
    // delivered, so every listener still sees seq order.
    if (this.publishing) return;
    this.publishing = true;
    try {
      for (let e = this.publishQueue.shift(); e !== undefined; e = this.publishQueue.shift()) {
        for (const listener of this.listeners) {
          try {
            listener(e);
          } catch (err) {
            this.log.error(`event listener failed on ${e.type} #${e.seq}`, err);
          }
        }
      }
    } finally {
      this.publishing = false;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The SMS core is closed.');
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    if (this.positionsToWrite.size > 0)
      this.storage.commit({ events: [], records: { units: this.takePositionRows(this.clock()) } });
    this.closed = true;
    if (this.pruneTimer !== null) clearImmediate(this.pruneTimer);
    this.pruneTimer = null;
    this.listeners.clear();
    this.storage.close();
  }
}

const SYSTEM: Actor = { userId: 'system', username: 'system', role: 'system' };

function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(CommandSchemas, type);
}

/** Runs the handler of `type`; the payload has been parsed with that type's schema. */
function runHandler<T extends CommandType>(type: T, draft: Draft, payload: unknown): CommandResult<T> {
  return COMMAND_HANDLERS[type](draft, payload as CommandPayload<T>);
}

function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : Buffer.byteLength(json);
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The record a command is about: the id it names, or the one it created. */
function targetOf(payload: unknown, result: unknown): string | null {
  for (const source of [payload, result]) {
    if (typeof source !== 'object' || source === null) continue;
    for (const key of ['overlayId', 'presetId', 'incidentId', 'unitId', 'alertId', 'cameraId', 'wallId']) {
      const v = (source as Record<string, unknown>)[key];
      if (typeof v === 'string') return v.slice(0, 100);
    }
    const incident = (source as { incident?: { id?: unknown } }).incident;
    if (typeof incident?.id === 'string') return incident.id;
    const overlay = (source as { overlay?: { id?: unknown } }).overlay;
    if (typeof overlay?.id === 'string') return overlay.id;
    const preset = (source as { preset?: { id?: unknown } }).preset;
    if (typeof preset?.id === 'string') return preset.id;
  }
  return null;
}

/** A command's stated reason (camera views), kept in the audit record's own column. */
function reasonOf(payload: unknown): string | null {
  const reason = (payload as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' ? reason : null;
}

/** Loads the state from `storage` and returns the running core. */
export function createCore(opts: CoreOptions): SmsCoreService {
  return new Core(opts.storage, opts);
}
