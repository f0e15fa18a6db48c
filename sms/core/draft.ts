import type {
  AuditRecord,
  EntityKindTable,
  EventPayload,
  EventType,
  KindName,
  KindRecord,
} from '../../shared/protocol';
import type { AuditQuery, RecordChanges } from '../storage/storage';
import { CommandFailure, type Actor, type DescribePlace } from './ports';

/** An event before the core gives it a seq and a timestamp. */
export type PendingEvent = { [T in EventType]: { type: T; payload: EventPayload<T> } }[EventType];

type AnyRecord = { id: string };
/** The records a draft reads: each kind's map by kind name. */
export type KindMaps = Readonly<Record<string, ReadonlyMap<string, AnyRecord>>>;

/**
 * The unit of work of one mutation: reads see the state plus what this mutation has staged;
 * nothing reaches the state, the store or a client unless the core commits the draft. A refusal
 * is a thrown `CommandFailure`, which simply drops the draft. Records are addressed by kind
 * (shared/protocol/kinds.ts), so a new kind needs nothing here.
 */
export class Draft {
  /** Staged records by kind, then id; a `null` is a staged removal. */
  private readonly staged = new Map<string, Map<string, AnyRecord | null>>();
  /** Kind and id of each staged change, in the order first staged: the order of the events. */
  private readonly order: [kind: string, id: string][] = [];
  private readonly counterValues = new Map<string, number>();

  constructor(
    private readonly kinds: EntityKindTable,
    private readonly state: KindMaps,
    private readonly counters: ReadonlyMap<string, number>,
    /** The SMS clock at the start of the mutation; every time written by it is this one. */
    readonly now: number,
    readonly actor: Actor,
    /** Street address and ward of a point (empty when the SMS has no geodata). */
    readonly describePlace: DescribePlace = () => ({}),
    /** Audit records, newest first: what happened without a record of state (a camera view). */
    readonly queryAudit: (query: AuditQuery) => readonly AuditRecord[] = () => [],
    /** Why a record the state does not hold is gone, when it was archived (sms/core/archive.ts). */
    private readonly archivedMessage: (kind: KindName, id: string) => string | undefined = () => undefined,
  ) {}

  /** `now` as the protocol's ISO time. */
  get isoNow(): string {
    return new Date(this.now).toISOString();
  }

  /** The record as this draft sees it, or undefined (also once this draft removed it). */
  find<K extends KindName>(kind: K, id: string): KindRecord<K> | undefined {
    const staged = this.staged.get(kind);
    if (staged?.has(id)) return (staged.get(id) ?? undefined) as KindRecord<K> | undefined;
    return this.state[kind]?.get(id) as KindRecord<K> | undefined;
  }

  /** The record, or a `not_found` refusal. */
  get<K extends KindName>(kind: K, id: string): KindRecord<K> {
    const record = this.find(kind, id);
    if (record === undefined) {
      // A client acting on stale state learns that the record was archived, not that it never was.
      const archived = this.staged.get(kind)?.has(id) ? undefined : this.archivedMessage(kind, id);
      throw new CommandFailure('not_found', archived ?? `No ${nounOf(kind)} with id ${id}.`);
    }
    return record;
  }

  /** Every record of a kind as this draft sees it. */
  all<K extends KindName>(kind: K): KindRecord<K>[] {
    const ids = new Set([...(this.state[kind]?.keys() ?? []), ...(this.staged.get(kind)?.keys() ?? [])]);
    return [...ids].flatMap((id) => this.find(kind, id) ?? []);
  }

  /** Stages a record's new state; re-staging keeps the place of its first change. */
  put<K extends KindName>(kind: K, record: KindRecord<K>): KindRecord<K> {
    this.stage(kind, record.id, record);
    return record;
  }

  /** Stages a record's removal; the kind must have a removal event. */
  remove(kind: KindName, id: string): void {
    if (!this.kinds[kind]?.removed) throw new Error(`Records of kind ${kind} are never removed.`);
    this.stage(kind, id, null);
  }

  /** Takes the next value of a persisted counter (1 for a new one). */
  next(counter: string): number {
    const value = (this.counterValues.get(counter) ?? this.counters.get(counter) ?? 0) + 1;
    this.counterValues.set(counter, value);
    return value;
  }

  /** Counters this draft advanced, with their new values. */
  changedCounters(): Record<string, number> {
    return Object.fromEntries(this.counterValues);
  }

  /** Staged changes grouped for the store and the state. */
  records(): RecordChanges {
    const put: Record<string, AnyRecord[]> = {};
    const removed: Record<string, string[]> = {};
    for (const [kind, id] of this.order) {
      const record = this.staged.get(kind)?.get(id);
      if (record) (put[kind] ??= []).push(record);
      else (removed[kind] ??= []).push(id);
    }
    return { put, removed } as RecordChanges;
  }

  /**
   * One event per changed record, in the order records were first staged, each carrying the
   * record's final state: the events are derived from the changes, so they cannot disagree.
   * A record the state did not hold before gets its kind's `created` event where it has one.
   */
  events(): PendingEvent[] {
    return this.order.map(([kind, id]) => {
      const spec = this.kinds[kind];
      if (!spec) throw new Error(`Unknown kind ${kind}.`);
      const record = this.staged.get(kind)?.get(id);
      if (!record) return { type: spec.removed!.type, payload: { [spec.removed!.idKey]: id } } as PendingEvent;
      const type = spec.created !== undefined && !this.state[kind]?.has(id) ? spec.created : spec.saved;
      return { type, payload: { [spec.recordKey]: record } } as PendingEvent;
    });
  }

  private stage(kind: string, id: string, record: AnyRecord | null): void {
    let staged = this.staged.get(kind);
    if (!staged) this.staged.set(kind, (staged = new Map()));
    if (!staged.has(id)) this.order.push([kind, id]);
    staged.set(id, record);
  }
}

/** `servicePoint` → `service point`, for refusal messages. */
export function nounOf(kind: string): string {
  return kind.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}
