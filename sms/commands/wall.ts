import type { Wall } from '../../shared/protocol';
import type { Draft } from '../core/draft';
import { CommandFailure } from '../core/ports';
import {
  ROOM_WALL_ID,
  WALL_ARRANGERS,
  emptyWall,
  isWallId,
  personalWallId,
  shown,
  swapped,
  tileCount,
  withTile,
} from '../wall/wall';
import type { CommandHandler } from './handler';

/** The wall as it stands in this draft, created on first use. */
function wallOf(d: Draft, id: string): Wall {
  const found = d.findWall(id);
  if (found) return found;
  if (!isWallId(id)) throw new CommandFailure('not_found', `No wall with id ${id}.`);
  return emptyWall(id, d.isoNow, d.actor.username);
}

/**
 * Arranging a wall: the room's and other shared walls take a supervisor or above; a personal
 * wall only its owner. Sending cameras to a wall (`wall.show`) is open to every operator.
 */
function arrangeable(d: Draft, id: string): Wall {
  const mine = id === personalWallId(d.actor.userId);
  if (!mine && !WALL_ARRANGERS.includes(d.actor.role)) {
    throw new CommandFailure(
      'forbidden',
      `A ${d.actor.role} may send cameras to ${id === ROOM_WALL_ID ? "the room's wall" : id} but not arrange it.`,
    );
  }
  return wallOf(d, id);
}

function save(d: Draft, wall: Wall): { wall: Wall } {
  return { wall: d.putWall({ ...wall, updatedAt: d.isoNow, updatedBy: d.actor.username }) };
}

function checkTile(wall: Wall, tile: number): void {
  const n = tileCount(wall.layout, wall.custom);
  if (tile >= n) throw new CommandFailure('invalid', `Tile ${tile + 1} is not on a ${wall.layout} wall (${n} tiles).`);
}

export const setWallLayout: CommandHandler<'wall.layout'> = (d, p) => {
  if (p.layout === 'custom' && !p.custom) throw new CommandFailure('invalid', 'A custom layout needs its cells.');
  const wall = arrangeable(d, p.wallId);
  const custom = p.layout === 'custom' ? (p.custom ?? null) : null;
  const n = tileCount(p.layout, custom);
  const focusedTile = wall.focusedTile !== null && wall.focusedTile < n ? wall.focusedTile : null;
  const alarmTile = wall.alarmTile < n ? wall.alarmTile : 0;
  return save(d, { ...wall, layout: p.layout, custom, focusedTile, alarmTile });
};

export const setWallTile: CommandHandler<'wall.tile'> = (d, p) => {
  const wall = arrangeable(d, p.wallId);
  checkTile(wall, p.tile);
  if (p.cameraId !== null) d.camera(p.cameraId);
  if (p.alertId) d.alert(p.alertId);
  return save(d, withTile(wall, p.tile, p.cameraId, p.alertId ?? null));
};

export const swapWallTiles: CommandHandler<'wall.swap'> = (d, p) => {
  const wall = arrangeable(d, p.wallId);
  checkTile(wall, p.a);
  checkTile(wall, p.b);
  return save(d, swapped(wall, p.a, p.b));
};

export const focusWallTile: CommandHandler<'wall.focus'> = (d, p) => {
  const wall = arrangeable(d, p.wallId);
  if (p.tile !== null) checkTile(wall, p.tile);
  return save(d, { ...wall, focusedTile: p.tile });
};

export const setAlarmTile: CommandHandler<'wall.alarmTile'> = (d, p) => {
  const wall = arrangeable(d, p.wallId);
  checkTile(wall, p.tile);
  return save(d, { ...wall, alarmTile: p.tile });
};

export const showOnWall: CommandHandler<'wall.show'> = (d, p) => {
  for (const id of p.cameraIds) d.camera(id);
  return save(d, shown(wallOf(d, p.wallId), p.cameraIds));
};
