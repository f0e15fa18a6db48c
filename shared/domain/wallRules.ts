import { MAX_WALL_TILES, type Role, type Wall, type WallPresetScope, type WallTile } from '../protocol';

// Who may do what with video walls and wall presets. The SMS enforces these rules (sms/wall/commands)
// and the wall surface uses the same ones to offer only what the SMS will accept.

/** Someone acting on a wall: an operator, or the SMS itself (alarm pop-ups, tour steps). */
export interface WallActor {
  userId: string;
  role: Role | 'system';
}

/** The control room's shared wall. */
export const ROOM_WALL_ID = 'wall-room';

const PERSONAL_WALL_PREFIX = 'wall-user-';

/** A personal wall (a workstation's own screens) belongs to one user and only they arrange it. */
export function personalWallId(userId: string): string {
  return `${PERSONAL_WALL_PREFIX}${userId}`;
}

/**
 * Why `wallId` names no wall `actor` may use, or null when it does: the room's wall and the
 * actor's own personal wall (both created on first use), or a wall that `exists`. Any other id is
 * refused rather than created: a wall no workstation shows would take cameras nobody sees.
 */
export function unknownWallRefusal(actor: WallActor, wallId: string, exists: boolean): string | null {
  const own = personalWallId(actor.userId);
  if (exists || wallId === ROOM_WALL_ID || wallId === own) return null;
  return `There is no wall ${wallId}: name ${ROOM_WALL_ID} or your own ${own}.`;
}

/** Roles that arrange the room's and other shared walls; every operator may still "send to wall" (`wall.show`). */
const WALL_ARRANGERS: readonly (Role | 'system')[] = ['supervisor', 'commander', 'admin', 'system'];

/**
 * Why `actor` may not arrange wall `wallId` (layout, tiles, focus, alarm tile, presets, tours),
 * or null when they may: shared walls take a supervisor or above, a personal wall only its owner
 * (or the SMS itself).
 */
export function arrangeRefusal(actor: WallActor, wallId: string): string | null {
  if (wallId === personalWallId(actor.userId) || actor.role === 'system') return null;
  if (wallId.startsWith(PERSONAL_WALL_PREFIX)) return `${wallId} is another operator's own screens: only they use it.`;
  if (WALL_ARRANGERS.includes(actor.role)) return null;
  if (wallId === ROOM_WALL_ID) return `A ${actor.role} may send cameras to the room's wall but not arrange it.`;
  return `A ${actor.role} may not use ${wallId}: supervisors and above arrange the shared walls.`;
}

/**
 * Why `actor` may not send cameras to wall `wallId` ("send to wall", `wall.show`), or null when
 * they may: every operator to the room's wall, from any workstation; any other wall as arranging it.
 */
export function sendRefusal(actor: WallActor, wallId: string): string | null {
  return wallId === ROOM_WALL_ID ? null : arrangeRefusal(actor, wallId);
}

/** Whether `actor` may arrange wall `wallId` (see `arrangeRefusal`). */
export function mayArrangeWall(actor: WallActor, wallId: string): boolean {
  return arrangeRefusal(actor, wallId) === null;
}

const EMPTY_TILE: WallTile = { cameraId: null, alertId: null };

/** A wall nobody has arranged yet: 2x2, nothing on it, alarms popping up on the first tile. */
export function emptyWall(id: string, at: string, by: string): Wall {
  return {
    id,
    name: id === ROOM_WALL_ID ? 'Control room wall' : 'Workstation wall',
    layout: '2x2',
    custom: null,
    tiles: Array.from({ length: MAX_WALL_TILES }, () => EMPTY_TILE),
    alarmTile: 0,
    focusedTile: null,
    updatedAt: at,
    updatedBy: by,
  };
}

/** Roles that share presets with a role (and change or delete shared ones). */
const PRESET_SHARERS: readonly (Role | 'system')[] = ['supervisor', 'commander', 'admin', 'system'];

/** Whether `role` shares presets with a role, rather than keeping only their own. */
export function maySharePresets(role: Role | 'system'): boolean {
  return PRESET_SHARERS.includes(role);
}

/** Whether presets of `scope` are meant for `actor` (to apply, or tour): their own, or their role's; an admin's all. */
export function presetMeantFor(actor: WallActor, scope: WallPresetScope): boolean {
  if (actor.role === 'system' || actor.role === 'admin') return true;
  return scope.kind === 'user' ? scope.userId === actor.userId : scope.role === actor.role;
}

/**
 * Why `actor` may not save, change or delete a preset of `scope`, or null when they may: their
 * own always; a shared one only if they share presets.
 */
export function presetChangeRefusal(actor: WallActor, scope: WallPresetScope): string | null {
  if (actor.role === 'system' || actor.role === 'admin') return null;
  if (scope.kind === 'user' && scope.userId !== actor.userId)
    return "Another operator's own preset is theirs to change.";
  if (scope.kind === 'role' && !maySharePresets(actor.role)) {
    return `A ${actor.role} keeps their own presets; supervisors share them with a role.`;
  }
  return null;
}
