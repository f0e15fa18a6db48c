import { mayTour } from '../../../shared/domain/viewPolicy';
import { presetMeantFor } from '../../../shared/domain/wallRules';
import type { TourPlan, Wall } from '../../../shared/protocol';
import type { Draft } from '../../core/draft';
import type { CommandHandler } from '../../core/pipeline';
import { CommandFailure } from '../../core/ports';
import { atTourStep, sameArrangement, untoured } from '../tours';
import { arrangeable, checkTile, saveWall } from './wallDraft';

/** Refuses a plan naming a camera or preset that does not exist, or one not meant for the sender. */
export function checkTourPlan(d: Draft, plan: TourPlan): void {
  if (plan.kind === 'cameras') {
    for (const id of plan.cameraIds) {
      if (!mayTour(d.get('camera', id))) {
        throw new CommandFailure('invalid', `${id} is a third-party camera: it is viewed with a reason, not toured.`);
      }
    }
    return;
  }
  for (const id of plan.presetIds) {
    const preset = d.find('wallPreset', id);
    if (!preset) throw new CommandFailure('not_found', `No wall preset with id ${id}.`);
    if (!presetMeantFor(d.actor, preset.scope))
      throw new CommandFailure('forbidden', `Preset ${preset.name} is not yours.`);
  }
}

/** The wall at the step its tours want now, staged only if that changes anything. */
function stepped(d: Draft, wall: Wall, before: Wall): { wall: Wall } {
  const next = atTourStep(wall, d.now, (id) => d.find('wallPreset', id));
  return sameArrangement(next, before) ? { wall: before } : saveWall(d, next);
}

/**
 * Starts or stops a tour. A whole-wall tour and tile tours do not mix: starting one stops the
 * other, so no tile is claimed by two tours. The first step shows at once.
 */
export const setWallTour: CommandHandler<'wall.tour'> = (d, p) => {
  const wall = arrangeable(d, p.wallId);
  const plan = p.plan;
  if (p.tile !== null && plan && plan.kind !== 'cameras') {
    throw new CommandFailure('invalid', 'A tile tours cameras; presets tour the whole wall.');
  }
  if (plan) checkTourPlan(d, plan);
  const start = { startedAt: d.isoNow, startedBy: d.actor.username };
  if (p.tile === null) {
    const next: Wall = plan
      ? { ...wall, tiles: wall.tiles.map(untoured), tour: { plan, ...start } }
      : { ...wall, tour: null };
    return stepped(d, next, wall);
  }
  checkTile(wall, p.tile);
  const tiles = wall.tiles.slice();
  const tile = untoured(tiles[p.tile] ?? { cameraId: null, alertId: null });
  tiles[p.tile] = plan?.kind === 'cameras' ? { ...tile, tour: { plan, ...start } } : tile;
  return stepped(d, { ...wall, tiles, tour: plan ? null : (wall.tour ?? null) }, wall);
};

/** The SMS's tour timer: puts the wall at the step due now (no change, no event). */
export const stepWallTour: CommandHandler<'wall.tourStep'> = (d, p) => {
  const wall = d.find('wall', p.wallId);
  if (!wall) throw new CommandFailure('not_found', `No wall with id ${p.wallId}.`);
  return stepped(d, wall, wall);
};
