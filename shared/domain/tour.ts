/**
 * Tour scheduling, pure: a tour cycles through steps (one camera for a tile tour, one page of
 * cameras or one preset for a wall tour) every `dwellMs`, counted from `startedAt`. The SMS
 * advances tours with it and every workstation shows the countdown with it, so they agree on
 * the step without talking to each other, and a restarted SMS picks up where the tour stands.
 */
/** A tour as scheduling sees it: its steps, how long each shows, and when it started (ms). */
export interface Tour<T> {
  steps: readonly T[];
  dwellMs: number;
  startedAt: number;
}

/** Where a tour stands at a moment. */
export interface TourPosition<T> {
  index: number;
  /** How many steps the tour has. */
  count: number;
  step: T;
  /** When the next step begins. */
  nextAt: number;
}

/** Shortest dwell accepted: a camera must be on screen long enough to be seen. */
export const MIN_DWELL_MS = 3_000;

/** The step showing at `now`, or null for an empty tour. Before `startedAt` the first step shows. */
export function tourPosition<T>(tour: Tour<T>, now: number): TourPosition<T> | null {
  const n = tour.steps.length;
  if (n === 0) return null;
  const dwell = Math.max(MIN_DWELL_MS, tour.dwellMs);
  const elapsed = Math.max(0, now - tour.startedAt);
  const done = Math.floor(elapsed / dwell);
  const index = done % n;
  return { index, count: n, step: tour.steps[index] as T, nextAt: tour.startedAt + (done + 1) * dwell };
}

/** A wall tour's steps: the cameras in pages of `tiles`, the last page padded with nothing. */
export function wallTourPages(cameraIds: readonly string[], tiles: number): (string | null)[][] {
  const pages: (string | null)[][] = [];
  for (let i = 0; i < cameraIds.length; i += tiles) {
    const page: (string | null)[] = cameraIds.slice(i, i + tiles);
    while (page.length < tiles) page.push(null);
    pages.push(page);
  }
  return pages;
}
