import type { Incident } from '../../shared/protocol';
import { REBUILD, type IncrementalIndex } from './incremental';
import type { RecordChange } from './lineage';

/** `countBy`'s index: its step never needs the whole list. */
interface Counter<T> {
  full(list: readonly T[]): Readonly<Record<string, number>>;
  step(counts: Readonly<Record<string, number>>, changes: readonly RecordChange<T>[]): Readonly<Record<string, number>>;
}

/**
 * How many records fall under each key (`keyOf` null: counted nowhere). The counts object is new
 * when a count changed and the same otherwise.
 */
export function countBy<T>(keyOf: (record: T) => string | null): Counter<T> {
  return {
    full(list) {
      const counts: Record<string, number> = {};
      for (const r of list) {
        const k = keyOf(r);
        if (k !== null) counts[k] = (counts[k] ?? 0) + 1;
      }
      return counts;
    },
    step(counts, changes) {
      let next: Record<string, number> | null = null;
      for (const { before, after } of changes) {
        const was = before === undefined ? null : keyOf(before);
        const is = after === undefined ? null : keyOf(after);
        if (was === is) continue;
        next ??= { ...counts };
        if (was !== null) {
          const n = (next[was] ?? 0) - 1;
          if (n > 0) next[was] = n;
          else delete next[was];
        }
        if (is !== null) next[is] = (next[is] ?? 0) + 1;
      }
      return next ?? counts;
    },
  };
}

/**
 * The distinct values `valueOf` takes over the records, sorted: the list is rebuilt only when a
 * value appears or disappears (counted per value underneath), and kept (same array) otherwise.
 */
export function distinctValues<T>(
  valueOf: (record: T) => string | null,
): IncrementalIndex<T, { counts: Readonly<Record<string, number>>; values: readonly string[] }> {
  const counter = countBy(valueOf);
  const valuesOf = (counts: Readonly<Record<string, number>>) => Object.keys(counts).sort();
  return {
    full(list) {
      const counts = counter.full(list);
      return { counts, values: valuesOf(counts) };
    },
    step(state, changes) {
      const counts = counter.step(state.counts, changes);
      if (counts === state.counts) return state;
      const before = state.values;
      const keys = Object.keys(counts);
      const same = keys.length === before.length && before.every((v) => v in counts);
      return { counts, values: same ? before : valuesOf(counts) };
    },
  };
}

/** Incident references by id and as a list (the command line's), rebuilt only when incidents come or go. */
export interface RefIndex {
  byId: ReadonlyMap<string, string>;
  refs: readonly string[];
}

/** The references of the incidents held (references never change once given). */
export const incidentRefs: IncrementalIndex<Incident, RefIndex> = {
  full(list) {
    const byId = new Map(list.map((i) => [i.id, i.ref]));
    return { byId, refs: [...byId.values()] };
  },
  step(state, changes) {
    const came = changes.filter((c) => c.after !== undefined && !state.byId.has(c.id));
    const went = changes.filter((c) => c.after === undefined && state.byId.has(c.id));
    if (came.length === 0 && went.length === 0) return state;
    const byId = new Map(state.byId);
    for (const c of went) byId.delete(c.id);
    for (const c of came) byId.set(c.id, c.after!.ref);
    return { byId, refs: [...byId.values()] };
  },
};

/**
 * The newest `updatedAt` among the incidents held, in ms (0 when none): the SMS-time estimate of
 * `cad/useSmsNow.ts`. A change only looks at its own record, unless the newest one left.
 */
export const newestUpdate: IncrementalIndex<Incident, number> = {
  full(list) {
    let max = 0;
    for (const i of list) {
      const t = Date.parse(i.updatedAt);
      if (t > max) max = t;
    }
    return max;
  },
  step(max, changes) {
    let next = max;
    let lost = false;
    for (const { before, after } of changes) {
      if (before !== undefined && Date.parse(before.updatedAt) === max) lost = true;
      if (after !== undefined) next = Math.max(next, Date.parse(after.updatedAt));
    }
    // The newest record left or went back in time, and none as new came: only the whole list knows.
    if (lost && next === max && !changes.some((c) => c.after && Date.parse(c.after.updatedAt) === max)) return REBUILD;
    return next;
  },
};

/** Open grade 1 incidents, in no particular order (the console announces new ones). */
export const openGradeOne: IncrementalIndex<Incident, readonly Incident[]> = {
  full: (list) => list.filter(isOpenGradeOne),
  step(rows, changes) {
    let next: Incident[] | null = null;
    for (const { id, before, after } of changes) {
      const was = before !== undefined && isOpenGradeOne(before);
      const is = after !== undefined && isOpenGradeOne(after);
      if (!was && !is) continue;
      next ??= rows.slice();
      const at = next.findIndex((i) => i.id === id);
      if (is && at >= 0) next[at] = after;
      else if (is) next.push(after);
      else if (at >= 0) next.splice(at, 1);
    }
    return next ?? rows;
  },
};

function isOpenGradeOne(incident: Incident): boolean {
  return incident.grade === 1 && incident.status !== 'closed';
}
