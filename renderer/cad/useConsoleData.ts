import { useMemo } from 'react';
import type { Alert, Camera, Incident, Snapshot, Unit } from '../../shared/protocol';
import { applyToAlert, applyToIncident, applyToUnit, pendingOnly } from '../commands/optimistic';
import type { OutboxEntry } from '../commands/outbox';
import { useSession } from '../session/SessionContext';
import { recordById } from '../state/applyEvent';
import { useSnapshotSelect } from '../state/useSnapshotSelect';

const selectIncidents = (s: Snapshot) => s.incidents;
const selectUnits = (s: Snapshot) => s.units;
const selectAlerts = (s: Snapshot) => s.alerts;
const selectCameras = (s: Snapshot) => s.cameras;
const EMPTY: never[] = [];

/** The console's view of the SMS: its records with the operator's pending actions laid over them. */
export interface ConsoleData {
  loaded: boolean;
  incidents: readonly Incident[];
  units: readonly Unit[];
  alerts: readonly Alert[];
  cameras: readonly Camera[];
  incidentById: ById<Incident>;
  unitById: ById<Unit>;
}

/** Records looked up by id through the list's own id index (state/applyEvent.ts): nothing built per update. */
export interface ById<T> {
  get(id: string): T | undefined;
}

const byIdOf = <T extends { id: string }>(list: readonly T[]): ById<T> => ({ get: (id) => recordById(list, id) });

/** Replaces only the records a pending action touches, so 10,000 untouched incidents stay the same objects. */
function overlay<T extends { id: string }>(
  list: readonly T[],
  pending: readonly OutboxEntry[],
  touches: (entry: OutboxEntry) => readonly string[],
  apply: (record: T, entries: readonly OutboxEntry[]) => T,
): readonly T[] {
  if (pending.length === 0) return list;
  const ids = new Set(pending.flatMap(touches));
  if (ids.size === 0) return list;
  return list.map((r) => (ids.has(r.id) ? apply(r, pending) : r));
}

const incidentIdOf = (e: OutboxEntry) => {
  const p = e.payload as { incidentId?: unknown };
  return typeof p.incidentId === 'string' ? [p.incidentId] : [];
};
const unitIdsOf = (e: OutboxEntry) => {
  const p = e.payload as { unitId?: unknown; unitIds?: unknown };
  if (typeof p.unitId === 'string') return [p.unitId];
  return Array.isArray(p.unitIds) ? p.unitIds.filter((x): x is string => typeof x === 'string') : [];
};
const alertIdOf = (e: OutboxEntry) => {
  const p = e.payload as { alertId?: unknown };
  return typeof p.alertId === 'string' ? [p.alertId] : [];
};

export function useConsoleData(entries: readonly OutboxEntry[]): ConsoleData {
  const { smsUrl, token } = useSession();
  const rawIncidents = useSnapshotSelect(smsUrl, token, selectIncidents);
  const rawUnits = useSnapshotSelect(smsUrl, token, selectUnits);
  const rawAlerts = useSnapshotSelect(smsUrl, token, selectAlerts);
  const cameras = useSnapshotSelect(smsUrl, token, selectCameras);
  const pending = useMemo(() => pendingOnly(entries), [entries]);
  const incidents = useMemo(() => {
    // An assignment's incident status depends on the statuses of the units already on it.
    const unitStatus = (id: string) => (rawUnits ? recordById(rawUnits, id)?.status : undefined);
    return overlay(rawIncidents ?? EMPTY, pending, incidentIdOf, (i, e) => applyToIncident(i, e, unitStatus));
  }, [rawIncidents, rawUnits, pending]);
  const units = useMemo(() => overlay(rawUnits ?? EMPTY, pending, unitIdsOf, applyToUnit), [rawUnits, pending]);
  const alerts = useMemo(() => overlay(rawAlerts ?? EMPTY, pending, alertIdOf, applyToAlert), [rawAlerts, pending]);
  const incidentById = useMemo(() => byIdOf(incidents), [incidents]);
  const unitById = useMemo(() => byIdOf(units), [units]);
  return {
    loaded: rawIncidents !== undefined,
    incidents,
    units,
    alerts,
    cameras: cameras ?? EMPTY,
    incidentById,
    unitById,
  };
}
