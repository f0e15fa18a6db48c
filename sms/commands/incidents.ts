import { GRADE_NAMES } from '../../shared/domain/labels';
import { formatIncidentRef } from '../../shared/domain/incidentRef';
import {
  assignRefusal,
  assignedUnit,
  incidentWithAssigned,
  incidentWithStatus,
} from '../../shared/domain/incidentEffects';
import { canIncidentMove } from '../../shared/domain/incidentStatus';
import { INCIDENT_TYPES } from '../../shared/domain/incidentTypes';
import type { Incident, Location } from '../../shared/protocol';
import { entityId } from '../core/ids';
import { CommandFailure } from '../core/ports';
import type { CommandHandler } from '../core/pipeline';
import { released, withLog, withStatusLog } from './incidentRecords';

function refuseIfClosed(incident: Incident): void {
  if (incident.status === 'closed') throw new CommandFailure('conflict', `Incident ${incident.ref} is closed.`);
}

/** `incident.create`: a new open incident, numbered per year; an alert it comes from becomes `converted`. */
export const createIncident: CommandHandler<'incident.create'> = (d, p) => {
  const alert = p.alertId === undefined ? undefined : d.get('alert', p.alertId);
  if (alert && (alert.status === 'dismissed' || alert.status === 'converted')) {
    throw new CommandFailure('conflict', `Alert ${alert.id} is already ${alert.status}.`);
  }
  const id = entityId('inc', d.next('incident'));
  const year = new Date(d.now).getUTCFullYear();
  // What the caller or the alert said wins; the SMS's geodata fills in the rest.
  const place = d.describePlace(p.location.lon, p.location.lat);
  const location: Location = { lon: p.location.lon, lat: p.location.lat };
  const address = p.location.address ?? alert?.location.address ?? place.address;
  const ward = alert?.location.ward ?? place.ward;
  if (address !== undefined) location.address = address;
  if (ward !== undefined) location.ward = ward;
  const created: Incident = {
    id,
    ref: formatIncidentRef(year, d.next(`ref:${year}`)),
    type: p.type,
    grade: p.grade,
    status: 'open',
    location,
    caller: p.caller ?? null,
    summary: p.summary,
    createdAt: d.isoNow,
    updatedAt: d.isoNow,
    closedAt: null,
    resultCode: null,
    unitIds: [],
    cameraIds: alert?.cameraId ? [alert.cameraId] : [],
    alertIds: alert ? [alert.id] : [],
    log: [],
    logCount: 0,
  };
  const text =
    `Created: ${INCIDENT_TYPES[p.type].label}, grade ${p.grade} (${GRADE_NAMES[p.grade]})` +
    (alert ? `, from alert ${alert.id}` : '');
  const incident = d.put('incident', withLog(d, created, 'created', text));
  if (alert) d.put('alert', { ...alert, status: 'converted', incidentId: id });
  return { incident };
};

/** `incident.note`: a line in the log, also after closing (results often come later). */
export const noteIncident: CommandHandler<'incident.note'> = (d, p) => {
  const incident = d.put('incident', withLog(d, d.get('incident', p.incidentId), 'note', p.text));
  return { incident };
};

/** `incident.assign`: available units become `dispatched` to a running incident (shared/domain/incidentEffects.ts). */
export const assignIncident: CommandHandler<'incident.assign'> = (d, p) => {
  const before = d.get('incident', p.incidentId);
  refuseIfClosed(before);
  const units = [...new Set(p.unitIds)].map((id) => d.get('unit', id));
  const refusal = assignRefusal(before, units);
  if (refusal !== null) throw new CommandFailure('conflict', refusal);
  const assigned = units.map((u) => d.put('unit', assignedUnit(u, before.id, d.isoNow)));
  const after = incidentWithAssigned(before, p.unitIds, (id) => d.get('unit', id).status);
  const text = `Assigned ${assigned.map((u) => u.callsign).join(', ')}`;
  const logged = withLog(d, { ...before, unitIds: after.unitIds }, 'assign', text);
  const incident = after.status === before.status ? logged : withStatusLog(d, logged, after.status);
  return { incident: d.put('incident', incident), units: assigned };
};

/** `incident.status`: any move the domain allows except closing, which needs a result code. */
export const setIncidentStatus: CommandHandler<'incident.status'> = (d, p) => {
  if (p.status === 'closed') {
    throw new CommandFailure('invalid', 'Close an incident with incident.close: it needs a result code.');
  }
  const before = d.get('incident', p.incidentId);
  if (!canIncidentMove(before.status, p.status)) {
    throw new CommandFailure('conflict', `Incident ${before.ref} cannot move from ${before.status} to ${p.status}.`);
  }
  const incident = withLog(d, incidentWithStatus(before, p.status), 'status', `Status ${before.status} → ${p.status}`);
  return { incident: d.put('incident', incident) };
};

/** `incident.grade`: regrade a running incident (the same grade again changes nothing). */
export const gradeIncident: CommandHandler<'incident.grade'> = (d, p) => {
  const before = d.get('incident', p.incidentId);
  refuseIfClosed(before);
  if (before.grade === p.grade) return { incident: before };
  const text = `Regraded ${before.grade} → ${p.grade} (${GRADE_NAMES[p.grade]})`;
  return { incident: d.put('incident', withLog(d, { ...before, grade: p.grade }, 'grade', text)) };
};

/** `incident.close`: closed with a result code; its units become available again. */
export const closeIncident: CommandHandler<'incident.close'> = (d, p) => {
  const before = d.get('incident', p.incidentId);
  refuseIfClosed(before);
  const units = before.unitIds
    .map((id) => d.get('unit', id))
    .filter((u) => u.incidentId === before.id)
    .map((u) => d.put('unit', released(d, u, 'available')));
  const text =
    `Closed: ${p.resultCode}` + (units.length > 0 ? `; released ${units.map((u) => u.callsign).join(', ')}` : '');
  const closed: Incident = { ...before, status: 'closed', closedAt: d.isoNow, resultCode: p.resultCode, unitIds: [] };
  return { incident: d.put('incident', withLog(d, closed, 'closed', text)), units };
};
