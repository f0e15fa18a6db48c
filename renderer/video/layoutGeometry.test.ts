import { WallLayoutSchema, type WallCell } from '../../shared/protocol';
import { layoutGeometry } from './layoutGeometry';

/** Tile counts as the SMS validates them (sms/wall/wall.ts `tileCount`). */
const TILES: Record<string, number> = { '1x1': 1, '2x2': 4, '3x3': 9, '4x4': 16, '1+5': 6, '1+7': 8, '2+8': 10 };

/** Every grid cell covered at most once, and every tile inside the grid. */
function assertNoOverlap(columns: number, rows: number, cells: WallCell[]) {
  const taken = new Set<string>();
  for (const c of cells) {
    expect(c.col + c.width).toBeLessThanOrEqual(columns);
    expect(c.row + c.height).toBeLessThanOrEqual(rows);
    for (let x = c.col; x < c.col + c.width; x++)
      for (let y = c.row; y < c.row + c.height; y++) {
        expect(taken.has(`${x},${y}`)).toBe(false);
        taken.add(`${x},${y}`);
      }
  }
  return taken.size;
}

describe('layout geometry', () => {
  it.each(WallLayoutSchema.options.filter((l) => l !== 'custom'))(
    '%s fills its grid exactly, with as many tiles as the SMS counts',
    (layout) => {
      const g = layoutGeometry(layout, null);
      expect(g.cells).toHaveLength(TILES[layout] ?? -1);
      expect(assertNoOverlap(g.columns, g.rows, g.cells)).toBe(g.columns * g.rows);
    },
  );

  it('puts the big tile of 1+5 first, two thirds of the wall wide', () => {
    const g = layoutGeometry('1+5', null);
    expect(g.cells[0]).toEqual({ col: 0, row: 0, width: 2, height: 2 });
  });

  it('takes a custom layout as given', () => {
    const custom = { columns: 3, rows: 1, cells: [{ col: 0, row: 0, width: 2, height: 1 }] };
    expect(layoutGeometry('custom', custom)).toEqual(custom);
  });
});
