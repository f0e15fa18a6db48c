// The console benchmark's page: the product's incident queue (virtualised) or a baseline that
// renders every row, fed 10,000 open incidents and a stream of `incident.updated` events
// through the product's reducer. Each animation frame applies the events due at the target
// rate, then renders synchronously; the time that takes is the frame's main-thread cost.
import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { DEFAULT_INCIDENT_SORT, orderIncidents } from '../../../../shared/domain/queue';
import type { EventEnvelope, Incident, IncidentType, Snapshot, Unit } from '../../../../shared/protocol';
import { IncidentQueue, IncidentRow, ROW_HEIGHT } from '../../../../renderer/cad/IncidentQueue';
import { applyEvent } from '../../../../renderer/state/applyEvent';
import '../../../../renderer/theme/theme.css';
import '../../../../renderer/cad/cad.css';

const params = new URLSearchParams(location.search);
const MODE = params.get('mode') === 'full' ? 'full' : 'virtual';
const COUNT = Number(params.get('incidents') ?? '10000');
const TYPES: IncidentType[] = [
  'theft',
  'robbery',
  'public_order',
  'suspicious_item',
  'concern_for_welfare',
  'burglary',
];
const START = Date.parse('2026-11-25T10:00:00.000Z');

// A small deterministic generator: every run sees the same incidents and the same updates.
let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;

function makeIncident(n: number): Incident {
  const at = new Date(START - Math.floor(rand() * 3_600_000)).toISOString();
  return {
    id: `inc-${n}`,
    ref: `CAD-2026-${String(n).padStart(6, '0')}`,
    type: TYPES[n % TYPES.length]!,
    grade: ((n % 4) + 1) as Incident['grade'],
    status: n % 3 === 0 ? 'dispatched' : 'open',
    location: { lon: -0.09 + rand() * 0.02, lat: 51.51 + rand() * 0.01, address: `Street ${n % 160}`, ward: 'Cheap' },
    caller: null,
    summary: 'Benchmark incident',
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    resultCode: null,
    unitIds: [],
    cameraIds: [],
    alertIds: [],
    log: [],
  };
}

const initial: Snapshot = {
  seq: 0,
  incidents: Array.from({ length: COUNT }, (_, i) => makeIncident(i + 1)),
  units: [],
  cameras: [],
  alerts: [],
  servicePoints: [],
};
const EMPTY_UNITS = new Map<string, Unit>();
let setSnapshot: (s: Snapshot) => void = () => undefined;
let current = initial;
let seq = 0;
let tick = START;

function FullList({ rows, now }: { rows: readonly Incident[]; now: number }) {
  return (
    <div className="cad-queue">
      <div
        role="listbox"
        aria-label="Incident queue"
        style={{ position: 'relative', height: rows.length * ROW_HEIGHT }}
      >
        {rows.map((incident, index) => (
          <IncidentRow
            key={incident.id}
            incident={incident}
            index={index}
            total={rows.length}
            selected={false}
            now={now}
            callsigns=""
            top={index * ROW_HEIGHT}
            onPick={() => undefined}
          />
        ))}
      </div>
    </div>
  );
}

function Bench() {
  const [snapshot, set] = useState(initial);
  setSnapshot = set;
  const now = tick;
  const sortNow = Math.floor(now / 60_000) * 60_000;
  const rows = useMemo(
    () => orderIncidents(snapshot.incidents, {}, DEFAULT_INCIDENT_SORT, sortNow),
    [snapshot.incidents, sortNow],
  );
  return (
    <section className="cad" style={{ height: '100vh' }}>
      {MODE === 'virtual' ? (
        <IncidentQueue
          rows={rows}
          unitById={EMPTY_UNITS}
          selectedId={null}
          now={now}
          sort={DEFAULT_INCIDENT_SORT}
          onSort={() => undefined}
          onSelect={() => undefined}
          onOpen={() => undefined}
        />
      ) : (
        <div style={{ height: 340, overflow: 'auto' }}>
          <FullList rows={rows} now={now} />
        </div>
      )}
    </section>
  );
}

function update(): EventEnvelope {
  const n = 1 + Math.floor(rand() * COUNT);
  const before = current.incidents[n - 1]!;
  const incident: Incident = {
    ...before,
    status: before.status === 'open' ? 'dispatched' : 'open',
    grade: rand() < 0.1 ? (((before.grade % 4) + 1) as Incident['grade']) : before.grade,
    updatedAt: new Date(tick).toISOString(),
  };
  seq += 1;
  return { seq, ts: tick, type: 'incident.updated', payload: { incident } } as EventEnvelope;
}

/** Runs for `seconds`, applying `rate` updates a second; resolves with each frame's main-thread ms. */
function run(seconds: number, rate: number): Promise<number[]> {
  return new Promise((resolve) => {
    const frames: number[] = [];
    const started = performance.now();
    let applied = 0;
    const frame = (t: number) => {
      const due = Math.floor(((t - started) / 1000) * rate);
      const t0 = performance.now();
      let next = current;
      for (; applied < due; applied++) next = applyEvent(next, update());
      tick = START + (t - started);
      current = next;
      flushSync(() => setSnapshot(next));
      frames.push(performance.now() - t0);
      if (t - started < seconds * 1000) requestAnimationFrame(frame);
      else resolve(frames);
    };
    requestAnimationFrame(frame);
  });
}

(window as unknown as { __cadBench: unknown }).__cadBench = { run, mode: MODE, ready: true };
createRoot(document.getElementById('root')!).render(<Bench />);
