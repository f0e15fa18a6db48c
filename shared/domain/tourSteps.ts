import type { TileTour, TourPlan, WallPreset, WallTour } from '../protocol';
import { tourPosition, wallTourPages, type TourPosition } from './tour';

/** One step of a whole-wall tour: a page of cameras (one per tile), or a preset to show. */
export type WallTourStep = { kind: 'page'; cameraIds: (string | null)[] } | { kind: 'preset'; preset: WallPreset };

/**
 * A wall tour's steps: the cameras in pages of the wall's tile count, or the presets that still
 * exist (a deleted preset drops out of the tour rather than stopping it).
 */
export function wallTourSteps(
  plan: TourPlan,
  tiles: number,
  findPreset: (id: string) => WallPreset | undefined,
): WallTourStep[] {
  if (plan.kind === 'cameras') {
    return wallTourPages(plan.cameraIds, Math.max(1, tiles)).map((cameraIds) => ({ kind: 'page', cameraIds }));
  }
  return plan.presetIds.flatMap((id) => {
    const preset = findPreset(id);
    return preset ? [{ kind: 'preset', preset } as const] : [];
  });
}

/** Where a running wall tour stands at `now` (ms, SMS clock), or null when it has nothing left to show. */
export function wallTourAt(
  tour: WallTour,
  tiles: number,
  findPreset: (id: string) => WallPreset | undefined,
  now: number,
): TourPosition<WallTourStep> | null {
  const steps = wallTourSteps(tour.plan, tiles, findPreset);
  return tourPosition({ steps, dwellMs: tour.plan.dwellSeconds * 1_000, startedAt: Date.parse(tour.startedAt) }, now);
}

/** Where a running tile tour stands at `now` (ms, SMS clock): the camera due on the tile. */
export function tileTourAt(tour: TileTour, now: number): TourPosition<string> | null {
  return tourPosition(
    { steps: tour.plan.cameraIds, dwellMs: tour.plan.dwellSeconds * 1_000, startedAt: Date.parse(tour.startedAt) },
    now,
  );
}
