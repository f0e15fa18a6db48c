import { emptyWall } from '../../shared/domain/wallRules';
import { gridFor, shown, swapped, tileCount, withTile } from './wall';

const AT = '2026-11-25T10:00:00.000Z';

describe('wall tiles', () => {
  it('counts the tiles of every layout', () => {
    expect(['1x1', '2x2', '3x3', '4x4', '1+5', '1+7', '2+8'].map((l) => tileCount(l as never, null))).toEqual([
      1, 4, 9, 16, 6, 8, 10,
    ]);
    const cells = [
      { col: 0, row: 0, width: 2, height: 2 },
      { col: 2, row: 0, width: 1, height: 1 },
    ];
    expect(tileCount('custom', { columns: 3, rows: 2, cells })).toBe(2);
  });

  it('sends cameras to the first tiles, widening the layout to show them all', () => {
    const wall = shown({ ...emptyWall('wall-room', AT, 'x'), layout: '1x1' }, ['c1', 'c2', 'c3']);
    expect(wall.layout).toBe('2x2');
    expect(wall.tiles.slice(0, 4).map((t) => t.cameraId)).toEqual(['c1', 'c2', 'c3', null]);
  });

  it('never narrows a layout when sending fewer cameras', () => {
    expect(shown({ ...emptyWall('wall-room', AT, 'x'), layout: '4x4' }, ['c1']).layout).toBe('4x4');
    expect(gridFor(10)).toBe('4x4');
  });

  it('swaps tiles with their alarm marks', () => {
    let wall = withTile(emptyWall('wall-room', AT, 'x'), 0, 'c1', 'alert-1');
    wall = withTile(wall, 1, 'c2');
    wall = swapped(wall, 0, 1);
    expect(wall.tiles.slice(0, 2)).toEqual([
      { cameraId: 'c2', alertId: null },
      { cameraId: 'c1', alertId: 'alert-1' },
    ]);
  });
});
