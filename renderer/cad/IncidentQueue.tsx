import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { INCIDENT_TYPES } from '../../shared/domain/incidentTypes';
import type { IncidentSort, IncidentSortKey } from '../../shared/domain/queue';
import { ageText, targetClock } from '../../shared/domain/timers';
import type { Incident, Unit } from '../../shared/protocol';
import { INCIDENT_STATUS_LABEL, gradeLabel } from '../../shared/domain/labels';
import { GradeBadge } from './GradeBadge';
import type { ById } from './useConsoleData';

export const ROW_HEIGHT = 30;

const COLUMNS: { key: IncidentSortKey | null; label: string }[] = [
  { key: 'ref', label: 'Reference' },
  { key: 'grade', label: 'Grade' },
  { key: 'type', label: 'Type' },
  { key: null, label: 'Location' },
  { key: 'age', label: 'Age' },
  { key: 'urgency', label: 'Target' },
  { key: 'status', label: 'Status' },
  { key: null, label: 'Units' },
];

interface RowProps {
  incident: Incident;
  index: number;
  total: number;
  selected: boolean;
  now: number;
  callsigns: string;
  top: number;
  onPick: (id: string) => void;
}

/** One row; memoised so a tick or an update re-renders only rows whose inputs changed. */
export const IncidentRow = memo(function IncidentRow({
  incident,
  index,
  total,
  selected,
  now,
  callsigns,
  top,
  onPick,
}: RowProps) {
  const clock = targetClock(incident, now);
  const type = INCIDENT_TYPES[incident.type].label;
  const place = incident.location.address ?? `${incident.location.lat.toFixed(4)}, ${incident.location.lon.toFixed(4)}`;
  return (
    <div
      role="option"
      id={`cad-incident-${incident.id}`}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={total}
      className={`cad-row${selected ? ' cad-row--selected' : ''}${clock.state === 'breached' ? ' cad-row--breach' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onPick(incident.id)}
    >
      <span className="cad-mono">
        <span className="cad-sr-only">CAD-</span>
        {incident.ref.slice(4)}
      </span>
      <GradeBadge grade={incident.grade} />
      <span className="cad-sr-only">{gradeLabel(incident.grade)}</span>
      <span className="cad-ellipsis">{type}</span>
      <span className="cad-ellipsis">
        {place}
        {incident.location.ward ? <span className="cad-muted"> · {incident.location.ward}</span> : null}
      </span>
      <span className="cad-mono">
        <span className="cad-sr-only">age </span>
        {ageText(incident.createdAt, now)}
      </span>
      <span
        className={`cad-mono cad-clock cad-clock--${clock.state}${clock.state === 'running' && clock.warning ? ' cad-clock--warn' : ''}`}
      >
        <span className="cad-sr-only">target </span>
        {clock.state === 'breached' ? <span aria-hidden="true">⚠ </span> : null}
        {clock.text}
      </span>
      <span>{INCIDENT_STATUS_LABEL[incident.status]}</span>
      <span className="cad-ellipsis cad-mono">
        <span className="cad-sr-only">units </span>
        {callsigns || '—'}
      </span>
    </div>
  );
});

interface QueueProps {
  rows: readonly Incident[];
  unitById: ById<Unit>;
  selectedId: string | null;
  now: number;
  sort: IncidentSort;
  onSort: (sort: IncidentSort) => void;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}

/**
 * The incident queue: a listbox of every matching incident, virtualised so that only the rows
 * in view exist in the page (10,000 open incidents stay smooth). Arrow keys, Page Up/Down, Home
 * and End move the selection; Enter opens the detail.
 */
export function IncidentQueue({ rows, unitById, selectedId, now, sort, onSort, onSelect, onOpen }: QueueProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualiser hands back functions React Compiler cannot memoise safely; this component
  // opts out by being a plain function component reading them during render only.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  const selectedIndex = selectedId ? rows.findIndex((r) => r.id === selectedId) : -1;

  // Scrolls only when the selected row is out of view, by the rows' fixed height: the virtualiser's
  // scrollToIndex measures the scroll area on every call (a forced layout per key press, and more
  // while it settles), which was the largest cost of moving through a long queue with j.
  useEffect(() => {
    const el = scrollRef.current;
    if (selectedIndex < 0 || !el) return;
    const top = selectedIndex * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [selectedIndex]);

  const move = (to: number) => {
    if (rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, to));
    onSelect(rows[i]!.id);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const at = selectedIndex;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at < 0 ? 0 : at - 1),
      j: () => move(at + 1),
      k: () => move(at < 0 ? 0 : at - 1),
      PageDown: () => move(at + page),
      PageUp: () => move(at - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => selectedId && onOpen(selectedId),
    };
    const action = keys[e.key];
    if (action && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      action();
    }
  };

  return (
    <div className="cad-queue">
      <div className="cad-row cad-row--head" role="toolbar" aria-label="Sort incidents">
        {COLUMNS.map((c) =>
          c.key ? (
            <button
              key={c.label}
              type="button"
              className="cad-sort"
              aria-pressed={sort.key === c.key}
              aria-label={`Sort by ${c.label}${sort.key === c.key ? (sort.descending ? ', descending' : ', ascending') : ''}`}
              onClick={() => onSort({ key: c.key!, descending: sort.key === c.key ? !sort.descending : false })}
            >
              {c.label}
              {sort.key === c.key ? <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span> : null}
            </button>
          ) : (
            <span key={c.label} className="cad-sort cad-sort--static">
              {c.label}
            </span>
          ),
        )}
      </div>
      <div
        ref={scrollRef}
        className="cad-queue__scroll"
        role="listbox"
        aria-label="Incident queue"
        tabIndex={0}
        aria-activedescendant={selectedIndex >= 0 ? `cad-incident-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const incident = rows[item.index]!;
            return (
              <IncidentRow
                key={incident.id}
                incident={incident}
                index={item.index}
                total={rows.length}
                selected={incident.id === selectedId}
                now={now}
                callsigns={incident.unitIds.map((id) => unitById.get(id)?.callsign ?? '?').join(' ')}
                top={item.start}
                onPick={onSelect}
              />
            );
          })}
        </div>
      </div>
      {rows.length === 0 ? <p className="cad-empty">No incident matches.</p> : null}
    </div>
  );
}
