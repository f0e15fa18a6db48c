import { emptyWall } from '../../shared/domain/wallRules';
import type { Wall, WallPreset } from '../../shared/protocol';
import { atTourStep, presetArranged, type FindPreset } from './tours';

/**
 * A personal wall as it is created (on its owner's first change to it): the room's preset, its
 * tours started `at`, rather than four empty tiles; empty when there is no such preset. A copy
 * of the preset, not of the room's wall as it stands: the room's wall carries the moment's alarm
 * pop-ups and incident cameras, the preset the arrangement the room chose to start from.
 */
export function personalWallStart(
  id: string,
  preset: WallPreset | undefined,
  now: number,
  by: string,
  findPreset: FindPreset,
): Wall {
  const at = new Date(now).toISOString();
  const empty = emptyWall(id, at, by);
  if (!preset) return empty;
  return atTourStep(presetArranged(empty, preset, { at, by }), now, findPreset);
}
