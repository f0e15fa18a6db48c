/**
 * Tour scheduling, pure: a tour cycles through steps (one camera for a tile tour, one page of
 * cameras for a wall tour) every `dwellMs`, counted from `startedAt` so every window showing
 * the same tour agrees on the step without talking to each other.
 */
export interface Tour<T> {
  steps: readonly T[];
  dwellMs: number;
  startedAt: number;
}

export interface TourPosition<T> {
  index: number;
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
  const count = Math.floor(elapsed / dwell);
  const index = count % n;
  return { index, step: tour.steps[index] as T, nextAt: tour.startedAt + (count + 1) * dwell };
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
