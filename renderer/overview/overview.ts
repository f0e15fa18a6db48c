import type { Grade, Incident, Snapshot, Unit, UnitStatus } from '../../shared/protocol';
import { incremental } from '../state/incremental';
import { countBy } from '../state/indexes';

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

// Counts follow the lists' changes (state/incremental.ts) rather than recounting every record.
const openGrades = incremental(countBy<Incident>((i) => (i.status === 'closed' ? null : String(i.grade))));
const unitStatuses = incremental(countBy<Unit>((u) => u.status));
let last: { grades: object; statuses: object; overview: Overview } | null = null;

/** Tallies the snapshot for the overview tables; the same object while the tallies stay. */
export function overview(snapshot: Snapshot): Overview {
  const grades = openGrades(snapshot.incidents);
  const statuses = unitStatuses(snapshot.units);
  if (last?.grades === grades && last.statuses === statuses) return last.overview;
  const openByGrade: Record<Grade, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const g of GRADES) openByGrade[g] = grades[String(g)] ?? 0;
  const unitsByStatus = Object.fromEntries(UNIT_STATUS_ORDER.map((s) => [s, statuses[s] ?? 0])) as Record<
    UnitStatus,
    number
  >;
  last = { grades, statuses, overview: { openByGrade, unitsByStatus } };
  return last.overview;
}
