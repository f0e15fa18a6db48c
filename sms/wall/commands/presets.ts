import { presetChangeRefusal, presetMeantFor } from '../../../shared/domain/wallRules';
import { MAX_PRESETS_PER_SCOPE, type WallPreset, type WallPresetScope } from '../../../shared/protocol';
import type { Draft } from '../../core/draft';
import { entityId } from '../../core/ids';
import type { CommandHandler } from '../../core/pipeline';
import { CommandFailure, type Actor } from '../../core/ports';
import { atTourStep, presetArranged } from '../tours';
import { tileCount } from '../wall';
import { checkTourPlan } from './tours';
import { arrangeable, checkCustom, saveWall } from './wallDraft';

/** Refuses saving, changing or deleting a preset of `scope` unless the rule allows the actor. */
function checkMayChange(actor: Actor, scope: WallPresetScope): void {
  const refusal = presetChangeRefusal(actor, scope);
  if (refusal !== null) throw new CommandFailure('forbidden', refusal);
}

function sameScope(a: WallPresetScope, b: WallPresetScope): boolean {
  return a.kind === 'user' ? b.kind === 'user' && a.userId === b.userId : b.kind === 'role' && a.role === b.role;
}

function preset(d: Draft, id: string): WallPreset {
  const found = d.find('wallPreset', id);
  if (!found) throw new CommandFailure('not_found', `No wall preset with id ${id}.`);
  return found;
}

/**
 * Saves a preset: with `presetId` that preset, otherwise the one of the same name in the same
 * scope, otherwise a new one. Tiles beyond the layout are dropped; every camera must exist.
 */
export const saveWallPreset: CommandHandler<'wall.presetSave'> = (d, p) => {
  const scope: WallPresetScope =
    p.scope.kind === 'user' ? { kind: 'user', userId: d.actor.userId } : { kind: 'role', role: p.scope.role };
  checkMayChange(d.actor, scope);
  if (p.layout === 'custom' && !p.custom) throw new CommandFailure('invalid', 'A custom layout needs its cells.');
  const custom = p.layout === 'custom' ? p.custom : null;
  checkCustom(custom);
  const tiles = p.tiles.slice(0, tileCount(p.layout, custom));
  for (const tile of tiles) {
    if (tile.cameraId !== null) d.get('camera', tile.cameraId);
    if (tile.tour) checkTourPlan(d, tile.tour);
  }
  if (p.tour) checkTourPlan(d, p.tour);

  const inScope = d.all('wallPreset').filter((x) => sameScope(x.scope, scope));
  const named = inScope.find((x) => x.name.toLowerCase() === p.name.toLowerCase());
  const existing = p.presetId === undefined ? named : preset(d, p.presetId);
  if (existing) checkMayChange(d.actor, existing.scope);
  if (existing && named && named.id !== existing.id) {
    throw new CommandFailure('conflict', `There is already a preset named ${named.name} there.`);
  }
  if (!existing && inScope.length >= MAX_PRESETS_PER_SCOPE) {
    throw new CommandFailure('conflict', `At most ${MAX_PRESETS_PER_SCOPE} presets are kept there; delete one first.`);
  }
  const record: WallPreset = {
    id: existing?.id ?? entityId('preset', d.next('wallPreset')),
    name: p.name,
    scope,
    layout: p.layout,
    custom,
    tiles,
    tour: p.tour,
    updatedAt: d.isoNow,
    updatedBy: d.actor.username,
  };
  return { preset: d.put('wallPreset', record) };
};

/** Deletes a preset; a wall touring through it moves on without it. */
export const deleteWallPreset: CommandHandler<'wall.presetDelete'> = (d, p) => {
  const found = preset(d, p.presetId);
  checkMayChange(d.actor, found.scope);
  d.remove('wallPreset', found.id);
  return { presetId: found.id };
};

/**
 * Puts a preset on a wall in one change (one event, one audit record): layout, cameras, and its
 * tours started now. Only presets meant for the sender, on a wall they may arrange.
 */
export const applyWallPreset: CommandHandler<'wall.presetApply'> = (d, p) => {
  const found = preset(d, p.presetId);
  if (!presetMeantFor(d.actor, found.scope)) {
    throw new CommandFailure('forbidden', `Preset ${found.name} is not one of yours or your role's.`);
  }
  const wall = arrangeable(d, p.wallId);
  const arranged = presetArranged(wall, found, { at: d.isoNow, by: d.actor.username });
  return saveWall(
    d,
    atTourStep({ ...arranged, focusedTile: null }, d.now, (id) => d.find('wallPreset', id)),
  );
};
