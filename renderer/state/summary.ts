import type { Alert, Camera, Incident, Snapshot, Unit } from '../../shared/protocol';
import { incremental } from './incremental';
import { countBy } from './indexes';

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

// Each count follows its list's changes (state/incremental.ts): a batch of notes on 10,000
// incidents costs the notes, not a count of 10,000 records.
const openIncidents = incremental(countBy<Incident>((i) => (i.status === 'closed' ? null : 'open')));
const unitsByStatus = incremental(countBy<Unit>((u) => (u.status === 'available' ? 'available' : 'other')));
const onlineCameras = incremental(countBy<Camera>((c) => (c.online ? 'online' : null)));
const raisedAlerts = incremental(countBy<Alert>((a) => (a.status === 'raised' ? 'raised' : null)));

let last: Summary | null = null;

/** Counts the snapshot's records for the status bar; the same object while the counts stay. */
export function summarize(snapshot: Snapshot): Summary {
  const units = unitsByStatus(snapshot.units);
  const next: Summary = {
    openIncidents: openIncidents(snapshot.incidents).open ?? 0,
    units: snapshot.units.length,
    availableUnits: units.available ?? 0,
    cameras: snapshot.cameras.length,
    onlineCameras: onlineCameras(snapshot.cameras).online ?? 0,
    unacknowledgedAlerts: raisedAlerts(snapshot.alerts).raised ?? 0,
  };
  if (last && (Object.keys(next) as (keyof Summary)[]).every((k) => next[k] === last![k])) return last;
  return (last = next);
}
