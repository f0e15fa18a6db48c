import type { Wall } from '../../shared/protocol';
import { tileCount } from './wall';

/**
 * The cameras a wall shows now (its shown tiles, in order), then those its tours come to next:
 * what to have ready first for a wall to play at once (the video prewarm's order). No duplicates.
 */
export function camerasOnWall(wall: Wall | undefined): string[] {
  if (!wall) return [];
  const shown = wall.tiles.slice(0, tileCount(wall.layout, wall.custom));
  const ids = [
    ...shown.map((t) => t.cameraId),
    ...shown.flatMap((t) => t.tour?.plan.cameraIds ?? []),
    ...(wall.tour?.plan.kind === 'cameras' ? wall.tour.plan.cameraIds : []),
  ];
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
