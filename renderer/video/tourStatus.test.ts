import { MAX_WALL_TILES, type Wall } from '../../shared/protocol';
import { tourLines } from './tourStatus';

const START = '2026-11-25T10:00:00.000Z';
const t0 = Date.parse(START);
const wall: Wall = {
  id: 'wall-room',
  name: 'Control room wall',
  layout: '2x2',
  custom: null,
  tiles: Array.from({ length: MAX_WALL_TILES }, () => ({ cameraId: null, alertId: null })),
  alarmTile: 0,
  focusedTile: null,
  updatedAt: START,
  updatedBy: 'supervisor',
};
const cameras = (n: number) => Array.from({ length: n }, (_, i) => `cam-${i}`);

describe('tour status', () => {
  it('says where a wall tour of cameras stands, in pages of the wall', () => {
    const touring: Wall = {
      ...wall,
      tour: { plan: { kind: 'cameras', cameraIds: cameras(30), dwellSeconds: 20 }, startedAt: START, startedBy: 's' },
    };
    expect(tourLines(touring, 4, [], t0 + 48_000)).toEqual([
      { tile: null, text: 'Wall (pages of cameras) — Touring: 3 of 8, next in 12 s' },
    ]);
  });

  it('says where each touring tile stands, for the tiles the layout shows', () => {
    const tour = {
      plan: { kind: 'cameras' as const, cameraIds: cameras(5), dwellSeconds: 10 },
      startedAt: START,
      startedBy: 's',
    };
    const touring: Wall = {
      ...wall,
      tiles: wall.tiles.map((t, i) => (i === 1 || i === 9 ? { ...t, tour } : t)),
    };
    expect(tourLines(touring, 4, [], t0 + 1_000)).toEqual([{ tile: 1, text: 'Tile 2 — Touring: 1 of 5, next in 9 s' }]);
  });

  it('says nothing when nothing tours', () => {
    expect(tourLines(wall, 4, [], t0)).toEqual([]);
  });
});
