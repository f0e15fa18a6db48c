import type { Alert, CommandPayload, Incident, LogEntry, Unit } from '../../shared/protocol';
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

function pendingLog(entry: OutboxEntry, kind: LogEntry['kind'], text: string): LogEntry {
  return { id: `pending-${entry.id}`, at: new Date(entry.createdAt).toISOString(), author: PENDING_AUTHOR, kind, text };
}

/** Whether a log line is a not-yet-confirmed one laid over by `applyToIncident`. */
export function isPendingLog(entry: LogEntry): boolean {
  return entry.author === PENDING_AUTHOR && entry.id.startsWith('pending-');
}

/** An incident with the pending actions on it applied. */
export function applyToIncident(incident: Incident, entries: readonly OutboxEntry[]): Incident {
  let out = incident;
  for (const entry of entries) {
    if (entry.state !== 'pending') continue;
    const p = entry.payload as { incidentId?: string };
    if (p.incidentId !== incident.id) continue;
    switch (entry.type) {
      case 'incident.note': {
        const { text } = entry.payload as CommandPayload<'incident.note'>;
        out = { ...out, log: [...out.log, pendingLog(entry, 'note', text)] };
        break;
      }
      case 'incident.assign': {
        const { unitIds } = entry.payload as CommandPayload<'incident.assign'>;
        const added = unitIds.filter((id) => !out.unitIds.includes(id));
        out = {
          ...out,
          unitIds: [...out.unitIds, ...added],
          status: out.status === 'open' ? 'dispatched' : out.status,
          log: [...out.log, pendingLog(entry, 'assign', entry.label)],
        };
        break;
      }
      case 'incident.status': {
        const { status } = entry.payload as CommandPayload<'incident.status'>;
        out = { ...out, status, log: [...out.log, pendingLog(entry, 'status', entry.label)] };
        break;
      }
      case 'incident.grade': {
        const { grade } = entry.payload as CommandPayload<'incident.grade'>;
        out = { ...out, grade, log: [...out.log, pendingLog(entry, 'grade', entry.label)] };
        break;
      }
      case 'incident.close': {
        const { resultCode } = entry.payload as CommandPayload<'incident.close'>;
        out = { ...out, status: 'closed', resultCode, log: [...out.log, pendingLog(entry, 'closed', entry.label)] };
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
      if (p.unitIds.includes(unit.id) && out.status === 'available')
        out = { ...out, status: 'dispatched', incidentId: p.incidentId };
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
