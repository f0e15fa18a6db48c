import type { SmsCoreService } from '../core/core';
import { ROOM_WALL_ID } from '../../shared/domain/wallRules';

const SYSTEM = { userId: 'system', username: 'system', role: 'system' } as const;

/**
 * Alarm pop-ups: an alert raised with a camera puts that camera on the room wall's alarm tile,
 * marked with the alert; acknowledging, dismissing or converting the alert clears the mark.
 * Runs inside the SMS so the room wall reacts even with no supervisor signed in.
 */
export function startWallAlarms(core: SmsCoreService): () => void {
  const unsubscribe = core.subscribe((event) => {
    if (event.type === 'alert.raised') {
      const { alert } = event.payload;
      if (alert.cameraId === null) return;
      const wall = core.walls.get(ROOM_WALL_ID);
      const tile = wall?.alarmTile ?? 0;
      core.execute('wall.tile', { wallId: ROOM_WALL_ID, tile, cameraId: alert.cameraId, alertId: alert.id }, SYSTEM);
    } else if (event.type === 'alert.updated' && event.payload.alert.status !== 'raised') {
      const { alert } = event.payload;
      const wall = core.walls.get(ROOM_WALL_ID);
      const tile = wall?.tiles.findIndex((t) => t.alertId === alert.id) ?? -1;
      if (wall === undefined || tile < 0) return;
      core.execute(
        'wall.tile',
        { wallId: ROOM_WALL_ID, tile, cameraId: wall.tiles[tile]?.cameraId ?? null, alertId: null },
        SYSTEM,
      );
    }
  });
  return () => {
    unsubscribe();
  };
}
