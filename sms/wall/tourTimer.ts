import type { SmsCoreService } from '../core/core';
import { SYSTEM_ACTOR } from '../core/ports';
import { atTourStep, isTouring, nextTourStepAt, sameArrangement } from './tours';

/** Longest the timer sleeps (real ms): bounds how late a step is when the SMS clock runs faster than real time. */
const MAX_SLEEP_MS = 1_000;
/** Shortest sleep, so that a step that keeps failing cannot spin the loop. */
const MIN_SLEEP_MS = 25;

/**
 * Puts every touring wall at the step due now on the SMS clock, one `wall.tourStep` (one
 * `wall.updated`) per wall that changes. Returns how many walls moved on.
 */
export function advanceWallTours(core: SmsCoreService): number {
  const now = core.now();
  const find = (id: string) => core.wallPresets.get(id);
  let moved = 0;
  for (const wall of [...core.walls.values()]) {
    if (!isTouring(wall) || sameArrangement(atTourStep(wall, now, find), wall)) continue;
    core.execute('wall.tourStep', { wallId: wall.id }, SYSTEM_ACTOR);
    moved++;
  }
  return moved;
}

/**
 * Runs the SMS's tours: wakes when the next step is due (at most a second apart), advances
 * the walls, and sleeps while nothing tours. Tours are stored with their start time, so after
 * a restart the first wake-up puts each wall straight at the step due by then.
 */
export function startWallTours(core: SmsCoreService, onError: (e: unknown) => void = () => {}): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const now = core.now();
    const find = (id: string) => core.wallPresets.get(id);
    let due = Number.POSITIVE_INFINITY;
    for (const wall of core.walls.values()) {
      // A touring wall with no next step (its presets are gone) is due now, to stop its tour.
      if (isTouring(wall)) due = Math.min(due, nextTourStepAt(wall, now, find) ?? now);
    }
    if (due === Number.POSITIVE_INFINITY) return;
    timer = setTimeout(tick, Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, due - now)));
  };

  function tick() {
    timer = null;
    if (stopped) return;
    try {
      advanceWallTours(core);
    } catch (e) {
      onError(e);
    }
    schedule();
  }

  const unsubscribe = core.subscribe((event) => {
    if (event.type === 'wall.updated' || event.type === 'wall.presetSaved' || event.type === 'wall.presetDeleted') {
      schedule();
    }
  });
  tick();
  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
