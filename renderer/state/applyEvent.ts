import {
  ENTITY_KINDS,
  recordChangeOf,
  recordEventIndex,
  type EntityKindTable,
  type EventEnvelope,
  type EventType,
  type KindEventType,
  type KindName,
  type Snapshot,
  type Unit,
  type UnitPosition,
} from '../../shared/protocol';
import { recordStep, type RecordChange } from './lineage';

/** Events that carry no record of a kind, each handled by name below. */
type SpecialEvent = Exclude<EventType, KindEventType<KindName>>;
// A new event that is neither a kind's nor handled here fails to compile.
const _everyEventHandled: SpecialEvent extends 'unit.positions' ? true : never = true;

type AnyRecord = { id: string };
type Lists = Record<string, readonly AnyRecord[] | undefined>;

/** Applies a run of journal events to a snapshot (see `createApplyEvents`). */
export type ApplyEvents = (snapshot: Snapshot, events: readonly EventEnvelope[]) => Snapshot;

/**
 * Builds the batch reducer for a kinds table (the product's is `applyEvents`). It applies journal
 * events in order to a snapshot and returns the snapshot at the last one's `seq`. Pure, and
 * idempotent by `seq`: events the snapshot already reflects are skipped, and a batch of only such
 * events returns the snapshot unchanged (same object), so replays and duplicates cost nothing.
 * Ordering and gaps are the caller's business (see `connection/eventSync.ts`); this only knows
 * how each event changes state: a kind's event replaces or removes one record of its list
 * (shared/protocol/kinds.ts), whatever the kind, `removed` events included.
 *
 * Cost is proportional to the events, not to the records: each list a batch touches is copied
 * once, records are found through an id index kept with the list, and the changes are recorded
 * (`lineage.ts`) so that indexes derived from the list follow it incrementally.
 */
export function createApplyEvents(kinds: EntityKindTable): ApplyEvents {
  const index = recordEventIndex(kinds);
  return (snapshot, events) => {
    let seq = snapshot.seq;
    const batch = new Map<string, ListBatch>();
    const batchOf = (key: string): ListBatch => {
      let b = batch.get(key);
      if (!b) batch.set(key, (b = new ListBatch(key, (snapshot as unknown as Lists)[key] ?? [])));
      return b;
    };
    for (const event of events) {
      if (event.seq <= seq) continue;
      seq = event.seq;
      if (event.type === 'unit.positions') {
        moveUnits(batchOf('units') as unknown as ListBatch<Unit>, event.payload.positions);
        continue;
      }
      const change = recordChangeOf(index, event);
      const spec = change && kinds[change.kind];
      if (!change || !spec) throw new Error(`Unhandled event ${JSON.stringify(event)}`);
      if (change.op === 'put') batchOf(spec.snapshotKey).put(change.record);
      else batchOf(spec.snapshotKey).remove(change.id);
    }
    if (seq === snapshot.seq) return snapshot;
    const next: Record<string, unknown> = { ...snapshot, seq };
    for (const [key, b] of batch) next[key] = b.finish();
    return next as unknown as Snapshot;
  };
}

/** Applies a run of journal events to a snapshot (see `createApplyEvents`). */
export const applyEvents = createApplyEvents(ENTITY_KINDS);

/** The one-event reducer for a kinds table (see `createApplyEvents`). @internal Tests apply one event at a time. */
export function createApplyEvent(kinds: EntityKindTable): (snapshot: Snapshot, event: EventEnvelope) => Snapshot {
  const apply = createApplyEvents(kinds);
  return (snapshot, event) => apply(snapshot, [event]);
}

/** Applies one journal event to a snapshot (see `createApplyEvents`). @internal Tests apply one event at a time. */
export function applyEvent(snapshot: Snapshot, event: EventEnvelope): Snapshot {
  return applyEvents(snapshot, [event]);
}

