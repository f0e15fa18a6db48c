import { DEFAULT_GRADE_TARGETS, type GradeTargets } from '../../shared/domain/grades';
import { INCIDENT_TYPES } from '../../shared/domain/incidentTypes';
import { matchesIncidentFilter, type IncidentFilter, type IncidentSort } from '../../shared/domain/queue';
import type { Incident, IncidentStatus } from '../../shared/protocol';
import type { IncrementalIndex } from './incremental';
import type { RecordChange } from './lineage';

interface SortKeys {
  /** When the attendance target falls due; null when none runs (shared/domain/grades.ts `msToTarget`). */
  due: number | null;
  created: number;
}

// Dates are parsed once per record object (records are immutable: an update is a new object).
const keysOf = new WeakMap<Incident, SortKeys>();

function sortKeys(incident: Incident, targets: GradeTargets): SortKeys {
  let keys = targets === DEFAULT_GRADE_TARGETS ? keysOf.get(incident) : undefined;
  if (!keys) {
    const created = Date.parse(incident.createdAt);
    const minutes = targets[incident.grade];
    const runs = minutes !== null && incident.status !== 'on_scene' && incident.status !== 'closed';
    keys = { due: runs ? created + minutes * 60_000 : null, created };
    if (targets === DEFAULT_GRADE_TARGETS) keysOf.set(incident, keys);
  }
  return keys;
}

const STATUS_ORDER: Record<IncidentStatus, number> = { open: 0, dispatched: 1, on_scene: 2, closed: 3 };

/**
 * The incident queue's order as a comparator, the same as `orderIncidents` (shared/domain/queue.ts)
 * gives. It needs no clock: the time left to a target is its due time less now, so ordering by
 * time left is ordering by due time, and the order holds while the countdowns run. The reference
 * breaks ties, so the order is total (references are unique): a record's place can be found by
 * binary search.
 */
export function incidentComparator(
  sort: IncidentSort,
  targets: GradeTargets = DEFAULT_GRADE_TARGETS,
): (a: Incident, b: Incident) => number {
  const base = (a: Incident, b: Incident): number => {
    switch (sort.key) {
      case 'urgency': {
        const ka = sortKeys(a, targets);
        const kb = sortKeys(b, targets);
        if (ka.due !== null && kb.due !== null && ka.due !== kb.due) return ka.due - kb.due;
        if (ka.due !== null && kb.due === null) return -1;
        if (ka.due === null && kb.due !== null) return 1;
        if (a.grade !== b.grade) return a.grade - b.grade;
        return ka.created - kb.created;
      }
      case 'age':
        return sortKeys(b, targets).created - sortKeys(a, targets).created;
      case 'grade':
        return a.grade - b.grade;
      case 'ref':
        return 0;
      case 'type':
        return INCIDENT_TYPES[a.type].label.localeCompare(INCIDENT_TYPES[b.type].label);
      case 'status':
        return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    }
  };
  return (a, b) => {
    const c = base(a, b);
    const d = sort.descending ? -c : c;
    if (d !== 0) return d;
    return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
  };
}

/** Where `item` is in `sorted` (or would go), by binary search. */
function placeOf<T>(sorted: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(sorted[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A filtered, sorted view of a list kept up by its changes: a changed record leaves its place and
 * goes to its new one by binary search, so a batch costs its changes' log n searches plus one copy
 * of the view (a memory move, not a pass that looks at records). `compare` must be a total order.
 */
export function sortedView<T>(
  matches: (record: T) => boolean,
  compare: (a: T, b: T) => number,
): IncrementalIndex<T, readonly T[]> {
  return {
    full: (list) => list.filter(matches).sort(compare),
    step(rows, changes: readonly RecordChange<T>[]) {
      let next: T[] | null = null;
      for (const { before, after } of changes) {
        const was = before !== undefined && matches(before);
        const is = after !== undefined && matches(after);
        if (!was && !is) continue;
        next ??= rows.slice();
        if (was) {
          const at = placeOf(next, before, compare);
          if (next[at] === before) next.splice(at, 1);
          else {
            // Not where its keys say (it was never there, or keys lied): remove it by identity.
            const i = next.indexOf(before);
            if (i >= 0) next.splice(i, 1);
          }
        }
        if (is) next.splice(placeOf(next, after, compare), 0, after);
      }
      return next ?? rows;
    },
  };
}

/** The incident queue (`orderIncidents`' rows) as an incremental index. */
export function incidentQueue(
  filter: IncidentFilter,
  sort: IncidentSort,
): IncrementalIndex<Incident, readonly Incident[]> {
  return sortedView((i) => matchesIncidentFilter(i, filter), incidentComparator(sort));
}
