import { customLayoutProblems } from '../../../shared/domain/customLayout';
import type { CustomLayout, Wall } from '../../../shared/protocol';
import type { Draft } from '../../core/draft';
import { CommandFailure } from '../../core/ports';
import { arrangeRefusal, emptyWall, isWallId } from '../../../shared/domain/wallRules';
import { tileCount } from '../wall';

/** The wall as it stands in this draft, created on first use. */
export function wallOf(d: Draft, id: string): Wall {
  const found = d.find('wall', id);
  if (found) return found;
  if (!isWallId(id)) throw new CommandFailure('not_found', `No wall with id ${id}.`);
  return emptyWall(id, d.isoNow, d.actor.username);
}

/** The wall, if the draft's actor may arrange it (shared/domain/wallRules.ts); `wall.show` skips this. */
export function arrangeable(d: Draft, id: string): Wall {
  const refusal = arrangeRefusal(d.actor, id);
  if (refusal !== null) throw new CommandFailure('forbidden', refusal);
  return wallOf(d, id);
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
