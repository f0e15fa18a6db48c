import { statusFollowingUnits } from '../../shared/domain/incidentStatus';
import { needsIncident } from '../../shared/domain/unitStatus';
import { ENTITY_KINDS, SnapshotSchema, type Snapshot } from '../../shared/protocol';
import type { Incident, Unit, UnitStatus } from '../../shared/protocol';

/**
 * Every way a City's state breaks the shared rules, as sentences (none: consistent). Tests of
 * the simulator's pre-roll and of anything else that builds state read it: each record valid
 * by its protocol schema; a unit committed exactly when it has an incident, which is running and
 * lists it; a running incident's units committed to it and its status the one they imply; a
 * closed incident with its result and no units; alerts and their references resolvable.
 */
export function cityRuleBreaks(snapshot: Snapshot): string[] {
  const breaks: string[] = [];
  const whole = SnapshotSchema.safeParse(snapshot);
  if (!whole.success) breaks.push(`snapshot: ${whole.error.message}`);
  const records = snapshot as unknown as Record<string, readonly unknown[]>;
  for (const [kind, spec] of Object.entries(ENTITY_KINDS)) {
    for (const record of records[spec.snapshotKey] ?? []) {
      const parsed = spec.schema.safeParse(record);
      if (!parsed.success) breaks.push(`${kind} ${(record as { id?: string }).id ?? '?'}: ${parsed.error.message}`);
    }
  }

  const incidents = new Map(snapshot.incidents.map((i) => [i.id, i]));
  const units = new Map(snapshot.units.map((u) => [u.id, u]));
  for (const u of snapshot.units) {
    if (needsIncident(u.status) !== (u.incidentId !== null)) {
      breaks.push(`unit ${u.id} is ${u.status} with incident ${u.incidentId ?? 'none'}`);
    }
    if (u.incidentId === null) continue;
    const incident = incidents.get(u.incidentId);
    if (!incident) breaks.push(`unit ${u.id} is on unknown incident ${u.incidentId}`);
    else if (incident.status === 'closed') breaks.push(`unit ${u.id} is still on closed incident ${incident.id}`);
    else if (!incident.unitIds.includes(u.id)) breaks.push(`unit ${u.id} is on ${incident.id}, which does not list it`);
  }
  for (const i of snapshot.incidents) breaks.push(...incidentBreaks(i, units));
  for (const a of snapshot.alerts) {
    if (a.incidentId !== null && !incidents.has(a.incidentId)) breaks.push(`alert ${a.id}: unknown incident`);
    if (a.unitId !== null && !units.has(a.unitId)) breaks.push(`alert ${a.id}: unknown unit`);
    if (a.cameraId !== null && !snapshot.cameras.some((c) => c.id === a.cameraId))
      breaks.push(`alert ${a.id}: unknown camera`);
    if (a.servicePointId !== null && !snapshot.servicePoints.some((s) => s.id === a.servicePointId))
      breaks.push(`alert ${a.id}: unknown service point`);
    if (a.status === 'raised' && (a.acknowledgedAt !== null || a.dismissReason !== null))
      breaks.push(`alert ${a.id} is raised but was acknowledged or dismissed`);
    if (a.status === 'acknowledged' && a.acknowledgedAt === null) breaks.push(`alert ${a.id} acknowledged at no time`);
  }
  return breaks;
}

function incidentBreaks(i: Incident, units: ReadonlyMap<string, Unit>): string[] {
  const breaks: string[] = [];
  if (i.status === 'closed') {
    if (i.closedAt === null || i.resultCode === null) breaks.push(`incident ${i.id} closed without a time or result`);
    if (i.unitIds.length > 0) breaks.push(`closed incident ${i.id} still lists units`);
    return breaks;
  }
  if (i.closedAt !== null || i.resultCode !== null)
    breaks.push(`running incident ${i.id} has a closing time or result`);
  const statuses: UnitStatus[] = [];
  for (const id of i.unitIds) {
    const unit = units.get(id);
    if (unit?.incidentId !== i.id) breaks.push(`incident ${i.id} lists unit ${id}, which is not on it`);
    else statuses.push(unit.status);
  }
  const expected = statusFollowingUnits(i.status, statuses);
  if (expected !== i.status) breaks.push(`incident ${i.id} is ${i.status} but its units make it ${expected}`);
  if (i.createdAt > i.updatedAt) breaks.push(`incident ${i.id} updated before it was created`);
  return breaks;
}
