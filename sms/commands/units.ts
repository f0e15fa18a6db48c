import { canUnitMove, needsIncident } from '../../shared/domain/unitStatus';
import type { Unit, UnitStatus } from '../../shared/protocol';
import { CommandFailure } from '../core/ports';
import type { CommandHandler } from '../core/pipeline';
import { released, withLog, withStatusFromUnits } from './incidentRecords';

const LABELS: Record<UnitStatus, string> = {
  available: 'available',
  dispatched: 'dispatched',
  en_route: 'en route',
  on_scene: 'on scene',
  busy: 'busy',
  off_duty: 'off duty',
};

/**
 * `unit.status`: a move the domain allows. Committed statuses keep the unit on its incident and
 * the others free it; either way the incident's log and derived status follow.
 */
export const setUnitStatus: CommandHandler<'unit.status'> = (d, p) => {
  const before = d.get('unit', p.unitId);
  if (before.status === p.status) return { unit: before };
  if (!canUnitMove(before.status, p.status)) {
    throw new CommandFailure('conflict', `Unit ${before.callsign} cannot move from ${before.status} to ${p.status}.`);
  }
  const committed = needsIncident(p.status);
  if (committed && before.incidentId === null) {
    throw new CommandFailure('conflict', `Unit ${before.callsign} has no incident: assign it first.`);
  }
  const unit: Unit = committed
    ? { ...before, status: p.status, updatedAt: d.isoNow }
    : released(d, before, p.status as 'available' | 'busy' | 'off_duty');
  d.put('unit', unit);

  const incident = before.incidentId === null ? undefined : d.find('incident', before.incidentId);
  if (incident && incident.status !== 'closed') {
    const unitIds = committed ? incident.unitIds : incident.unitIds.filter((id) => id !== unit.id);
    const text = committed ? `${unit.callsign} ${LABELS[p.status]}` : `${unit.callsign} cleared (${LABELS[p.status]})`;
    d.put('incident', withStatusFromUnits(d, withLog(d, { ...incident, unitIds }, 'unit', text)));
  }
  return { unit };
};
