import { ROLES, type Role, type WallPreset } from '../protocol';

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
