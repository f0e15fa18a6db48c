import { CustomLayoutSchema, type CustomLayout, type WallCell, type WallLayout } from '../../../shared/protocol';
import { customLayoutProblems, type GridPoint } from '../../../shared/domain/customLayout';
import { layoutGeometry, type LayoutGeometry } from '../layoutGeometry';

export { MAX_GRID, type GridPoint } from '../../../shared/domain/customLayout';

/** Every cell of a `columns` x `rows` grid as its own tile, in reading order. */
export function singleCells(columns: number, rows: number): WallCell[] {
  const cells: WallCell[] = [];
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < columns; col++) cells.push({ col, row, width: 1, height: 1 });
  return cells;
}

/** Where an editor starts from: the wall's current layout (any of them) as a custom grid. */
export function startingGrid(layout: WallLayout, custom: CustomLayout | null): LayoutGeometry {
  const g = layoutGeometry(layout, custom);
  return { columns: g.columns, rows: g.rows, cells: sortCells(g.cells) };
}

/** The rectangle spanned by two corners, whichever way round they are. */
export function spanOf(a: GridPoint, b: GridPoint): WallCell {
  const col = Math.min(a.col, b.col);
  const row = Math.min(a.row, b.row);
  return { col, row, width: Math.abs(a.col - b.col) + 1, height: Math.abs(a.row - b.row) + 1 };
}

const covers = (c: WallCell, p: GridPoint) =>
  p.col >= c.col && p.col < c.col + c.width && p.row >= c.row && p.row < c.row + c.height;
const inside = (c: WallCell, r: WallCell) =>
  c.col >= r.col && c.row >= r.row && c.col + c.width <= r.col + r.width && c.row + c.height <= r.row + r.height;

/** The index of the tile covering a point, or -1. */
export function tileAt(cells: readonly WallCell[], p: GridPoint): number {
  return cells.findIndex((c) => covers(c, p));
}

/**
 * Makes `rect` one tile: the tiles wholly inside it are replaced by it. A tile only partly inside
 * stays where it is, so the result overlaps and `problems` says where; nothing is silently cut.
 */
export function mergeCells(cells: readonly WallCell[], rect: WallCell): WallCell[] {
  return sortCells([...cells.filter((c) => !inside(c, rect)), { ...rect }]);
}

/** Splits the tile covering `p` back into single cells (a single cell stays as it is). */
export function splitCell(cells: readonly WallCell[], p: GridPoint): WallCell[] {
  const i = tileAt(cells, p);
  const tile = cells[i];
  if (!tile) return [...cells];
  const pieces: WallCell[] = [];
  for (let row = tile.row; row < tile.row + tile.height; row++)
    for (let col = tile.col; col < tile.col + tile.width; col++) pieces.push({ col, row, width: 1, height: 1 });
  return sortCells([...cells.slice(0, i), ...cells.slice(i + 1), ...pieces]);
}

/** Tiles in reading order (top row first, left to right): tile 1 is the top-left one. */
export function sortCells(cells: readonly WallCell[]): WallCell[] {
  return [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The protocol's custom layout for a valid arrangement, or the reasons it is not one. */
export function toCustomLayout(
  columns: number,
  rows: number,
  cells: readonly WallCell[],
): { layout: CustomLayout } | { problems: string[] } {
  const found = customLayoutProblems(columns, rows, cells);
  if (found.length > 0) return { problems: found };
  return { layout: CustomLayoutSchema.parse({ columns, rows, cells: sortCells(cells) }) };
}
