import { withLogEntries } from '../../shared/domain/incidentLog';
import { statusFollowingUnits } from '../../shared/domain/incidentStatus';
import type { Incident, IncidentStatus, LogEntry, Unit } from '../../shared/protocol';
import type { Draft } from '../core/draft';
import { entityId } from '../core/ids';

/**
 * The incident with one more log line by the draft's actor, and `updatedAt` moved on. The record
 * keeps the log's latest entries and its count; storage keeps every entry (sms/storage/sqlite.ts).
 */
export function withLog(d: Draft, incident: Incident, kind: LogEntry['kind'], text: string): Incident {
  const entry: LogEntry = { id: entityId('log', d.next('log')), at: d.isoNow, author: d.actor.username, kind, text };
  return { ...withLogEntries(incident, [entry]), updatedAt: d.isoNow };
}

/**
 * Moves a still-running incident to the status its units imply (on scene as soon as one is,
 * dispatched while any is on its way, otherwise open), with a log line when that changes it.
 */
export function withStatusFromUnits(d: Draft, incident: Incident): Incident {
  const status = statusFollowingUnits(
    incident.status,
    incident.unitIds.map((id) => d.get('unit', id).status),
  );
  return status === incident.status ? incident : withStatusLog(d, incident, status);
}

/** The incident moved to `status` because of its units, with the log line that says so. */
export function withStatusLog(d: Draft, incident: Incident, status: IncidentStatus): Incident {
  return withLog(d, { ...incident, status }, 'status', `Status ${incident.status} → ${status} (units)`);
}

/** The unit freed from its incident in a non-committed status. */
export function released(d: Draft, unit: Unit, status: 'available' | 'busy' | 'off_duty'): Unit {
  return { ...unit, status, incidentId: null, updatedAt: d.isoNow };
}
