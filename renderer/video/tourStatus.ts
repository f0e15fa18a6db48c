import type { TourPosition } from '../../shared/domain/tour';
import { tileTourAt, wallTourAt } from '../../shared/domain/tourSteps';
import type { Wall, WallPreset } from '../../shared/protocol';

/** A running tour in words: "Touring: 3 of 8, next in 12 s". */
function describeTour(at: TourPosition<unknown>, now: number): string {
  const seconds = Math.max(0, Math.ceil((at.nextAt - now) / 1_000));
  return `Touring: ${at.index + 1} of ${at.count}, next in ${seconds} s`;
}

/** One line of the tour panel: what tours, and where it stands. */
export interface TourLine {
  /** The tile, or null for the whole wall. */
  tile: number | null;
  text: string;
}

/**
 * Every tour running on the wall's visible tiles, as the SMS steps them (same rule, same start
 * time), read at `now` on this workstation's clock.
 */
export function tourLines(wall: Wall, tiles: number, presets: readonly WallPreset[], now: number): TourLine[] {
  const lines: TourLine[] = [];
  if (wall.tour) {
    const at = wallTourAt(wall.tour, tiles, (id) => presets.find((p) => p.id === id), now);
    const what = wall.tour.plan.kind === 'cameras' ? 'pages of cameras' : 'presets';
    if (at) lines.push({ tile: null, text: `Wall (${what}) — ${describeTour(at, now)}` });
  }
  wall.tiles.slice(0, tiles).forEach((tile, i) => {
    const at = tile.tour ? tileTourAt(tile.tour, now) : null;
    if (at) lines.push({ tile: i, text: `Tile ${i + 1} — ${describeTour(at, now)}` });
  });
  return lines;
}
