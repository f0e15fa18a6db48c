import type { IncidentStatus, UnitStatus } from '../protocol/entities';

/** Which incident status may follow which. Closing is only via `incident.close` (it needs a result code). */
const NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ['dispatched', 'on_scene', 'closed'],
  dispatched: ['open', 'on_scene', 'closed'],
  on_scene: ['dispatched', 'open', 'closed'],
  closed: ['open'],
};

export function canIncidentMove(from: IncidentStatus, to: IncidentStatus): boolean {
  return NEXT[from].includes(to);
}

/**
 * The status an open incident should show given its units' statuses: on scene as soon as
 * one unit is, dispatched while any is assigned, open when none is.
 */
export function incidentStatusFromUnits(unitStatuses: readonly UnitStatus[]): Exclude<IncidentStatus, 'closed'> {
  if (unitStatuses.includes('on_scene')) return 'on_scene';
  if (unitStatuses.some((s) => s === 'dispatched' || s === 'en_route')) return 'dispatched';
  return 'open';
}

/**
 * The status a running incident moves to as its units' statuses change (`incidentStatusFromUnits`);
 * a closed incident stays closed, and a move the lifecycle does not allow leaves it where it is.
 */
export function statusFollowingUnits(current: IncidentStatus, unitStatuses: readonly UnitStatus[]): IncidentStatus {
  if (current === 'closed') return current;
  const derived = incidentStatusFromUnits(unitStatuses);
  return canIncidentMove(current, derived) ? derived : current;
}
