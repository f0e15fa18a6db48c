// Wall presets (wall.presetSave / presetDelete / presetApply) through the real core and an in-memory store.
import { type CommandPayload, type EventEnvelope } from '../../../shared/protocol';
import { testCamera, testWorld } from '../../../test/support/world';
import type { SmsCoreService } from '../../core/core';
import { memoryCoreRig, refusal } from '../../../test/integration/support/coreRig';
import type { Actor } from '../../core/ports';
import { ROOM_WALL_ID, personalWallId } from '../../../shared/domain/wallRules';

const dispatcher: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };
const dispatcher2: Actor = { userId: 'user-dispatcher2', username: 'dispatcher2', role: 'dispatcher' };
const supervisor: Actor = { userId: 'user-supervisor', username: 'supervisor', role: 'supervisor' };
const supervisor2: Actor = { userId: 'user-supervisor2', username: 'supervisor2', role: 'supervisor' };
const viewer: Actor = { userId: 'user-viewer', username: 'viewer', role: 'viewer' };

let core: SmsCoreService;
let events: EventEnvelope[];
beforeEach(() => {
  const world = testWorld();
  ({ core, events } = memoryCoreRig(
    {
      ...world,
      cameras: [...world.cameras, testCamera('cam-3'), testCamera('cam-9', { owner: 'third_party' })],
    },
    () => Date.parse('2026-11-25T10:00:00.000Z'),
  ));
});
afterEach(() => core.close());

const bank = (over: Partial<CommandPayload<'wall.presetSave'>> = {}): CommandPayload<'wall.presetSave'> => ({
  name: 'Bank',
  scope: { kind: 'user' },
  layout: '2x2',
  custom: null,
  tiles: [{ cameraId: 'cam-1' }, { cameraId: 'cam-2' }, { cameraId: null }, { cameraId: 'cam-3' }],
  tour: null,
  ...over,
});

describe('saving presets', () => {
  it("keeps an operator's own preset under their user id and publishes it", () => {
    const { preset } = core.execute('wall.presetSave', bank(), dispatcher);
    expect(preset).toMatchObject({ name: 'Bank', scope: { kind: 'user', userId: dispatcher.userId } });
    expect(events.map((e) => e.type)).toEqual(['wall.presetSaved']);
    expect(core.snapshot().wallPresets).toEqual([preset]);
  });

  it('replaces the preset of the same name in the same scope, and only there', () => {
    const first = core.execute('wall.presetSave', bank(), dispatcher).preset;
    const again = core.execute('wall.presetSave', bank({ name: 'bank', layout: '1x1' }), dispatcher).preset;
    const other = core.execute('wall.presetSave', bank(), dispatcher2).preset;
    expect(again.id).toBe(first.id);
    expect(again.tiles).toEqual([{ cameraId: 'cam-1' }]);
    expect(other.id).not.toBe(first.id);
  });

  it('lets supervisors share a preset with a role, and nobody else', () => {
    const shared = bank({ scope: { kind: 'role', role: 'dispatcher' } });
    expect(core.execute('wall.presetSave', shared, supervisor).preset.scope).toEqual({
      kind: 'role',
      role: 'dispatcher',
    });
    expect(refusal(() => core.execute('wall.presetSave', { ...shared, name: 'Mine' }, dispatcher))).toBe('forbidden');
    expect(refusal(() => core.execute('wall.presetSave', bank(), viewer))).toBe('forbidden');
  });

  it("refuses to change or delete another operator's own preset", () => {
    const { preset } = core.execute('wall.presetSave', bank(), dispatcher);
    expect(refusal(() => core.execute('wall.presetSave', bank({ presetId: preset.id }), dispatcher2))).toBe(
      'forbidden',
    );
    expect(refusal(() => core.execute('wall.presetDelete', { presetId: preset.id }, supervisor))).toBe('forbidden');
  });

  it('refuses unknown cameras and a tour through a third-party camera', () => {
    expect(refusal(() => core.execute('wall.presetSave', bank({ tiles: [{ cameraId: 'cam-404' }] }), dispatcher))).toBe(
      'not_found',
    );
    const tour = { kind: 'cameras' as const, cameraIds: ['cam-1', 'cam-9'], dwellSeconds: 10 };
    expect(refusal(() => core.execute('wall.presetSave', bank({ tour }), dispatcher))).toBe('invalid');
  });

  it('drops tiles the layout does not show', () => {
    expect(core.execute('wall.presetSave', bank({ layout: '1x1' }), dispatcher).preset.tiles).toHaveLength(1);
  });
});

