import { MAX_WALL_TILES, type User, type Wall, type WallPreset } from '../../shared/protocol';
import { importOf, localPresetKey, mayChangePreset, presetGroups, presetOf, readLocalPresets } from './presets';

const wall: Wall = {
  id: 'wall-room',
  name: 'Control room wall',
  layout: '2x2',
  custom: null,
  tiles: Array.from({ length: MAX_WALL_TILES }, (_, i) => ({ cameraId: i < 3 ? `cam-${i}` : null, alertId: null })),
  alarmTile: 0,
  focusedTile: null,
  updatedAt: '2026-11-25T10:00:00.000Z',
  updatedBy: 'supervisor',
};

const preset = (id: string, name: string, scope: WallPreset['scope']): WallPreset => ({
  id,
  name,
  scope,
  layout: '1x1',
  custom: null,
  tiles: [{ cameraId: 'cam-1' }],
  tour: null,
  updatedAt: '2026-11-25T10:00:00.000Z',
  updatedBy: 'someone',
});

const dispatcher: User = { id: 'user-d', username: 'dispatcher', role: 'dispatcher' };
const admin: User = { id: 'user-a', username: 'admin', role: 'admin' };
const supervisor: User = { id: 'user-s', username: 'supervisor', role: 'supervisor' };
const presets = [
  preset('p1', 'Night', { kind: 'role', role: 'dispatcher' }),
  preset('p2', 'Bank', { kind: 'user', userId: 'user-d' }),
  preset('p3', 'Others', { kind: 'user', userId: 'user-x' }),
  preset('p4', 'Day', { kind: 'role', role: 'supervisor' }),
  preset('p5', 'Aldgate', { kind: 'user', userId: 'user-d' }),
];

describe('preset groups', () => {
  it("lists an operator's own presets, then their role's, by name, and nobody else's", () => {
    expect(presetGroups(presets, dispatcher).map((g) => [g.label, g.presets.map((p) => p.name), g.applicable])).toEqual(
      [
        ['My presets', ['Aldgate', 'Bank'], true],
        ['Shared with dispatchers', ['Night'], true],
      ],
    );
  });

  it("shows those who share presets every role's, applicable only for their own role", () => {
    expect(presetGroups(presets, supervisor).map((g) => [g.label, g.applicable])).toEqual([
      ['Shared with supervisors', true],
      ['Shared with dispatchers', false],
    ]);
    expect(presetGroups(presets, admin).every((g) => g.applicable)).toBe(true);
  });

  it('lets an operator change their own presets but not shared ones', () => {
    expect(mayChangePreset(presets[1] as WallPreset, dispatcher)).toBe(true);
    expect(mayChangePreset(presets[0] as WallPreset, dispatcher)).toBe(false);
  });
});

describe('saving the wall as a preset', () => {
  it('keeps the tiles the layout shows and the tours running on them', () => {
    const plan = { kind: 'cameras' as const, cameraIds: ['cam-7', 'cam-8'], dwellSeconds: 10 };
    const touring: Wall = {
      ...wall,
      tiles: wall.tiles.map((t, i) =>
        i === 1 ? { ...t, tour: { plan, startedAt: '2026-11-25T10:00:00.000Z', startedBy: 'supervisor' } } : t,
      ),
    };
    expect(presetOf('Bank', touring, 4, { kind: 'role', role: 'supervisor' })).toEqual({
      name: 'Bank',
      scope: { kind: 'role', role: 'supervisor' },
      layout: '2x2',
      custom: null,
      tiles: [{ cameraId: 'cam-0' }, { cameraId: 'cam-1', tour: plan }, { cameraId: 'cam-2' }, { cameraId: null }],
      tour: null,
    });
  });
});

describe('presets an earlier version kept on this workstation', () => {
  function memoryStorage() {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
  }

  it('reads them per SMS and user, and imports each as the operator’s own', () => {
    const storage = memoryStorage();
    const key = localPresetKey('http://sms', 'user-1');
    storage.setItem(key, JSON.stringify([{ name: 'Bank', layout: '2x2', custom: null, cameraIds: ['cam-1', null] }]));
    const local = readLocalPresets(storage, key);
    expect(local.map(importOf)).toEqual([
      {
        name: 'Bank',
        scope: { kind: 'user' },
        layout: '2x2',
        custom: null,
        tiles: [{ cameraId: 'cam-1' }, { cameraId: null }],
        tour: null,
      },
    ]);
    expect(readLocalPresets(storage, localPresetKey('http://sms', 'user-2'))).toEqual([]);
  });

  it('treats stored data that does not parse as none', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    expect(readLocalPresets(storage, 'k')).toEqual([]);
    storage.setItem('k', JSON.stringify([{ name: 'x', layout: '9x9' }]));
    expect(readLocalPresets(storage, 'k')).toEqual([]);
  });
});
