import { ROOM_WALL_ID } from '../../../shared/domain/wallRules';
import { SYSTEM_ACTOR, type SmsCore } from '../../core/ports';
import { roomPresetFor } from '../../../shared/domain/roomPreset';
import { ROOM_ALARM_TILE, chooseWallCameras, scenarioPresets } from './wall';

/**
 * Puts the scenario's wall up on a fresh City: saves its shared presets, applies the room's to
 * `wall-room` (the City tour starts on the alarm tile) and sets the alarm tile. Ordinary commands
 * by the SMS itself, so each is validated, journaled and audited as any other and survives a
 * restart; the caller runs it once, when it seeded the world. Does nothing when presets exist.
 * `speed`: how much faster than real time the SMS clock runs (the tour's dwell follows real time).
 *
 * Run after a pre-roll, the room wall may already hold alarm pop-ups (sms/wall/alarms.ts puts
 * them up as alerts are raised): they are taken down, and the newest alert still waiting goes
 * up again on the new alarm tile, as it would have had the wall been up all along.
 */
export function seedScenarioWall(core: SmsCore, opts: { speed?: number | undefined } = {}): void {
  if (core.wallPresets.size > 0) return;
  const choice = chooseWallCameras([...core.cameras.values()]);
  for (const preset of scenarioPresets(choice, opts.speed)) core.execute('wall.presetSave', preset, SYSTEM_ACTOR);
  const room = roomPresetFor(core.wallPresets.values(), 'supervisor');
  if (!room) return;

  const before = core.walls.get(ROOM_WALL_ID);
  before?.tiles.forEach((tile, i) => {
    if (tile.alertId === null) return;
    core.execute('wall.tile', { wallId: ROOM_WALL_ID, tile: i, cameraId: null, alertId: null }, SYSTEM_ACTOR);
  });
  core.execute('wall.presetApply', { wallId: ROOM_WALL_ID, presetId: room.id }, SYSTEM_ACTOR);
  core.execute('wall.alarmTile', { wallId: ROOM_WALL_ID, tile: ROOM_ALARM_TILE }, SYSTEM_ACTOR);

  const waiting = [...core.alerts.values()]
    .filter((a) => a.status === 'raised' && a.cameraId !== null && core.cameras.has(a.cameraId))
    .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.id.localeCompare(b.id))
    .at(-1);
  if (waiting?.cameraId) {
    const popUp = { wallId: ROOM_WALL_ID, tile: ROOM_ALARM_TILE, cameraId: waiting.cameraId, alertId: waiting.id };
    core.execute('wall.tile', popUp, SYSTEM_ACTOR);
  }
}