describe('deleting presets', () => {
  it('deletes, publishes the id, and forgets the preset', () => {
    const { preset } = core.execute(
      'wall.presetSave',
      bank({ scope: { kind: 'role', role: 'supervisor' } }),
      supervisor,
    );
    expect(core.execute('wall.presetDelete', { presetId: preset.id }, supervisor2)).toEqual({ presetId: preset.id });
    expect(events.map((e) => e.type)).toEqual(['wall.presetSaved', 'wall.presetDeleted']);
    expect(core.snapshot().wallPresets).toEqual([]);
    expect(refusal(() => core.execute('wall.presetDelete', { presetId: preset.id }, supervisor))).toBe('not_found');
  });
});

describe('applying presets', () => {
  it('puts layout and cameras on the wall in one change', () => {
    const { preset } = core.execute(
      'wall.presetSave',
      bank({ layout: '1+5', tiles: [{ cameraId: 'cam-2' }] }),
      supervisor,
    );
    events.length = 0;
    const { wall } = core.execute('wall.presetApply', { wallId: ROOM_WALL_ID, presetId: preset.id }, supervisor);
    expect(wall.layout).toBe('1+5');
    expect(wall.tiles.slice(0, 3).map((t) => t.cameraId)).toEqual(['cam-2', null, null]);
    expect(events.map((e) => e.type)).toEqual(['wall.updated']);
  });

  it('applies only presets meant for the sender: their own and their role’s', () => {
    const own = core.execute('wall.presetSave', bank(), dispatcher2).preset;
    const forDispatchers = core.execute(
      'wall.presetSave',
      bank({ name: 'Night', scope: { kind: 'role', role: 'dispatcher' } }),
      supervisor,
    ).preset;
    const forSupervisors = core.execute(
      'wall.presetSave',
      bank({ name: 'Day', scope: { kind: 'role', role: 'supervisor' } }),
      supervisor,
    ).preset;
    const mine = personalWallId(dispatcher.userId);
    expect(core.execute('wall.presetApply', { wallId: mine, presetId: forDispatchers.id }, dispatcher).wall.id).toBe(
      mine,
    );
    expect(refusal(() => core.execute('wall.presetApply', { wallId: mine, presetId: own.id }, dispatcher))).toBe(
      'forbidden',
    );
    expect(
      refusal(() => core.execute('wall.presetApply', { wallId: mine, presetId: forSupervisors.id }, dispatcher)),
    ).toBe('forbidden');
  });

  it('needs the right to arrange the wall', () => {
    const { preset } = core.execute('wall.presetSave', bank(), dispatcher);
    expect(
      refusal(() => core.execute('wall.presetApply', { wallId: ROOM_WALL_ID, presetId: preset.id }, dispatcher)),
    ).toBe('forbidden');
  });

  it('starts the preset’s tour from the moment it is applied', () => {
    const tour = { kind: 'cameras' as const, cameraIds: ['cam-3', 'cam-2', 'cam-1'], dwellSeconds: 10 };
    const { preset } = core.execute('wall.presetSave', bank({ layout: '1x1', tour }), supervisor);
    const { wall } = core.execute('wall.presetApply', { wallId: ROOM_WALL_ID, presetId: preset.id }, supervisor);
    expect(wall.tour).toEqual({ plan: tour, startedAt: '2026-11-25T10:00:00.000Z', startedBy: 'supervisor' });
    expect(wall.tiles[0]?.cameraId).toBe('cam-3');
  });
});
