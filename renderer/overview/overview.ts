import type { Grade, Snapshot, UnitStatus } from '../../shared/protocol';

/** Grades from most to least urgent. */
export const GRADES: readonly Grade[] = [1, 2, 3, 4];

/** Unit statuses in the order a dispatcher reads the board: free first, then committed, then out. */
export const UNIT_STATUS_ORDER: readonly UnitStatus[] = [
  'available',
  'dispatched',
  'en_route',
  'on_scene',
  'busy',
  'off_duty',
];

/** Open incidents counted by grade, and units by status. */
export interface Overview {
  openByGrade: Record<Grade, number>;
  unitsByStatus: Record<UnitStatus, number>;
}

/** Tallies the snapshot for the overview tables. */
export function overview(snapshot: Snapshot): Overview {
  const openByGrade: Record<Grade, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const incident of snapshot.incidents) if (incident.status !== 'closed') openByGrade[incident.grade] += 1;
  const unitsByStatus = Object.fromEntries(UNIT_STATUS_ORDER.map((s) => [s, 0])) as Record<UnitStatus, number>;
  for (const unit of snapshot.units) unitsByStatus[unit.status] += 1;
  return { openByGrade, unitsByStatus };
}
