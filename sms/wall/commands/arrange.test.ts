// Arranging a wall by hand (wall.layout, tile, swap, focus, alarmTile, show) through the real core and an in-memory store.
import { type EventEnvelope } from '../../../shared/protocol';
import { testCamera, testWorld } from '../../../test/support/world';
import type { SmsCoreService } from '../../core/core';
import { memoryCoreRig, refusal } from '../../../test/integration/support/coreRig';
import type { Actor } from '../../core/ports';
import { startWallAlarms } from '../alarms';
import { ROOM_WALL_ID, personalWallId } from '../../../shared/domain/wallRules';
import type { WallCommandType } from './handlers';

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

describe('which walls a command may name', () => {
  const supervisors = personalWallId(supervisor.userId);

  it("refuses sending to or arranging another operator's personal wall, and leaves it as it was", () => {
    const { wall } = core.execute('wall.layout', { wallId: supervisors, layout: '1x1' }, supervisor);
    expect(refusal(() => core.execute('wall.show', { wallId: supervisors, cameraIds: ['cam-3'] }, dispatcher))).toBe(
      'forbidden',
    );
    const dispatchers = core.execute(
      'wall.show',
      { wallId: personalWallId(dispatcher.userId), cameraIds: ['cam-1'] },
      dispatcher,
    );
    expect(
      refusal(() => core.execute('wall.tile', { wallId: dispatchers.wall.id, tile: 0, cameraId: 'cam-3' }, supervisor)),
    ).toBe('forbidden');
    expect(core.walls.get(supervisors)).toEqual(wall);
    expect(core.walls.get(dispatchers.wall.id)).toEqual(dispatchers.wall);
  });

  // Every command that names a wall; a guessed id must not create a wall nobody's screen shows.
  const attempts: Record<
    Exclude<WallCommandType, 'wall.presetSave' | 'wall.presetDelete' | 'wall.tourStep'>,
    (wallId: string, actor: Actor) => unknown
  > = {
    'wall.layout': (wallId, actor) => core.execute('wall.layout', { wallId, layout: '2x2' }, actor),
    'wall.tile': (wallId, actor) => core.execute('wall.tile', { wallId, tile: 0, cameraId: 'cam-1' }, actor),
    'wall.swap': (wallId, actor) => core.execute('wall.swap', { wallId, a: 0, b: 1 }, actor),
    'wall.focus': (wallId, actor) => core.execute('wall.focus', { wallId, tile: null }, actor),
    'wall.alarmTile': (wallId, actor) => core.execute('wall.alarmTile', { wallId, tile: 0 }, actor),
    'wall.show': (wallId, actor) => core.execute('wall.show', { wallId, cameraIds: ['cam-1'] }, actor),
    'wall.tour': (wallId, actor) => core.execute('wall.tour', { wallId, tile: null, plan: null }, actor),
    'wall.presetApply': (wallId, actor) => {
      const tiles = [{ cameraId: 'cam-1' }];
      const save = {
        name: 'Bank',
        scope: { kind: 'user' as const },
        layout: '1x1' as const,
        custom: null,
        tiles,
        tour: null,
      };
      const { preset } = core.execute('wall.presetSave', save, actor);
      events.length = 0;
      return core.execute('wall.presetApply', { wallId, presetId: preset.id }, actor);
    },
  };

  it.each(Object.entries(attempts))(
    'refuses %s to a wall id that names no wall as invalid, creating nothing',
    (_, attempt) => {
      for (const wallId of ['wall-guessed', 'wall-room2', personalWallId('user-nobody')]) {
        for (const actor of [supervisor, dispatcher]) expect(refusal(() => attempt(wallId, actor))).toBe('invalid');
      }
      expect(events).toEqual([]);
      expect(core.snapshot().walls).toEqual([]);
    },
  );
});