// Position of each record in a list, by id. Shared by a list and the lists made from it by
// replacing or appending records (positions do not move); a removal makes a new one.
const positions = new WeakMap<readonly AnyRecord[], Map<string, number>>();

function positionsOf(list: readonly AnyRecord[]): Map<string, number> {
  let map = positions.get(list);
  if (!map) {
    map = new Map();
    for (let i = 0; i < list.length; i++) map.set(list[i]!.id, i);
    positions.set(list, map);
  }
  return map;
}

/** Where `id` is in `list`, through the list's id index; -1 when absent. */
export function positionOf(list: readonly AnyRecord[], id: string): number {
  const i = positionsOf(list).get(id);
  if (i === undefined || i >= list.length) return -1;
  if (list[i]!.id === id) return i;
  // The index is shared with lists made from this one, and two were made from it (a branch):
  // the slot belongs to the other. Rare; look the record up the slow way.
  return list.findIndex((r) => r.id === id);
}

/** The record with `id` in a snapshot list, found through its id index. */
export function recordById<T extends AnyRecord>(list: readonly T[], id: string): T | undefined {
  const i = positionOf(list, id);
  return i === -1 ? undefined : list[i];
}

/** One list's changes in a batch: copied on the first change, each record found by id. */
class ListBatch<T extends AnyRecord = AnyRecord> {
  private copy: T[] | null = null;
  private readonly removed = new Set<string>();
  /** Records appended in this batch, by id: their slot in `copy`. */
  private readonly added = new Map<string, number>();
  private readonly changes = new Map<string, RecordChange<T>>();

  constructor(
    private readonly key: string,
    private readonly list: readonly T[],
  ) {}

  current(id: string): T | undefined {
    const change = this.changes.get(id);
    if (change) return change.after;
    return recordById(this.list, id);
  }

  put(record: T): void {
    const before = this.current(record.id);
    if (before === record) return;
    const copy = (this.copy ??= this.list.slice());
    const at = this.added.get(record.id) ?? positionOf(this.list, record.id);
    if (at === -1) {
      this.added.set(record.id, copy.length);
      copy.push(record);
    } else copy[at] = record;
    this.removed.delete(record.id);
    this.note(record.id, before, record);
  }

  remove(id: string): void {
    const before = this.current(id);
    if (before === undefined) return;
    this.copy ??= this.list.slice();
    this.removed.add(id);
    this.note(id, before, undefined);
  }

  finish(): readonly T[] {
    if (!this.copy) return this.list;
    let next: T[] = this.copy;
    if (this.removed.size > 0) {
      const gone = this.removed;
      next = next.filter((r) => !gone.has(r.id));
      // Positions moved: the new list gets an index of its own.
      const map = new Map<string, number>();
      for (let i = 0; i < next.length; i++) map.set(next[i]!.id, i);
      positions.set(next, map);
    } else {
      // Replaced records keep their slots and appended ones follow: the index carries over.
      const map = positionsOf(this.list);
      for (const [id, slot] of this.added) map.set(id, slot);
      positions.set(next, map);
    }
    const changes = [...this.changes.values()].filter((c) => c.before !== c.after);
    recordStep(this.key, this.list, next, changes);
    return next;
  }

  private note(id: string, before: T | undefined, after: T | undefined): void {
    const known = this.changes.get(id);
    this.changes.set(id, { id, before: known ? known.before : before, after });
  }
}

// Position batches arrive several times a second: touch only the units that moved and keep
// every other unit object as it was, so memoised consumers see no change for them.
function moveUnits(units: ListBatch<Unit>, moves: readonly UnitPosition[]): void {
  for (const p of moves) {
    const unit = units.current(p.id);
    if (!unit) continue;
    if (
      p.lon === unit.position.lon &&
      p.lat === unit.position.lat &&
      p.heading === unit.heading &&
      p.speed === unit.speed
    ) {
      continue;
    }
    units.put({ ...unit, position: { lon: p.lon, lat: p.lat }, heading: p.heading, speed: p.speed });
  }
}
