/**
 * Where a snapshot list came from: the batch applier (`applyEvent.ts`) records, for each list it
 * produces, the list it was made from and which records changed. Indexes derived from a list
 * (counts, the ward list, the queue's order…) then follow a new list by applying just those
 * changes instead of going over every record again (`incremental.ts`).
 *
 * Only the last `LINEAGE_DEPTH` steps of each list are kept: an index that fell further behind
 * (or a list that was loaded whole, such as a fresh snapshot) is recomputed from scratch, and old
 * lists are never kept alive by the chain.
 */

/** One record's change in a step: `before` absent when it was added, `after` absent when removed. */
export interface RecordChange<T> {
  id: string;
  before: T | undefined;
  after: T | undefined;
}

interface Step<T> {
  prev: readonly T[] | null;
  changes: readonly RecordChange<T>[];
}

/** Steps kept per list (a frame's batch is one step: about half a second at 60 frames a second). */
export const LINEAGE_DEPTH = 32;

const steps = new WeakMap<readonly unknown[], Step<unknown>>();
// The newest lists per key, oldest first: the step of the oldest loses its `prev`.
const recent = new Map<string, (readonly unknown[])[]>();

/** Records that `next` is `prev` with `changes` applied (one per id, in no particular order). */
export function recordStep<T>(
  key: string,
  prev: readonly T[],
  next: readonly T[],
  changes: readonly RecordChange<T>[],
): void {
  steps.set(next, { prev, changes });
  let chain = recent.get(key);
  if (!chain) recent.set(key, (chain = []));
  // A list that does not follow the newest one (a fresh snapshot, a test) starts a new chain.
  if (chain.length > 0 && chain[chain.length - 1] !== prev) chain.length = 0;
  chain.push(next);
  while (chain.length > LINEAGE_DEPTH) {
    const oldest = chain.shift()!;
    const step = steps.get(oldest);
    if (step) step.prev = null;
  }
}

/**
 * The changes that lead from `from` to `to`, oldest step first, or null when `to` does not
 * descend from `from` within the steps kept. An empty array when they are the same list.
 */
export function changesBetween<T>(from: readonly T[], to: readonly T[]): RecordChange<T>[][] | null {
  const path: (readonly RecordChange<T>[])[] = [];
  let at: readonly T[] = to;
  for (let depth = 0; at !== from; depth++) {
    const step = steps.get(at) as Step<T> | undefined;
    if (!step?.prev || depth > LINEAGE_DEPTH) return null;
    path.push(step.changes);
    at = step.prev;
  }
  return path.reverse().map((changes) => [...changes]);
}
