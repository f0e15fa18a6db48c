// Tours as SMS state (wall.tour, the tour timer, manual changes) through the real core and an in-memory store.
import { type EventEnvelope, type Wall } from '../../../shared/protocol';
import { testCamera, testWorld } from '../../../test/support/world';
import type { SmsCoreService } from '../../core/core';
import { memoryCoreRig, refusal } from '../../../test/integration/support/coreRig';
import { SYSTEM_ACTOR, type Actor } from '../../core/ports';
import { startWallAlarms } from '../alarms';
import { advanceWallTours, startWallTours } from '../tourTimer';
import { ROOM_WALL_ID } from '../../../shared/domain/wallRules';

const dispatcher: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };
const supervisor: Actor = { userId: 'user-supervisor', username: 'supervisor', role: 'supervisor' };
const START = Date.parse('2026-11-25T10:00:00.000Z');

let now: number;
let core: SmsCoreService;
let events: EventEnvelope[];
beforeEach(() => {
  now = START;
  const world = testWorld();
  const more = ['cam-3', 'cam-4', 'cam-5', 'cam-6'].map((id) => testCamera(id));
  ({ core, events } = memoryCoreRig(
    { ...world, cameras: [...world.cameras, ...more, testCamera('cam-9', { owner: 'third_party' })] },
    () => now,
  ));
});
afterEach(() => core.close());

const cameras = (ids: string[], dwellSeconds = 10) => ({ kind: 'cameras' as const, cameraIds: ids, dwellSeconds });
const room = (): Wall => core.walls.get(ROOM_WALL_ID) as Wall;
const onTiles = (n: number) =>
  room()
    .tiles.slice(0, n)
    .map((t) => t.cameraId);

describe('tile tours', () => {
  it('shows the first camera at once and the next when its dwell is up', () => {
    const { wall } = core.execute(
      'wall.tour',
      { wallId: ROOM_WALL_ID, tile: 1, plan: cameras(['cam-3', 'cam-4']) },
      supervisor,
    );
    expect(wall.tiles[1]).toMatchObject({ cameraId: 'cam-3', tour: { startedBy: 'supervisor' } });
    now += 9_999;
    expect(advanceWallTours(core)).toBe(0);
    now += 1;
    expect(advanceWallTours(core)).toBe(1);
    expect(onTiles(2)).toEqual([null, 'cam-4']);
    now += 10_000;
    advanceWallTours(core);
    expect(onTiles(2)).toEqual([null, 'cam-3']);
    expect(events.map((e) => e.type)).toEqual(['wall.updated', 'wall.updated', 'wall.updated']);
  });

  it('stops when an operator puts a camera on the tile or swaps it', () => {
    core.execute('wall.tour', { wallId: ROOM_WALL_ID, tile: 0, plan: cameras(['cam-3', 'cam-4']) }, supervisor);
    core.execute('wall.tour', { wallId: ROOM_WALL_ID, tile: 1, plan: cameras(['cam-5', 'cam-6']) }, supervisor);
    core.execute('wall.tile', { wallId: ROOM_WALL_ID, tile: 0, cameraId: 'cam-1' }, supervisor);
    expect(room().tiles[0]).toEqual({ cameraId: 'cam-1', alertId: null });
    core.execute('wall.swap', { wallId: ROOM_WALL_ID, a: 1, b: 2 }, supervisor);
    expect(room().tiles.some((t) => t.tour)).toBe(false);
    now += 60_000;
    expect(advanceWallTours(core)).toBe(0);
  });

  it('goes around an alarm pop-up until the alert is acknowledged, then carries on', () => {
    startWallAlarms(core);
    core.execute('wall.alarmTile', { wallId: ROOM_WALL_ID, tile: 0 }, supervisor);
    core.execute('wall.tour', { wallId: ROOM_WALL_ID, tile: 0, plan: cameras(['cam-3', 'cam-4']) }, supervisor);
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
    now += 10_000;
    advanceWallTours(core);
    expect(room().tiles[0]).toMatchObject({ cameraId: 'cam-2', alertId: alert.id });
    core.execute('alert.acknowledge', { alertId: alert.id }, dispatcher);
    now += 10_000;
    advanceWallTours(core);
    expect(room().tiles[0]).toMatchObject({ cameraId: 'cam-3', alertId: null, tour: expect.anything() });
  });

  it('refuses presets on a tile and third-party cameras anywhere', () => {
    const presets = { kind: 'presets' as const, presetIds: ['preset-000001'], dwellSeconds: 10 };
    expect(refusal(() => core.execute('wall.tour', { wallId: ROOM_WALL_ID, tile: 0, plan: presets }, supervisor))).toBe(
      'invalid',
    );
    expect(
      refusal(() =>
        core.execute('wall.tour', { wallId: ROOM_WALL_ID, tile: 0, plan: cameras(['cam-1', 'cam-9']) }, supervisor),
      ),
    ).toBe('invalid');
  });

  it('is for those who may arrange the wall, and never for an operator to step', () => {
    expect(
      refusal(() =>
        core.execute('wall.tour', { wallId: ROOM_WALL_ID, tile: 0, plan: cameras(['cam-1', 'cam-2']) }, dispatcher),
      ),
    ).toBe('forbidden');
    expect(refusal(() => core.execute('wall.tourStep', { wallId: ROOM_WALL_ID }, supervisor))).toBe('forbidden');
  });
});

