import { customLayoutProblems } from '../../../shared/domain/customLayout';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CustomLayout, WallCell, WallLayout } from '../../../shared/protocol';
import {
  MAX_GRID,
  mergeCells,
  singleCells,
  spanOf,
  splitCell,
  startingGrid,
  tileAt,
  toCustomLayout,
  type GridPoint,
} from './customGrid';

/** What the editor needs: the wall's layout to start from, and how to put the result on the wall. */
export interface LayoutEditorProps {
  layout: WallLayout;
  custom: CustomLayout | null;
  /** Sends `wall.layout` with `layout: 'custom'`; a refusal is shown in the dialog. */
  onApply: (custom: CustomLayout) => Promise<unknown>;
  onClose: () => void;
}

const STEPS: Record<string, GridPoint> = {
  ArrowLeft: { col: -1, row: 0 },
  ArrowRight: { col: 1, row: 0 },
  ArrowUp: { col: 0, row: -1 },
  ArrowDown: { col: 0, row: 1 },
};
const SIZES = Array.from({ length: MAX_GRID }, (_, i) => i + 1);
const span = (from: number, size: number, what: string) =>
  size === 1 ? `${what} ${from + 1}` : `${what}s ${from + 1}–${from + size}`;
const describe = (c: WallCell) => `${span(c.row, c.height, 'row')}, ${span(c.col, c.width, 'column')}`;

/**
 * The custom-layout editor, a modal dialog: pick the grid, merge rectangles of cells into tiles
 * (drag across cells, or arrows to move, Shift+arrows to extend, Enter to merge, Delete to split),
 * see the result, and apply it to the wall. An arrangement with overlaps or gaps cannot be applied,
 * and the dialog says why.
 */
