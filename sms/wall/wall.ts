import { MAX_WALL_TILES, type CustomLayout, type Wall, type WallLayout, type WallTile } from '../../shared/protocol';

const FIXED_TILES: Record<Exclude<WallLayout, 'custom'>, number> = {
  '1x1': 1,
  '2x2': 4,
  '3x3': 9,
  '4x4': 16,
  '1+5': 6,
  '1+7': 8,
  '2+8': 10,
};

/** How many tiles a layout shows. */
export function tileCount(layout: WallLayout, custom: CustomLayout | null): number {
  return layout === 'custom' ? Math.min(custom?.cells.length ?? 1, MAX_WALL_TILES) : FIXED_TILES[layout];
}

/** The smallest fixed grid layout that shows `n` tiles. */
export function gridFor(n: number): WallLayout {
  return n <= 1 ? '1x1' : n <= 4 ? '2x2' : n <= 9 ? '3x3' : '4x4';
}

const EMPTY_TILE: WallTile = { cameraId: null, alertId: null };

/**
 * Puts `cameraId` (or nothing) on a tile; a camera placed by hand drops any alarm mark, and the
 * tile's tour unless `keepTour` (an alarm pop-up pauses a tour rather than ending it).
 */
export function withTile(
  wall: Wall,
  tile: number,
  cameraId: string | null,
  alertId: string | null = null,
  keepTour = false,
): Wall {
  const tiles = wall.tiles.slice();
  const tour = keepTour ? tiles[tile]?.tour : undefined;
  tiles[tile] = tour ? { cameraId, alertId, tour } : { cameraId, alertId };
  return { ...wall, tiles };
}

/** Swaps two tiles, alarm marks included. */
export function swapped(wall: Wall, a: number, b: number): Wall {
  const tiles = wall.tiles.slice();
  [tiles[a], tiles[b]] = [tiles[b] ?? EMPTY_TILE, tiles[a] ?? EMPTY_TILE];
  return { ...wall, tiles };
}

/**
 * "Send to wall": the cameras go on the first tiles in order. The layout widens (never narrows)
 * to a grid that shows them all, so sending four cameras to a 1x1 wall shows four.
 */
export function shown(wall: Wall, cameraIds: readonly string[]): Wall {
  const ids = [...new Set(cameraIds)].slice(0, MAX_WALL_TILES);
  let next = wall;
  ids.forEach((id, i) => (next = withTile(next, i, id)));
  if (tileCount(wall.layout, wall.custom) < ids.length) next = { ...next, layout: gridFor(ids.length), custom: null };
  return { ...next, focusedTile: null };
}
