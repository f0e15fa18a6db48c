import { MAX_WALL_TILES, type Wall } from '../../shared/protocol';
import { presetKey, presetOf, readPresets, savePreset } from './presets';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

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

describe('wall presets', () => {
  it('saves per SMS and user, replacing a preset of the same name', () => {
    const storage = memoryStorage();
    const key = presetKey('http://sms', 'user-1');
    savePreset(storage, key, presetOf('Bank', wall, 4));
    savePreset(storage, key, { ...presetOf('Bank', wall, 4), layout: '1x1' });
    expect(readPresets(storage, key)).toEqual([
      { name: 'Bank', layout: '1x1', custom: null, cameraIds: ['cam-0', 'cam-1', 'cam-2', null] },
    ]);
    expect(readPresets(storage, presetKey('http://sms', 'user-2'))).toEqual([]);
  });

  it('treats stored data that does not parse as no presets', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    expect(readPresets(storage, 'k')).toEqual([]);
    storage.setItem('k', JSON.stringify([{ name: 'x', layout: '9x9' }]));
    expect(readPresets(storage, 'k')).toEqual([]);
  });
});
