// A personal wall starts from the room's preset ("Control room", shared with the owner's role)
// on its owner's first change, rather than empty: through the real core and its commands.
import { personalWallId } from '../../shared/domain/wallRules';
import type { CommandPayload } from '../../shared/protocol';
import { memoryCoreRig } from '../../test/integration/support/coreRig';
import { testCamera, testWorld } from '../../test/support/world';
import type { SmsCoreService } from '../core/core';
import { SYSTEM_ACTOR, type Actor } from '../core/ports';
import { ROOM_PRESET_NAME, roomPresetFor } from '../../shared/domain/roomPreset';

const dispatcher: Actor = { userId: 'user-d', username: 'dispatcher', role: 'dispatcher' };
const admin: Actor = { userId: 'user-a', username: 'admin', role: 'admin' };
const commander: Actor = { userId: 'user-c', username: 'commander', role: 'commander' };

const roomPreset = (role: 'dispatcher' | 'supervisor', cameraIds: string[]): CommandPayload<'wall.presetSave'> => ({
  name: ROOM_PRESET_NAME,
  scope: { kind: 'role', role },
  layout: '3x3',
  custom: null,
  tiles: [
    ...cameraIds.map((cameraId) => ({ cameraId })),
    { cameraId: 'cam-1', tour: { kind: 'cameras' as const, cameraIds: ['cam-1', 'cam-2'], dwellSeconds: 10 } },
  ],
  tour: null,
});

let core: SmsCoreService;
let now: number;
beforeEach(() => {
  now = Date.parse('2026-11-25T10:00:00.000Z');
  const world = testWorld();
  ({ core } = memoryCoreRig({ ...world, cameras: [...world.cameras, testCamera('cam-3')] }, () => now));
});
afterEach(() => core.close());

describe("a personal wall's start", () => {
  it("starts from the room preset shared with the owner's role, tours started then", () => {
    core.execute('wall.presetSave', roomPreset('supervisor', ['cam-2', 'cam-2']), SYSTEM_ACTOR);
    core.execute('wall.presetSave', roomPreset('dispatcher', ['cam-3', 'cam-2']), SYSTEM_ACTOR);
    now += 25_000;
    const id = personalWallId(dispatcher.userId);
    const { wall } = core.execute('wall.focus', { wallId: id, tile: 1 }, dispatcher);
    expect(wall.layout).toBe('3x3');
    expect(wall.tiles.slice(0, 3).map((t) => t.cameraId)).toEqual(['cam-3', 'cam-2', 'cam-1']);
    expect(wall.tiles[2]?.tour).toMatchObject({ startedAt: new Date(now).toISOString(), startedBy: 'dispatcher' });
    expect(wall.focusedTile).toBe(1);
    expect(wall).toMatchObject({ id, name: 'Workstation wall', updatedBy: 'dispatcher', alarmTile: 0 });
  });

  it('takes the change asked for on top of the preset', () => {
    core.execute('wall.presetSave', roomPreset('dispatcher', ['cam-3', 'cam-2']), SYSTEM_ACTOR);
    const { wall } = core.execute(
      'wall.tile',
      { wallId: personalWallId(dispatcher.userId), tile: 0, cameraId: null },
      dispatcher,
    );
    expect(wall.tiles.slice(0, 3).map((t) => t.cameraId)).toEqual([null, 'cam-2', 'cam-1']);
  });

  it("uses another role's room preset when none is shared with the owner's (an admin's)", () => {
    core.execute('wall.presetSave', roomPreset('supervisor', ['cam-2']), SYSTEM_ACTOR);
    const { wall } = core.execute('wall.alarmTile', { wallId: personalWallId(admin.userId), tile: 4 }, admin);
    expect(wall.layout).toBe('3x3');
    expect(wall.tiles[0]?.cameraId).toBe('cam-2');
  });

  it('is empty without a room preset, and a preset of another name does not count', () => {
    core.execute('wall.presetSave', { ...roomPreset('dispatcher', ['cam-3']), name: 'Bank' }, SYSTEM_ACTOR);
    const { wall } = core.execute('wall.focus', { wallId: personalWallId(commander.userId), tile: null }, commander);
    expect(wall.layout).toBe('2x2');
    expect(wall.tiles.every((t) => t.cameraId === null)).toBe(true);
  });

  it('leaves an existing personal wall and the room wall as they are', () => {
    const id = personalWallId(dispatcher.userId);
    core.execute('wall.layout', { wallId: id, layout: '1x1' }, dispatcher);
    core.execute('wall.presetSave', roomPreset('dispatcher', ['cam-3']), SYSTEM_ACTOR);
    expect(core.execute('wall.focus', { wallId: id, tile: null }, dispatcher).wall.layout).toBe('1x1');
    expect(core.execute('wall.focus', { wallId: 'wall-room', tile: null }, SYSTEM_ACTOR).wall.layout).toBe('2x2');
  });
});

describe('roomPresetFor', () => {
  it('matches the name whatever its case and prefers the role’s own', () => {
    const at = '2026-11-25T10:00:00.000Z';
    const base = { layout: '1x1' as const, custom: null, tiles: [], tour: null, updatedAt: at, updatedBy: 'x' };
    const presets = [
      { ...base, id: 'p1', name: 'control ROOM', scope: { kind: 'role' as const, role: 'commander' as const } },
      { ...base, id: 'p2', name: ROOM_PRESET_NAME, scope: { kind: 'role' as const, role: 'viewer' as const } },
      { ...base, id: 'p3', name: ROOM_PRESET_NAME, scope: { kind: 'user' as const, userId: 'user-v' } },
    ];
    expect(roomPresetFor(presets, 'viewer')?.id).toBe('p2');
    expect(roomPresetFor(presets, 'admin')?.id).toBe('p1');
    expect(roomPresetFor(presets.slice(2), 'viewer')).toBeUndefined();
  });
});
