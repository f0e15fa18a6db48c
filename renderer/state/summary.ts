import type { Snapshot } from '../../shared/protocol';

/** The room's headline numbers, as the status bar shows them. */
export interface Summary {
  /** Incidents not yet closed. */
  openIncidents: number;
  units: number;
  availableUnits: number;
  cameras: number;
  onlineCameras: number;
  /** Alerts still `raised`: nobody has acknowledged, dismissed or converted them. */
  unacknowledgedAlerts: number;
}

/** Counts the snapshot's records for the status bar. */
export function summarize(snapshot: Snapshot): Summary {
  return {
    openIncidents: count(snapshot.incidents, (i) => i.status !== 'closed'),
    units: snapshot.units.length,
    availableUnits: count(snapshot.units, (u) => u.status === 'available'),
    cameras: snapshot.cameras.length,
    onlineCameras: count(snapshot.cameras, (c) => c.online),
    unacknowledgedAlerts: count(snapshot.alerts, (a) => a.status === 'raised'),
  };
}

function count<T>(list: readonly T[], predicate: (item: T) => boolean): number {
  let n = 0;
  for (const item of list) if (predicate(item)) n += 1;
  return n;
}
