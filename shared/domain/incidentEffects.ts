import type { Incident, IncidentStatus, Unit, UnitStatus } from '../protocol';
import { statusFollowingUnits } from './incidentStatus';
import { isAssignable } from './unitStatus';

// What `incident.assign` and `incident.status` do to the records. The SMS applies these effects
// when it runs the commands (sms/commands/incidents.ts); the console lays the same effects over
// its records while a command waits for the SMS (renderer/commands/optimistic.ts), so the two
// agree. Log lines are not part of the effect: the SMS numbers and signs them, the console marks
// them pending.

/** Why `units` may not be assigned to a running `incident`, or null: each must be available and not on it already. */
export function assignRefusal(incident: Incident, units: readonly Unit[]): string | null {
  for (const unit of units) {
    if (unit.incidentId === incident.id) return `Unit ${unit.callsign} is already assigned to ${incident.ref}.`;
    if (!isAssignable(unit.status)) return `Unit ${unit.callsign} is ${unit.status}, not available.`;
  }
  return null;
}

/** The unit once assigned at `at`: dispatched to the incident. */
export function assignedUnit(unit: Unit, incidentId: string, at: string): Unit {
  return { ...unit, status: 'dispatched', incidentId, updatedAt: at };
}

/**
 * The incident once `unitIds` are assigned: they join its units (once each), and its status
 * follows its units, the new ones counting as dispatched. `statusOf` gives the status of a unit
 * already on the incident; one it does not know is left out of that reckoning.
 */
export function incidentWithAssigned(
  incident: Incident,
  unitIds: readonly string[],
  statusOf: (unitId: string) => UnitStatus | undefined,
): Incident {
  const added = [...new Set(unitIds)].filter((id) => !incident.unitIds.includes(id));
  const statuses = incident.unitIds.flatMap((id) => statusOf(id) ?? []);
  const status = statusFollowingUnits(incident.status, [...statuses, ...added.map((): UnitStatus => 'dispatched')]);
  return { ...incident, unitIds: [...incident.unitIds, ...added], status };
}

/** The incident moved to `status` (a move the lifecycle allows); reopening forgets how it was closed. */
export function incidentWithStatus(incident: Incident, status: IncidentStatus): Incident {
  const reopened = incident.status === 'closed' && status !== 'closed' ? { closedAt: null, resultCode: null } : {};
  return { ...incident, ...reopened, status };
}
