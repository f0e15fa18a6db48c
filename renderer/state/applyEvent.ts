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
  type UnitPosition,
} from '../../shared/protocol';

/** Events that carry no record of a kind, each handled by name below. */
type SpecialEvent = Exclude<EventType, KindEventType<KindName>>;
// A new event that is neither a kind's nor handled here fails to compile.
const _everyEventHandled: SpecialEvent extends 'unit.positions' ? true : never = true;

type Lists = Record<string, readonly { id: string }[] | undefined>;

/**
 * Builds the reducer for a kinds table (the product's is `applyEvent`). It applies one journal
 * event to a snapshot and returns the snapshot at the event's `seq`. Pure, and idempotent by
 * `seq`: an event the snapshot already reflects returns it unchanged (same object), so replays
 * and duplicates cost nothing. Ordering and gaps are the caller's business (see
 * `connection/eventSync.ts`); this only knows how each event changes state: a kind's event
 * replaces or removes one record of its list (shared/protocol/kinds.ts).
 */
export function createApplyEvent(kinds: EntityKindTable): (snapshot: Snapshot, event: EventEnvelope) => Snapshot {
  const index = recordEventIndex(kinds);
  return (snapshot, event) => {
    if (event.seq <= snapshot.seq) return snapshot;
    const next = { ...snapshot, seq: event.seq };
    if (event.type === 'unit.positions') return { ...next, units: moveUnits(snapshot.units, event.payload.positions) };
    const change = recordChangeOf(index, event);
    const spec = change && kinds[change.kind];
    if (!change || !spec) throw new Error(`Unhandled event ${JSON.stringify(event)}`);
    const list = (snapshot as unknown as Lists)[spec.snapshotKey] ?? [];
    const changed = change.op === 'put' ? upsert(list, change.record) : list.filter((r) => r.id !== change.id);
    return { ...next, [spec.snapshotKey]: changed };
  };
}

/** Applies one journal event to a snapshot (see `createApplyEvent`). */
export const applyEvent = createApplyEvent(ENTITY_KINDS);

/** Replaces the record with the same id, or appends it: events carry whole records. */
function upsert<T extends { id: string }>(list: readonly T[], record: T): T[] {
  const index = list.findIndex((item) => item.id === record.id);
  if (index === -1) return [...list, record];
  const copy = list.slice();
  copy[index] = record;
  return copy;
}

// Position batches arrive several times a second: touch only the units that moved and keep
// every other unit object as it was, so memoised consumers see no change for them.
function moveUnits(units: Snapshot['units'], positions: readonly UnitPosition[]): Snapshot['units'] {
  if (positions.length === 0) return units;
  const byId = new Map(positions.map((p) => [p.id, p]));
  let changed = false;
  const moved = units.map((unit) => {
    const p = byId.get(unit.id);
    if (!p) return unit;
    if (
      p.lon === unit.position.lon &&
      p.lat === unit.position.lat &&
      p.heading === unit.heading &&
      p.speed === unit.speed
    ) {
      return unit;
    }
    changed = true;
    return { ...unit, position: { lon: p.lon, lat: p.lat }, heading: p.heading, speed: p.speed };
  });
  return changed ? moved : units;
}
