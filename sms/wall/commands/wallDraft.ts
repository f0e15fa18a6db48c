import { customLayoutProblems } from '../../../shared/domain/customLayout';
import type { CustomLayout, Wall } from '../../../shared/protocol';
import type { Draft } from '../../core/draft';
import { CommandFailure, type Actor } from '../../core/ports';
import {
  arrangeRefusal,
  emptyWall,
  personalWallId,
  sendRefusal,
  unknownWallRefusal,
} from '../../../shared/domain/wallRules';
import { roomPresetFor } from '../../../shared/domain/roomPreset';
import { personalWallStart } from '../personalWall';
import { tileCount } from '../wall';

/**
 * The wall as it stands in this draft; the room's wall and the actor's own are created on first
 * use, the actor's own from the room's preset (sms/wall/personalWall.ts). Any other id must name
 * a wall that exists, else `invalid` (shared/domain/wallRules.ts).
 */
function wallOf(d: Draft, id: string): Wall {
  const found = d.find('wall', id);
  const unknown = unknownWallRefusal(d.actor, id, found !== undefined);
  if (unknown !== null) throw new CommandFailure('invalid', unknown);
  if (found) return found;
  if (id !== personalWallId(d.actor.userId)) return emptyWall(id, d.isoNow, d.actor.username);
  const preset = roomPresetFor(d.all('wallPreset'), d.actor.role);
  return personalWallStart(id, preset, d.now, d.actor.username, (p) => d.find('wallPreset', p));
}

/** The wall, if it is one and `refusal` (a rule of shared/domain/wallRules.ts) lets the actor use it. */
function usable(d: Draft, id: string, refusal: (actor: Actor, wallId: string) => string | null): Wall {
  const wall = wallOf(d, id);
  const refused = refusal(d.actor, id);
  if (refused !== null) throw new CommandFailure('forbidden', refused);
  return wall;
}

/** The wall, if the draft's actor may arrange it. */
export function arrangeable(d: Draft, id: string): Wall {
  return usable(d, id, arrangeRefusal);
}

/** The wall, if the draft's actor may send cameras to it (`wall.show`: any operator to the room's wall). */
export function sendable(d: Draft, id: string): Wall {
  return usable(d, id, sendRefusal);
}

/** Stages the wall as changed now by the draft's actor. */
export function saveWall(d: Draft, wall: Wall): { wall: Wall } {
  return { wall: d.put('wall', { ...wall, updatedAt: d.isoNow, updatedBy: d.actor.username }) };
}

/** Refuses a tile the wall's layout does not show. */
export function checkTile(wall: Wall, tile: number): void {
  const n = tileCount(wall.layout, wall.custom);
  if (tile >= n) throw new CommandFailure('invalid', `Tile ${tile + 1} is not on a ${wall.layout} wall (${n} tiles).`);
}

/** A custom layout must cover its grid exactly once (the editor's rule, enforced here too). */
export function checkCustom(custom: CustomLayout | undefined | null): void {
  if (!custom) return;
  const found = customLayoutProblems(custom.columns, custom.rows, custom.cells);
  if (found.length > 0) throw new CommandFailure('invalid', found.join(' '));
}
