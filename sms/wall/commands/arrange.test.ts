// Arranging a wall by hand (wall.layout, tile, swap, focus, alarmTile, show) through the real core and an in-memory store.
import { type EventEnvelope } from '../../../shared/protocol';
import { testCamera, testWorld } from '../../../test/support/world';
import type { SmsCoreService } from '../../core/core';
import { memoryCoreRig, refusal } from '../../../test/integration/support/coreRig';
import type { Actor } from '../../core/ports';
import { startWallAlarms } from '../alarms';
import { ROOM_WALL_ID, personalWallId } from '../../../shared/domain/wallRules';

const dispatcher: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };
const supervisor: Actor = { userId: 'user-supervisor', username: 'supervisor', role: 'supervisor' };

let core: SmsCoreService;
let events: EventEnvelope[];
beforeEach(() => {
  const world = testWorld();
  ({ core, events } = memoryCoreRig(
    { ...world, cameras: [...world.cameras, testCamera('cam-3', { owner: 'third_party' })] },
    () => Date.parse('2026-11-25T10:00:00.000Z'),
  ));
});
afterEach(() => core.close());

describe('wall commands', () => {
  it('refuses a custom layout whose tiles overlap or leave cells uncovered, saying where', () => {
    const custom = {
      columns: 2,
      rows: 1,
      cells: [
        { col: 0, row: 0, width: 1, height: 1 },
        { col: 0, row: 0, width: 1, height: 1 },
      ],
    };
    expect(
      refusal(() => core.execute('wall.layout', { wallId: ROOM_WALL_ID, layout: 'custom', custom }, supervisor)),
    ).toBe('invalid');
    const ok = { ...custom, cells: [custom.cells[0]!, { col: 1, row: 0, width: 1, height: 1 }] };
    expect(
      core.execute('wall.layout', { wallId: ROOM_WALL_ID, layout: 'custom', custom: ok }, supervisor).wall.custom,
    ).toEqual(ok);
  });

  it('creates the room wall on first use and publishes the whole wall', () => {
    const { wall } = core.execute('wall.layout', { wallId: ROOM_WALL_ID, layout: '3x3' }, supervisor);
    expect(wall).toMatchObject({ id: ROOM_WALL_ID, layout: '3x3', updatedBy: 'supervisor' });
    expect(events.map((e) => e.type)).toEqual(['wall.updated']);
    expect(core.snapshot().walls).toEqual([wall]);
  });

  it('lets a dispatcher send to the room wall but not arrange it', () => {
    const { wall } = core.execute('wall.show', { wallId: ROOM_WALL_ID, cameraIds: ['cam-1', 'cam-2'] }, dispatcher);
    expect(wall.tiles.slice(0, 2).map((t) => t.cameraId)).toEqual(['cam-1', 'cam-2']);
    expect(
      refusal(() => core.execute('wall.tile', { wallId: ROOM_WALL_ID, tile: 0, cameraId: null }, dispatcher)),
    ).toBe('forbidden');
    const mine = personalWallId(dispatcher.userId);
    expect(core.execute('wall.tile', { wallId: mine, tile: 1, cameraId: 'cam-2' }, dispatcher).wall.id).toBe(mine);
  });

  it('refuses a tile beyond the layout and an unknown camera', () => {
    expect(
      refusal(() => core.execute('wall.tile', { wallId: ROOM_WALL_ID, tile: 4, cameraId: 'cam-1' }, supervisor)),
    ).toBe('invalid');
    expect(
      refusal(() => core.execute('wall.tile', { wallId: ROOM_WALL_ID, tile: 0, cameraId: 'cam-404' }, supervisor)),
    ).toBe('not_found');
  });

  it('pops an alert camera up on the designated alarm tile until the alert is acknowledged', () => {
    startWallAlarms(core);
    core.execute('wall.alarmTile', { wallId: ROOM_WALL_ID, tile: 2 }, supervisor);
    const alert = core.raiseAlert({
      source: 'video_analytics',
      kind: 'loitering',
      priority: 'high',
      location: { lon: -0.09, lat: 51.51 },
      detail: 'x',
      cameraId: 'cam-2',
      servicePointId: null,
      unitId: null,
    });
    expect(core.walls.get(ROOM_WALL_ID)?.tiles[2]).toEqual({ cameraId: 'cam-2', alertId: alert.id });
    core.execute('alert.acknowledge', { alertId: alert.id }, dispatcher);
    expect(core.walls.get(ROOM_WALL_ID)?.tiles[2]).toEqual({ cameraId: 'cam-2', alertId: null });
  });
});
