import type { CustomLayout, WallCell, WallLayout } from '../../shared/protocol';

/** Where each tile sits: a CSS grid of `columns` x `rows` cells, one rectangle per tile. */
export interface LayoutGeometry {
  columns: number;
  rows: number;
  cells: WallCell[];
}

const cell = (col: number, row: number, width = 1, height = 1): WallCell => ({ col, row, width, height });

function grid(n: number): LayoutGeometry {
  const cells: WallCell[] = [];
  for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) cells.push(cell(col, row));
  return { columns: n, rows: n, cells };
}

/** One big tile top-left (span x span) with small tiles along the right and bottom edges. */
function onePlus(span: number): LayoutGeometry {
  const size = span + 1;
  const cells = [cell(0, 0, span, span)];
  for (let row = 0; row < span; row++) cells.push(cell(span, row));
  for (let col = 0; col < size; col++) cells.push(cell(col, span));
  return { columns: size, rows: size, cells };
}

/** Two large tiles side by side over eight small ones (two rows of four). */
function twoPlusEight(): LayoutGeometry {
  const cells = [cell(0, 0, 2, 2), cell(2, 0, 2, 2)];
  for (let row = 2; row < 4; row++) for (let col = 0; col < 4; col++) cells.push(cell(col, row));
  return { columns: 4, rows: 4, cells };
}

/** The tiles of a layout in tile order (tile 0 first); a custom layout uses its own cells. */
export function layoutGeometry(layout: WallLayout, custom: CustomLayout | null): LayoutGeometry {
  switch (layout) {
    case '1x1':
      return grid(1);
    case '2x2':
      return grid(2);
    case '3x3':
      return grid(3);
    case '4x4':
      return grid(4);
    case '1+5':
      return onePlus(2);
    case '1+7':
      return onePlus(3);
    case '2+8':
      return twoPlusEight();
    case 'custom':
      return custom ? { columns: custom.columns, rows: custom.rows, cells: custom.cells } : grid(1);
  }
}

/** Human name of a layout for the picker. */
export const LAYOUT_LABELS: Record<WallLayout, string> = {
  '1x1': '1 × 1',
  '2x2': '2 × 2',
  '3x3': '3 × 3',
  '4x4': '4 × 4',
  '1+5': '1 + 5',
  '1+7': '1 + 7',
  '2+8': '2 + 8',
  custom: 'Custom',
};
