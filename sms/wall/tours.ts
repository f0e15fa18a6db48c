import { tileTourAt, wallTourAt } from '../../shared/domain/tourSteps';
import { MAX_WALL_TILES, type Wall, type WallPreset, type WallTile } from '../../shared/protocol';
import { tileCount } from './wall';

/** Looks a preset up by id (the draft's or the core's view). */
export type FindPreset = (id: string) => WallPreset | undefined;

/** Who started a tour and when, as the wall records it. */
export interface TourStart {
  at: string;
  by: string;
}

/** The tile without its tour: what a tile becomes when an operator takes it over by hand. */
export function untoured(tile: WallTile): WallTile {
  return { cameraId: tile.cameraId, alertId: tile.alertId };
}

/**
 * The wall arranged as a preset: layout, cameras and (when `start` is given) the preset's tours,
 * started then. An alarm pop-up keeps its tile until acknowledged; a whole-wall tour takes the
 * place of tile tours. Focus and the alarm tile stay where the new layout still has them.
 */
export function presetArranged(wall: Wall, preset: WallPreset, start: TourStart | null): Wall {
  const n = tileCount(preset.layout, preset.custom);
  const wallTour = start && preset.tour ? { plan: preset.tour, startedAt: start.at, startedBy: start.by } : null;
  const tiles = Array.from({ length: MAX_WALL_TILES }, (_, i): WallTile => {
    const current = wall.tiles[i];
    if (current && current.alertId !== null) return untoured(current);
    const saved = i < n ? preset.tiles[i] : undefined;
    const tile: WallTile = { cameraId: saved?.cameraId ?? null, alertId: null };
    if (start && !wallTour && saved?.tour) tile.tour = { plan: saved.tour, startedAt: start.at, startedBy: start.by };
    return tile;
  });
  return {
    ...wall,
    layout: preset.layout,
    custom: preset.custom,
    tiles,
    focusedTile: wall.focusedTile !== null && wall.focusedTile < n ? wall.focusedTile : null,
    alarmTile: wall.alarmTile < n ? wall.alarmTile : 0,
    tour: wallTour,
  };
}

/**
 * The wall as its tours want it at `now` (SMS clock): the wall tour's page of cameras or preset,
 * and each touring tile's camera. Tiles holding an alarm pop-up are skipped until the alert is
 * acknowledged. A preset tour whose presets are all gone stops.
 */
export function atTourStep(wall: Wall, now: number, findPreset: FindPreset): Wall {
  let next = wall;
  if (wall.tour) {
    const at = wallTourAt(wall.tour, tileCount(wall.layout, wall.custom), findPreset, now);
    if (at === null) next = { ...next, tour: null };
    else if (at.step.kind === 'preset') next = { ...presetArranged(next, at.step.preset, null), tour: wall.tour };
    else next = withPage(next, at.step.cameraIds);
  }
  const n = tileCount(next.layout, next.custom);
  const tiles = next.tiles.map((tile, i) => {
    if (!tile.tour || tile.alertId !== null || i >= n) return tile;
    const camera = tileTourAt(tile.tour, now)?.step ?? tile.cameraId;
    return camera === tile.cameraId ? tile : { ...tile, cameraId: camera };
  });
  return { ...next, tiles };
}

function withPage(wall: Wall, cameraIds: readonly (string | null)[]): Wall {
  const tiles = wall.tiles.map((tile, i) =>
    i >= cameraIds.length || tile.alertId !== null ? tile : { cameraId: cameraIds[i] ?? null, alertId: null },
  );
  return { ...wall, tiles };
}

/** Whether two versions of a wall show the same thing (times and authors aside). */
export function sameArrangement(a: Wall, b: Wall): boolean {
  const shape = (w: Wall) => JSON.stringify([w.layout, w.custom, w.tiles, w.tour ?? null, w.focusedTile, w.alarmTile]);
  return shape(a) === shape(b);
}

/** Whether any tour runs on the wall. */
export function isTouring(wall: Wall): boolean {
  return (wall.tour ?? null) !== null || wall.tiles.some((t) => t.tour !== undefined);
}

/** When the wall's next tour step is due (SMS clock), or null when nothing tours on it. */
export function nextTourStepAt(wall: Wall, now: number, findPreset: FindPreset): number | null {
  const due: number[] = [];
  if (wall.tour) {
    const at = wallTourAt(wall.tour, tileCount(wall.layout, wall.custom), findPreset, now);
    if (at) due.push(at.nextAt);
  }
  for (const tile of wall.tiles) {
    const at = tile.tour ? tileTourAt(tile.tour, now) : null;
    if (at) due.push(at.nextAt);
  }
  return due.length === 0 ? null : Math.min(...due);
}
