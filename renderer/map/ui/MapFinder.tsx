import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState } from 'react';
import type { Snapshot } from '../../../shared/protocol';
import { useSession } from '../../session/SessionContext';
import { useSnapshotSelect } from '../../state/useSnapshotSelect';
import { select } from '../../workstation/selection';
import { findRows, type FinderKind, type FinderRow } from './finderRows';

/** Where a unit or camera is now, `[lon, lat]`, or null when unknown. */
export type Locate = (target: { kind: FinderKind; id: string }) => [number, number] | null;

interface Props {
  locate: Locate;
  /** Moves the map to a position (the finder has already selected what is there). */
  onFly: (position: [number, number]) => void;
}

// Only while the finder is open: the unit rows change with every status, not with positions
// (react-query keeps the previous rows when they compare equal), but the mapping itself runs
// on every position batch, which a closed finder should not pay for.
const selectUnitRows = (s: Snapshot) =>
  s.units.map((u) => ({ id: u.id, callsign: u.callsign, kind: u.kind, status: u.status }));
const selectCameraRows = (s: Snapshot) =>
  s.cameras.map((c) => ({ id: c.id, name: c.name, owner: c.owner, online: c.online }));

/**
 * Units and cameras without pointing at the map: a searchable, virtualised list; Enter (or a
 * click) selects the row in the workstation, so its card opens and every window follows, and
 * flies the map there.
 */
export function MapFinder(props: Props) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <section className="map-finder" aria-label="Find units and cameras">
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Find units and cameras
      </button>
      {open && (
        <div id={panelId}>
          <FinderPanel {...props} />
        </div>
      )}
    </section>
  );
}

function FinderPanel({ locate, onFly }: Props) {
  const { smsUrl, token } = useSession();
  const units = useSnapshotSelect(smsUrl, token, selectUnitRows);
  const cameras = useSnapshotSelect(smsUrl, token, selectCameraRows);
  const [kind, setKind] = useState<FinderKind>('unit');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => findRows(kind, query, units ?? [], cameras ?? []), [kind, query, units, cameras]);
  // The virtualiser hands back functions React Compiler cannot memoise safely; they are read
  // during render only (the same exception as the CAD incident queue).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 26,
    overscan: 8,
  });
  const current = Math.min(active, rows.length - 1);

  const choose = (row: FinderRow) => {
    select({ kind: row.kind, id: row.id });
    const at = locate({ kind: row.kind, id: row.id });
    if (at) onFly(at);
  };
  const move = (to: number) => {
    const next = Math.max(0, Math.min(to, rows.length - 1));
    setActive(next);
    virtual.scrollToIndex(next);
  };

  return (
    <div className="map-finder__panel">
      <div role="group" aria-label="What to find" className="map-finder__kinds">
        {(['unit', 'camera'] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={kind === k}
            onClick={() => {
              setKind(k);
              setActive(0);
            }}
          >
            {k === 'unit' ? `Units (${units?.length ?? 0})` : `Cameras (${cameras?.length ?? 0})`}
          </button>
        ))}
      </div>
      <label htmlFor={`${listId}-input`}>
        {kind === 'unit' ? 'Callsign, status or kind' : 'Name, owner or online'}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={rows.length > 0}
        aria-controls={listId}
        aria-activedescendant={rows.length > 0 ? `${listId}-${current}` : undefined}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') move(current + 1);
          else if (e.key === 'ArrowUp') move(current - 1);
          else if (e.key === 'PageDown') move(current + 10);
          else if (e.key === 'PageUp') move(current - 10);
          else if (e.key === 'Enter' && rows[current]) choose(rows[current]);
          else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
        }}
      />
      <p className="map-finder__count" aria-live="polite">
        {rows.length} {kind === 'unit' ? 'units' : 'cameras'}
      </p>
      <div ref={scrollRef} className="map-finder__scroll">
        <ul
          id={listId}
          role="listbox"
          aria-label={kind === 'unit' ? 'Units' : 'Cameras'}
          style={{ height: virtual.getTotalSize() }}
        >
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <li
                key={row.id}
                id={`${listId}-${item.index}`}
                role="option"
                aria-selected={item.index === current}
                aria-setsize={rows.length}
                aria-posinset={item.index + 1}
                style={{ transform: `translateY(${item.start}px)` }}
                onMouseDown={(e) => {
                  e.preventDefault();
                  setActive(item.index);
                  choose(row);
                }}
              >
                {row.label} <span className="map-finder__detail">{row.detail}</span>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
