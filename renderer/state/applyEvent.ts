import type { EventEnvelope, Snapshot, UnitPosition } from '../../shared/protocol';

/**
 * Applies one journal event to a snapshot and returns the snapshot at the event's `seq`.
 * Pure, and idempotent by `seq`: an event the snapshot already reflects returns it unchanged
 * (same object), so replays and duplicates cost nothing. Ordering and gaps are the caller's
 * business (see `connection/eventSync.ts`); this only knows how each event changes state.
 */
export function applyEvent(snapshot: Snapshot, event: EventEnvelope): Snapshot {
  if (event.seq <= snapshot.seq) return snapshot;
  const next = { ...snapshot, seq: event.seq };
  switch (event.type) {
    case 'incident.created':
    case 'incident.updated':
      return { ...next, incidents: upsert(snapshot.incidents, event.payload.incident) };
    case 'unit.status':
      return { ...next, units: upsert(snapshot.units, event.payload.unit) };
    case 'unit.positions':
      return { ...next, units: moveUnits(snapshot.units, event.payload.positions) };
    case 'alert.raised':
    case 'alert.updated':
      return { ...next, alerts: upsert(snapshot.alerts, event.payload.alert) };
    case 'camera.updated':
      return { ...next, cameras: upsert(snapshot.cameras, event.payload.camera) };
    case 'servicePoint.updated':
      return { ...next, servicePoints: upsert(snapshot.servicePoints, event.payload.servicePoint) };
    case 'wall.updated':
      return { ...next, walls: upsert(snapshot.walls ?? [], event.payload.wall) };
    case 'wall.presetSaved':
      return { ...next, wallPresets: upsert(snapshot.wallPresets ?? [], event.payload.preset) };
    case 'wall.presetDeleted':
      return { ...next, wallPresets: (snapshot.wallPresets ?? []).filter((p) => p.id !== event.payload.presetId) };
    case 'overlay.updated':
      return { ...next, overlays: upsert(snapshot.overlays ?? [], event.payload.overlay) };
    case 'overlay.removed':
      return { ...next, overlays: (snapshot.overlays ?? []).filter((o) => o.id !== event.payload.overlayId) };
    default:
      return unreachable(event);
  }
}

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

function unreachable(event: never): never {
  throw new Error(`Unhandled event ${JSON.stringify(event)}`);
}
