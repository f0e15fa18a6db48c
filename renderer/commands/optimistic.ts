import { assignedUnit, incidentWithAssigned, incidentWithStatus } from '../../shared/domain/incidentEffects';
import { withLogEntries } from '../../shared/domain/incidentLog';
import { isAssignable } from '../../shared/domain/unitStatus';
import type { Alert, CommandPayload, Incident, LogEntry, Unit, UnitStatus } from '../../shared/protocol';
import type { OutboxEntry } from './outbox';

/**
 * What the operator sees before the SMS confirms: pending actions laid over the SMS's records.
 * Only `pending` entries apply; a refused one no longer does, so its effect visibly rolls back
 * (and the refusal is listed). The SMS's record wins as soon as the action is confirmed, since
 * the entry then leaves the outbox.
 */
export function pendingOnly(entries: readonly OutboxEntry[]): OutboxEntry[] {
  return entries.filter((e) => e.state === 'pending');
}

const PENDING_AUTHOR = 'pending';

const pendingAt = (entry: OutboxEntry) => new Date(entry.createdAt).toISOString();

function pendingLog(entry: OutboxEntry, kind: LogEntry['kind'], text: string): LogEntry {
  return { id: `pending-${entry.id}`, at: pendingAt(entry), author: PENDING_AUTHOR, kind, text };
}

/** Whether a log line is a not-yet-confirmed one laid over by `applyToIncident`. */
export function isPendingLog(entry: LogEntry): boolean {
  return entry.author === PENDING_AUTHOR && entry.id.startsWith('pending-');
}

/** Knows no unit's status: an assignment then reckons the incident's status from the new units alone. */
const NO_UNITS = (): UnitStatus | undefined => undefined;

/**
 * An incident with the pending actions on it applied: assignments and status changes have the
 * effect the SMS will give them (shared/domain/incidentEffects.ts), and each adds its pending log
 * line as the SMS adds its line: counted in `logCount`, the record carrying the latest entries. `unitStatus` gives the status
 * of a unit already on the incident, which an assignment's new incident status depends on.
 */
export function applyToIncident(
  incident: Incident,
  entries: readonly OutboxEntry[],
  unitStatus: (unitId: string) => UnitStatus | undefined = NO_UNITS,
): Incident {
  let out = incident;
  for (const entry of entries) {
    if (entry.state !== 'pending') continue;
    const p = entry.payload as { incidentId?: string };
    if (p.incidentId !== incident.id) continue;
    switch (entry.type) {
      case 'incident.note': {
        const { text } = entry.payload as CommandPayload<'incident.note'>;
        out = withLogEntries(out, [pendingLog(entry, 'note', text)]);
        break;
      }
      case 'incident.assign': {
        const { unitIds } = entry.payload as CommandPayload<'incident.assign'>;
        const assigned = incidentWithAssigned(out, unitIds, unitStatus);
        out = withLogEntries(assigned, [pendingLog(entry, 'assign', entry.label)]);
        break;
      }
      case 'incident.status': {
        const { status } = entry.payload as CommandPayload<'incident.status'>;
        out = withLogEntries(incidentWithStatus(out, status), [pendingLog(entry, 'status', entry.label)]);
        break;
      }
      case 'incident.grade': {
        const { grade } = entry.payload as CommandPayload<'incident.grade'>;
        out = withLogEntries({ ...out, grade }, [pendingLog(entry, 'grade', entry.label)]);
        break;
      }
      case 'incident.close': {
        const { resultCode } = entry.payload as CommandPayload<'incident.close'>;
        out = withLogEntries({ ...out, status: 'closed', resultCode }, [pendingLog(entry, 'closed', entry.label)]);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** A unit with pending assignments and status changes applied. */
export function applyToUnit(unit: Unit, entries: readonly OutboxEntry[]): Unit {
  let out = unit;
  for (const entry of entries) {
    if (entry.state !== 'pending') continue;
    if (entry.type === 'unit.status') {
      const p = entry.payload as CommandPayload<'unit.status'>;
      if (p.unitId === unit.id) out = { ...out, status: p.status };
    } else if (entry.type === 'incident.assign') {
      const p = entry.payload as CommandPayload<'incident.assign'>;
      if (p.unitIds.includes(unit.id) && isAssignable(out.status))
        out = assignedUnit(out, p.incidentId, pendingAt(entry));
    }
  }
  return out;
}

/** An alert with pending acknowledgements and dismissals applied. */
export function applyToAlert(alert: Alert, entries: readonly OutboxEntry[]): Alert {
  let out = alert;
  for (const entry of entries) {
    if (entry.state !== 'pending') continue;
    const p = entry.payload as { alertId?: string };
    if (p.alertId !== alert.id) continue;
    if (entry.type === 'alert.acknowledge' && out.status === 'raised') out = { ...out, status: 'acknowledged' };
    if (entry.type === 'alert.dismiss') {
      const { reason } = entry.payload as CommandPayload<'alert.dismiss'>;
      out = { ...out, status: 'dismissed', dismissReason: reason };
    }
    if (entry.type === 'incident.create' || entry.type === 'incident.link') out = { ...out, status: 'converted' };
  }
  return out;
}
