import { customLayoutProblems } from '../../../shared/domain/customLayout';
import { MAX_WALL_TILES } from '../../../shared/protocol';
import { mergeCells, singleCells, spanOf, splitCell, startingGrid, tileAt, toCustomLayout } from './customGrid';

describe('custom layout grid', () => {
  it('merges a dragged range into one tile, whichever corner the drag started from', () => {
    const merged = mergeCells(singleCells(3, 3), spanOf({ col: 1, row: 1 }, { col: 0, row: 0 }));
    expect(merged).toHaveLength(6);
    expect(merged[0]).toEqual({ col: 0, row: 0, width: 2, height: 2 });
    expect(customLayoutProblems(3, 3, merged)).toEqual([]);
  });

  it('builds 1 + 3: a wide tile over three small ones, in reading order', () => {
    const cells = mergeCells(singleCells(3, 3), spanOf({ col: 0, row: 0 }, { col: 2, row: 1 }));
    const result = toCustomLayout(3, 3, cells);
    expect(result).toEqual({
      layout: {
        columns: 3,
        rows: 3,
        cells: [
          { col: 0, row: 0, width: 3, height: 2 },
          { col: 0, row: 2, width: 1, height: 1 },
          { col: 1, row: 2, width: 1, height: 1 },
          { col: 2, row: 2, width: 1, height: 1 },
        ],
      },
    });
  });

  it('splits a merged tile back into single cells from any cell it covers', () => {
    const merged = mergeCells(singleCells(2, 2), spanOf({ col: 0, row: 0 }, { col: 1, row: 1 }));
    expect(merged).toHaveLength(1);
    expect(splitCell(merged, { col: 1, row: 1 })).toEqual(singleCells(2, 2));
    expect(splitCell(singleCells(2, 2), { col: 0, row: 0 })).toEqual(singleCells(2, 2));
  });

  it('says in words where a merge that cuts through another tile overlaps, and refuses it', () => {
    const wide = mergeCells(singleCells(3, 2), spanOf({ col: 0, row: 0 }, { col: 1, row: 0 }));
    const cut = mergeCells(wide, spanOf({ col: 1, row: 0 }, { col: 2, row: 1 }));
    const found = customLayoutProblems(3, 2, cut);
    expect(found).toEqual([expect.stringMatching(/^Tiles \d+ and \d+ overlap at row 1, column 2\./)]);
    expect(toCustomLayout(3, 2, cut)).toEqual({ problems: found });
  });

  it('names the cells no tile covers, and tiles outside the grid', () => {
    expect(customLayoutProblems(2, 1, [{ col: 0, row: 0, width: 1, height: 1 }])).toEqual([
      'No tile covers row 1, column 2.',
    ]);
    expect(customLayoutProblems(3, 1, [{ col: 0, row: 0, width: 1, height: 1 }])).toEqual([
      '2 cells are covered by no tile, the first at row 1, column 2.',
    ]);
    expect(customLayoutProblems(1, 1, [{ col: 0, row: 0, width: 2, height: 1 }])).toEqual([
      'Tile 1 reaches outside the grid.',
    ]);
  });

  it('refuses more tiles than a wall has, and grids beyond the protocol limits', () => {
    expect(customLayoutProblems(5, 5, singleCells(5, 5))).toEqual([
      `A wall has at most ${MAX_WALL_TILES} tiles; this has 25. Merge some cells.`,
    ]);
    expect(customLayoutProblems(13, 1, singleCells(13, 1))[0]).toMatch(/^A grid is 1 to 12 columns/);
  });

  it('starts from the wall as it is, using the wall’s own layout geometry', () => {
    const g = startingGrid('1+5', null);
    expect(g.columns).toBe(3);
    expect(g.cells).toHaveLength(6);
    expect(tileAt(g.cells, { col: 1, row: 1 })).toBe(0);
    expect(customLayoutProblems(g.columns, g.rows, g.cells)).toEqual([]);
  });
});
