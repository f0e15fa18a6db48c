import type { CommandHandler } from '../../core/pipeline';
import { CommandFailure } from '../../core/ports';
import { atTourStep, untoured } from '../tours';
import { shown, swapped, tileCount, withTile } from '../wall';
import { arrangeable, checkCustom, checkTile, saveWall, sendable } from './wallDraft';

// Arranging a wall by hand: layout, tiles, swap, focus, alarm tile, and "send to wall".

export const setWallLayout: CommandHandler<'wall.layout'> = (d, p) => {
  if (p.layout === 'custom' && !p.custom) throw new CommandFailure('invalid', 'A custom layout needs its cells.');
  checkCustom(p.custom);
  const wall = arrangeable(d, p.wallId);
  const custom = p.layout === 'custom' ? (p.custom ?? null) : null;
  const n = tileCount(p.layout, custom);
  const focusedTile = wall.focusedTile !== null && wall.focusedTile < n ? wall.focusedTile : null;
  const alarmTile = wall.alarmTile < n ? wall.alarmTile : 0;
  // A layout chosen by hand ends a tour of presets (each brings its own layout) and the tours of
  // tiles the layout no longer shows; a tour of cameras carries on in pages of the new size.
  const tour = wall.tour?.plan.kind === 'presets' ? null : (wall.tour ?? null);
  const tiles = wall.tiles.map((t, i) => (i < n ? t : untoured(t)));
  const next = { ...wall, layout: p.layout, custom, focusedTile, alarmTile, tour, tiles };
  return saveWall(
    d,
    atTourStep(next, d.now, (id) => d.find('wallPreset', id)),
  );
};

export const setWallTile: CommandHandler<'wall.tile'> = (d, p) => {
  const wall = arrangeable(d, p.wallId);
  checkTile(wall, p.tile);
  if (p.cameraId !== null) d.get('camera', p.cameraId);
  if (p.alertId) d.get('alert', p.alertId);
  // An operator putting a camera on a tile takes it over: its tour, or the wall's, stops. The
  // SMS's own alarm pop-ups leave tours running; tours go around an alarm tile until it is acknowledged.
  const byHand = d.actor.role !== 'system';
  const next = withTile(wall, p.tile, p.cameraId, p.alertId ?? null, !byHand);
  return saveWall(d, byHand ? { ...next, tour: null } : next);
};

export const swapWallTiles: CommandHandler<'wall.swap'> = (d, p) => {
  const wall = arrangeable(d, p.wallId);
  checkTile(wall, p.a);
  checkTile(wall, p.b);
  const next = swapped(wall, p.a, p.b);
  const tiles = next.tiles.map((t, i) => (i === p.a || i === p.b ? untoured(t) : t));
  return saveWall(d, { ...next, tiles, tour: null });
};

export const focusWallTile: CommandHandler<'wall.focus'> = (d, p) => {
  const wall = arrangeable(d, p.wallId);
  if (p.tile !== null) checkTile(wall, p.tile);
  return saveWall(d, { ...wall, focusedTile: p.tile });
};

export const setAlarmTile: CommandHandler<'wall.alarmTile'> = (d, p) => {
  const wall = arrangeable(d, p.wallId);
  checkTile(wall, p.tile);
  return saveWall(d, { ...wall, alarmTile: p.tile });
};

/**
 * "Send to wall" is urgent: it stops the wall's tour and the tours of the tiles it fills. Any
 * operator sends to the room's wall from any workstation; their own wall is theirs; others' are not.
 */
export const showOnWall: CommandHandler<'wall.show'> = (d, p) => {
  const wall = sendable(d, p.wallId);
  for (const id of p.cameraIds) d.get('camera', id);
  return saveWall(d, { ...shown(wall, p.cameraIds), tour: null });
};
