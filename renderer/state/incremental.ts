import { changesBetween, type RecordChange } from './lineage';

/** What a step returns when only the whole list can tell (the record holding a maximum left). */
export const REBUILD: unique symbol = Symbol('rebuild');

/** An index derived from a snapshot list, built whole once and then kept up by its changes. */
export interface IncrementalIndex<T, S> {
  /** The index of a whole list (a fresh snapshot, or a list whose history is not known). */
  full(list: readonly T[]): S;
  /**
   * The index after one step's changes (one per id). Must not change `state` in a way its
   * holders could see; return it unchanged (same object) when nothing it shows changed, so
   * that memoised consumers skip the work.
   */
  step(state: S, changes: readonly RecordChange<T>[]): S | typeof REBUILD;
}

/**
 * A selector for `index` that follows a list through its recorded changes (`lineage.ts`): cost
 * proportional to what changed since the list it saw last, and a full build only for a list of
 * unknown history. One per consumer: it remembers the last list and index it gave.
 */
export function incremental<T, S>(index: IncrementalIndex<T, S>): (list: readonly T[]) => S {
  let seen: { list: readonly T[]; state: S } | null = null;
  return (list) => {
    if (seen?.list === list) return seen.state;
    const path = seen ? changesBetween(seen.list, list) : null;
    let state: S | typeof REBUILD = REBUILD;
    if (seen && path) {
      state = seen.state;
      for (const changes of path) {
        state = index.step(state, changes);
        if (state === REBUILD) break;
      }
    }
    if (state === REBUILD) state = index.full(list);
    seen = { list, state };
    return state;
  };
}
