import { MAX_WALL_TILES, type WallCell } from '../protocol';

/** A grid position (0-based column and row). */
export interface GridPoint {
  col: number;
  row: number;
}

/** The protocol's largest custom grid, each way (CustomLayoutSchema). */
export const MAX_GRID = 12;

const where = (p: GridPoint) => `row ${p.row + 1}, column ${p.col + 1}`;

/**
 * Why an arrangement cannot go on the wall, in words (empty when it can): tiles outside the
 * grid, tiles overlapping, cells no tile covers, more tiles than a wall has.
 */
export function customLayoutProblems(columns: number, rows: number, cells: readonly WallCell[]): string[] {
  const found: string[] = [];
  if (columns < 1 || rows < 1 || columns > MAX_GRID || rows > MAX_GRID)
    found.push(`A grid is 1 to ${MAX_GRID} columns by 1 to ${MAX_GRID} rows.`);
  if (cells.length === 0) found.push('There are no tiles.');
  if (cells.length > MAX_WALL_TILES)
    found.push(`A wall has at most ${MAX_WALL_TILES} tiles; this has ${cells.length}. Merge some cells.`);
  const owner = new Map<string, number>();
  const overlaps = new Set<string>();
  cells.forEach((c, i) => {
    if (c.col < 0 || c.row < 0 || c.col + c.width > columns || c.row + c.height > rows)
      found.push(`Tile ${i + 1} reaches outside the grid.`);
    for (let row = c.row; row < c.row + c.height; row++)
      for (let col = c.col; col < c.col + c.width; col++) {
        const key = `${col},${row}`;
        const first = owner.get(key);
        if (first === undefined) owner.set(key, i);
        else if (!overlaps.has(`${first},${i}`)) {
          overlaps.add(`${first},${i}`);
          found.push(`Tiles ${first + 1} and ${i + 1} overlap at ${where({ col, row })}. Split one of them.`);
        }
      }
  });
  const gaps: GridPoint[] = [];
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < columns; col++) if (!owner.has(`${col},${row}`)) gaps.push({ col, row });
  if (gaps.length > 0) {
    const first = gaps[0] as GridPoint;
    found.push(
      gaps.length === 1
        ? `No tile covers ${where(first)}.`
        : `${gaps.length} cells are covered by no tile, the first at ${where(first)}.`,
    );
  }
  return found;
}
