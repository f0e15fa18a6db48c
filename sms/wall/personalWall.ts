import { emptyWall } from '../../shared/domain/wallRules';
import { ROLES, type Role, type Wall, type WallPreset } from '../../shared/protocol';
import { atTourStep, presetArranged, type FindPreset } from './tours';

/**
 * Name of the shared preset that holds the room's default arrangement. A new personal wall starts
 * from it, so a supervisor who changes (or deletes) it changes how workstations' own screens start.
 */
export const ROOM_PRESET_NAME = 'Control room';

/**
 * The room's preset for someone of `role`: the one of that name shared with their role, else
 * (an admin, who shares with every role, or a role nobody shared it with) the first role's that has one.
 */
export function roomPresetFor(presets: Iterable<WallPreset>, role: Role | 'system'): WallPreset | undefined {
  const named = [...presets].filter(
    (p) => p.scope.kind === 'role' && p.name.toLowerCase() === ROOM_PRESET_NAME.toLowerCase(),
  );
  const roleOf = (p: WallPreset) => (p.scope.kind === 'role' ? p.scope.role : null);
  return named.find((p) => roleOf(p) === role) ?? ROLES.map((r) => named.find((p) => roleOf(p) === r)).find(Boolean);
}

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