export function LayoutEditor(props: LayoutEditorProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const helpId = useId();
  const problemsId = useId();
  const columnsId = useId();
  const rowsId = useId();
  const [start] = useState(() => startingGrid(props.layout, props.custom));
  const [columns, setColumns] = useState(start.columns);
  const [rows, setRows] = useState(start.rows);
  const [cells, setCells] = useState<WallCell[]>(start.cells);
  const [cursor, setCursor] = useState<GridPoint>({ col: 0, row: 0 });
  const [anchor, setAnchor] = useState<GridPoint | null>(null);
  const [dragging, setDragging] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const selection = spanOf(anchor ?? cursor, cursor);
  const found = customLayoutProblems(columns, rows, cells);
  const current = tileAt(cells, cursor);
  const currentTile = cells[current];

  const merge = () => {
    if (selection.width * selection.height > 1) setCells((c) => mergeCells(c, selection));
    setAnchor(null);
  };
  const split = () => setCells((c) => splitCell(c, cursor));
  const regrid = (nextColumns: number, nextRows: number) => {
    setColumns(nextColumns);
    setRows(nextRows);
    setCells(singleCells(nextColumns, nextRows));
    setCursor({ col: 0, row: 0 });
    setAnchor(null);
  };

  // A drag ends wherever the button is let go, inside the grid or not.
  useEffect(() => {
    if (!dragging) return;
    const end = () => {
      setDragging(false);
      if (selection.width * selection.height > 1) setCells((c) => mergeCells(c, selection));
      setAnchor(null);
    };
    window.addEventListener('pointerup', end);
    return () => window.removeEventListener('pointerup', end);
  }, [dragging, selection]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = STEPS[e.key];
    if (step) {
      const next = {
        col: Math.min(columns - 1, Math.max(0, cursor.col + step.col)),
        row: Math.min(rows - 1, Math.max(0, cursor.row + step.row)),
      };
      if (e.shiftKey) setAnchor(anchor ?? cursor);
      else setAnchor(null);
      setCursor(next);
    } else if (e.key === 'Enter') merge();
    else if (e.key === 'Delete' || e.key === 'Backspace') split();
    else return;
    e.preventDefault();
  };

  const apply = async () => {
    const result = toCustomLayout(columns, rows, cells);
    if (!('layout' in result)) return;
    setApplying(true);
    setRefusal(null);
    try {
      await props.onApply(result.layout);
      dialogRef.current?.close();
    } catch (e) {
      setRefusal(e instanceof Error ? e.message : String(e));
    } finally {
      setApplying(false);
    }
  };

  const points: GridPoint[] = [];
  for (let row = 0; row < rows; row++) for (let col = 0; col < columns; col++) points.push({ col, row });
  const selected = (p: GridPoint) =>
    anchor !== null &&
    p.col >= selection.col &&
    p.col < selection.col + selection.width &&
    p.row >= selection.row &&
    p.row < selection.row + selection.height;

  return (
    <dialog ref={dialogRef} className="layout-editor" aria-labelledby={titleId} onClose={props.onClose}>
      <h2 id={titleId}>Custom layout</h2>
      <div className="layout-editor__size">
        <label htmlFor={columnsId}>Columns</label>
        <select id={columnsId} value={columns} onChange={(e) => regrid(Number(e.target.value), rows)}>
          {SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <label htmlFor={rowsId}>Rows</label>
        <select id={rowsId} value={rows} onChange={(e) => regrid(columns, Number(e.target.value))}>
          {SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <span className="layout-editor__hint">A new grid starts from single cells.</span>
      </div>
      <p id={helpId} className="layout-editor__hint">
        Drag across cells to merge them into one tile. Keyboard: arrows move, Shift+arrows extend the selection, Enter
        merges it, Delete splits the tile under the cursor.
      </p>
      <div
        ref={gridRef}
        className="layout-editor__grid"
        role="group"
        aria-label={`Layout grid, ${columns} columns by ${rows} rows`}
        aria-describedby={helpId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        style={{
          gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
        }}
      >
        {cells.map((c, i) => (
          <div
            key={`tile-${c.col}-${c.row}-${c.width}-${c.height}-${i}`}
            className={`layout-editor__tile${i === current ? ' layout-editor__tile--current' : ''}`}
            style={{ gridColumn: `${c.col + 1} / span ${c.width}`, gridRow: `${c.row + 1} / span ${c.height}` }}
            aria-hidden="true"
          >
            {i + 1}
          </div>
        ))}
        {points.map((p) => (
          <div
            key={`cell-${p.col}-${p.row}`}
            className={[
              'layout-editor__cell',
              selected(p) ? 'layout-editor__cell--selected' : '',
              p.col === cursor.col && p.row === cursor.row ? 'layout-editor__cell--cursor' : '',
            ].join(' ')}
            style={{ gridColumn: p.col + 1, gridRow: p.row + 1 }}
            aria-hidden="true"
            onPointerDown={(e) => {
              e.preventDefault();
              gridRef.current?.focus();
              setCursor(p);
              setAnchor(p);
              setDragging(true);
            }}
            onPointerEnter={() => dragging && setCursor(p)}
          />
        ))}
      </div>
      <p className="layout-editor__status" role="status">
        {`Cursor at row ${cursor.row + 1}, column ${cursor.col + 1}`}
        {currentTile ? `, in tile ${current + 1} (${describe(currentTile)})` : ', in no tile'}
        {anchor ? `. Selected ${describe(selection)}: Enter merges.` : '.'}
        {` ${cells.length} ${cells.length === 1 ? 'tile' : 'tiles'}.`}
      </p>
      <div className="layout-editor__actions">
        <button type="button" onClick={merge} disabled={selection.width * selection.height === 1}>
          Merge selected cells
        </button>
        <button type="button" onClick={split} disabled={!currentTile || currentTile.width * currentTile.height === 1}>
          Split tile
        </button>
        <button type="button" onClick={() => regrid(columns, rows)}>
          Start again
        </button>
      </div>
      {found.length > 0 && (
        <div id={problemsId} className="layout-editor__problems">
          <p>This layout cannot be applied:</p>
          <ul>
            {found.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {refusal && (
        <p className="video-wall__error" role="alert">
          {refusal}
        </p>
      )}
      <div className="layout-editor__actions">
        <button
          type="button"
          className="layout-editor__apply"
          onClick={() => void apply()}
          disabled={found.length > 0 || applying}
          {...(found.length > 0 ? { 'aria-describedby': problemsId } : {})}
        >
          Apply to wall
        </button>
        <button type="button" onClick={() => dialogRef.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