describe('wall tours', () => {
  it('pages cameras over the whole wall and re-pages when the layout changes', () => {
    core.execute(
      'wall.tour',
      { wallId: ROOM_WALL_ID, tile: null, plan: cameras(['cam-1', 'cam-2', 'cam-3', 'cam-4', 'cam-5']) },
      supervisor,
    );
    expect(onTiles(4)).toEqual(['cam-1', 'cam-2', 'cam-3', 'cam-4']);
    now += 10_000;
    advanceWallTours(core);
    expect(onTiles(4)).toEqual(['cam-5', null, null, null]);
    core.execute('wall.layout', { wallId: ROOM_WALL_ID, layout: '1x1' }, supervisor);
    expect(room().tour).not.toBeNull();
    expect(onTiles(1)).toEqual(['cam-2']);
  });

  it('cycles presets, and stops once none of them is left', () => {
    const save = (name: string, cameraId: string, layout: '1x1' | '2x2') =>
      core.execute(
        'wall.presetSave',
        { name, scope: { kind: 'user' }, layout, custom: null, tiles: [{ cameraId }], tour: null },
        supervisor,
      ).preset.id;
    const a = save('A', 'cam-1', '1x1');
    const b = save('B', 'cam-2', '2x2');
    core.execute(
      'wall.tour',
      { wallId: ROOM_WALL_ID, tile: null, plan: { kind: 'presets', presetIds: [a, b], dwellSeconds: 30 } },
      supervisor,
    );
    expect([room().layout, onTiles(1)]).toEqual(['1x1', ['cam-1']]);
    now += 30_000;
    advanceWallTours(core);
    expect([room().layout, onTiles(1)]).toEqual(['2x2', ['cam-2']]);
    core.execute('wall.presetDelete', { presetId: a }, supervisor);
    core.execute('wall.presetDelete', { presetId: b }, supervisor);
    advanceWallTours(core);
    expect(room().tour).toBeNull();
  });

  it('stops on a manual tile change, a swap, or a send to wall, and when stopped', () => {
    const start = () =>
      core.execute('wall.tour', { wallId: ROOM_WALL_ID, tile: null, plan: cameras(['cam-3', 'cam-4']) }, supervisor);
    start();
    core.execute('wall.tile', { wallId: ROOM_WALL_ID, tile: 2, cameraId: 'cam-1' }, supervisor);
    expect(room().tour).toBeNull();
    start();
    core.execute('wall.show', { wallId: ROOM_WALL_ID, cameraIds: ['cam-5'] }, dispatcher);
    expect(room().tour).toBeNull();
    start();
    core.execute('wall.tour', { wallId: ROOM_WALL_ID, tile: null, plan: null }, supervisor);
    expect(room().tour).toBeNull();
    expect(onTiles(2)).toEqual(['cam-3', 'cam-4']);
  });

  it('replaces tile tours, and a tile tour replaces it', () => {
    core.execute('wall.tour', { wallId: ROOM_WALL_ID, tile: 3, plan: cameras(['cam-5', 'cam-6']) }, supervisor);
    core.execute('wall.tour', { wallId: ROOM_WALL_ID, tile: null, plan: cameras(['cam-1', 'cam-2']) }, supervisor);
    expect(room().tiles[3]?.tour).toBeUndefined();
    core.execute('wall.tour', { wallId: ROOM_WALL_ID, tile: 3, plan: cameras(['cam-5', 'cam-6']) }, supervisor);
    expect(room().tour).toBeNull();
  });
});

describe('the tour timer', () => {
  afterEach(() => jest.useRealTimers());

  it('wakes when a step is due and publishes the step', () => {
    jest.useFakeTimers();
    const stop = startWallTours(core);
    core.execute('wall.tour', { wallId: ROOM_WALL_ID, tile: 0, plan: cameras(['cam-3', 'cam-4']) }, supervisor);
    events.length = 0;
    now += 10_000;
    jest.advanceTimersByTime(1_000);
    expect(events.map((e) => e.type === 'wall.updated' && e.payload.wall.tiles[0]?.cameraId)).toEqual(['cam-4']);
    stop();
    now += 10_000;
    jest.advanceTimersByTime(5_000);
    expect(events).toHaveLength(1);
  });

  it('catches up on start with the step due by then (as after a restart)', () => {
    jest.useFakeTimers();
    core.execute(
      'wall.tour',
      { wallId: ROOM_WALL_ID, tile: 0, plan: cameras(['cam-3', 'cam-4', 'cam-5']) },
      supervisor,
    );
    now += 25_000;
    const stop = startWallTours(core);
    expect(room().tiles[0]?.cameraId).toBe('cam-5');
    expect(room().updatedBy).toBe(SYSTEM_ACTOR.username);
    stop();
  });
});
