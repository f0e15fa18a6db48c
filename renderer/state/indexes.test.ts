import {
  orderIncidents,
  matchesIncidentFilter,
  type IncidentFilter,
  type IncidentSort,
} from '../../shared/domain/queue';
import type { EventEnvelope, Grade, Incident, IncidentStatus, Snapshot, Unit } from '../../shared/protocol';
import { aSnapshot, aUnit, anIncident } from '../../test/support/records';
import { overview } from '../overview/overview';
import { applyEvents, recordById } from './applyEvent';
import { incidentComparator, incidentQueue } from './incidentOrder';
import { incremental, type IncrementalIndex } from './incremental';
import { countBy, distinctValues, incidentRefs, newestUpdate, openGradeOne } from './indexes';
import { LINEAGE_DEPTH } from './lineage';
import { summarize } from './summary';

/** A small seeded PRNG (mulberry32): every run draws the same sequences. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! };
}

const STATUSES: IncidentStatus[] = ['open', 'dispatched', 'on_scene', 'closed'];
const WARDS = ['Cheap', 'Bassishaw', 'Aldgate', 'Tower', ''];
const TYPES = ['theft', 'public_order', 'suspicious_item', 'concern_for_welfare'] as const;
const BASE = Date.parse('2026-11-25T10:00:00.000Z');

/** Random journal: incidents created, updated (status, grade, ward, notes) and archived; units moving. */
function randomRun(seed: number, steps: number) {
  const r = prng(seed);
  let seq = 0;
  let n = 0;
  const live = new Map<string, Incident>();
  const at = (min: number) => new Date(BASE + min * 60_000).toISOString();
  const event = (type: string, payload: unknown) => ({ seq: ++seq, ts: BASE + seq, type, payload }) as EventEnvelope;
  const randomEvent = (): EventEnvelope => {
    const roll = r.next();
    const ids = [...live.keys()];
    if (roll < 0.3 || ids.length === 0) {
      n += 1;
      const status = r.pick(STATUSES);
      const incident = anIncident({
        id: `inc-${n}`,
        ref: `CAD-2026-${String(n).padStart(6, '0')}`,
        type: r.pick(TYPES),
        grade: (r.int(4) + 1) as Grade,
        status,
        location: { lon: -0.09, lat: 51.51, address: 'Cheapside', ward: r.pick(WARDS) || undefined },
        createdAt: at(r.int(120)),
        updatedAt: at(120 + seq),
        ...(status === 'closed' ? { closedAt: at(200), resultCode: 'no_trace' as const } : {}),
      });
      live.set(incident.id, incident);
      return event('incident.created', { incident });
    }
    const id = r.pick(ids);
    if (roll < 0.38) {
      live.delete(id);
      return event('incident.archived', { incidentId: id });
    }
    const before = live.get(id)!;
    const status = r.next() < 0.3 ? r.pick(STATUSES) : before.status;
    const incident: Incident = {
      ...before,
      status,
      grade: r.next() < 0.15 ? ((r.int(4) + 1) as Grade) : before.grade,
      location: r.next() < 0.1 ? { ...before.location, ward: r.pick(WARDS) || undefined } : before.location,
      closedAt: status === 'closed' ? at(200) : null,
      resultCode: status === 'closed' ? 'no_trace' : null,
      // Mostly later, sometimes the same time: the newest-time index must handle both.
      updatedAt: r.next() < 0.8 ? at(120 + seq) : before.updatedAt,
      summary: `${before.summary}.`,
    };
    live.set(id, incident);
    return event('incident.updated', { incident });
  };
  const batches: EventEnvelope[][] = [];
  for (let i = 0; i < steps; i++) batches.push(Array.from({ length: 1 + r.int(6) }, randomEvent));
  return { batches, r };
}

const byId = (xs: readonly Incident[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

/**
 * Runs random batches through the product's applier and checks, after each, the incremental
 * index against a full recomputation of the same list. Some batches are not looked at (the index
 * then follows several steps at once), and once it is left behind beyond the lineage kept.
 */
function agreesWithFull<S>(
  index: IncrementalIndex<Incident, S>,
  full: (list: readonly Incident[]) => unknown,
  seed: number,
) {
  const { batches, r } = randomRun(seed, 400);
  const select = incremental(index);
  let snapshot: Snapshot = aSnapshot();
  let checks = 0;
  for (const [i, batch] of batches.entries()) {
    snapshot = applyEvents(snapshot, batch);
    if (i === 200) {
      // Left behind beyond the lineage kept: the index is rebuilt, and still agrees.
      for (let k = 0; k <= LINEAGE_DEPTH; k++)
        snapshot = applyEvents(
          snapshot,
          batches[(k * 7) % batches.length]!.map((e) => ({ ...e, seq: snapshot.seq + 1 })),
        );
    }
    if (r.next() < 0.3) continue;
    expect(select(snapshot.incidents)).toEqual(full(snapshot.incidents));
    checks += 1;
  }
  expect(checks).toBeGreaterThan(200);
}

describe('incremental indexes agree with a full recomputation on random event sequences', () => {
  const sorts: IncidentSort[] = [
    { key: 'urgency', descending: false },
    { key: 'urgency', descending: true },
    { key: 'age', descending: false },
    { key: 'grade', descending: true },
    { key: 'ref', descending: false },
    { key: 'type', descending: false },
    { key: 'status', descending: true },
  ];
  const filters: IncidentFilter[] = [
    {},
    { grades: [1, 2] },
    { statuses: ['closed', 'open'], wards: ['Cheap'] },
    { types: ['theft'], search: 'cheap phone' },
  ];

  it.each(sorts.map((sort, i) => [sort.key, sort.descending, sort, filters[i % filters.length]!, i] as const))(
    'the queue, by %s (descending: %s)',
    (_key, _descending, sort, filter, seed) => {
      // Any time will do: the order does not depend on it.
      agreesWithFull(
        incidentQueue(filter, sort),
        (list) => orderIncidents(list, filter, sort, BASE + 90 * 60_000),
        100 + seed,
      );
    },
  );

  it('the comparator orders as orderIncidents at any time', () => {
    const { batches } = randomRun(7, 50);
    let snapshot = aSnapshot();
    for (const batch of batches) snapshot = applyEvents(snapshot, batch);
    const sort: IncidentSort = { key: 'urgency', descending: false };
    const open = snapshot.incidents.filter((i) => matchesIncidentFilter(i, {}));
    for (const now of [BASE, BASE + 30 * 60_000, BASE + 600 * 60_000]) {
      expect([...open].sort(incidentComparator(sort))).toEqual(orderIncidents(snapshot.incidents, {}, sort, now));
    }
  });

  it('counts by key', () => {
    const keyOf = (i: Incident) => (i.status === 'closed' ? null : `${i.grade}`);
    agreesWithFull(countBy(keyOf), (list) => countBy(keyOf).full(list), 1);
  });

  it('the ward list', () => {
    const wards = (list: readonly Incident[]) =>
      [...new Set(list.map((i) => i.location.ward).filter((w) => !!w))].sort();
    const index = distinctValues<Incident>((i) => i.location.ward || null);
    agreesWithFull(
      { full: index.full, step: index.step },
      (list) => ({ counts: countBy<Incident>((i) => i.location.ward || null).full(list), values: wards(list) }),
      2,
    );
  });

  it("the command line's references", () => {
    agreesWithFull(
      incidentRefs,
      (list) => ({ byId: new Map(list.map((i) => [i.id, i.ref])), refs: list.map((i) => i.ref) }),
      3,
    );
  });

  it('the SMS-time estimate (newest update)', () => {
    agreesWithFull(newestUpdate, (list) => Math.max(0, ...list.map((i) => Date.parse(i.updatedAt))), 4);
  });

  it('the open grade 1 incidents', () => {
    const index: IncrementalIndex<Incident, readonly Incident[]> = {
      full: (list) => byId(openGradeOne.full(list)),
      step: (rows, changes) => {
        const next = openGradeOne.step(rows, changes);
        return typeof next === 'symbol' ? next : byId(next);
      },
    };
    agreesWithFull(index, (list) => byId(list.filter((i) => i.grade === 1 && i.status !== 'closed')), 5);
  });

  it('the status bar summary and the overview', () => {
    const { batches } = randomRun(6, 300);
    let snapshot = aSnapshot({ units: [aUnit(), aUnit({ id: 'unit-2', callsign: 'CW2', status: 'busy' })] });
    for (const batch of batches) {
      const before = snapshot;
      snapshot = applyEvents(snapshot, batch);
      const fresh = { ...snapshot, incidents: [...snapshot.incidents], units: [...snapshot.units] };
      expect(summarize(snapshot)).toEqual(summarize(fresh));
      expect(overview(snapshot)).toEqual(overview(fresh));
      // The same object while nothing it counts changed.
      if (before.incidents === snapshot.incidents) expect(summarize(snapshot)).toBe(summarize(snapshot));
    }
  });
});

describe('the id index kept with each list', () => {
  it('finds every record of every list the applier makes, and nothing else', () => {
    const { batches } = randomRun(9, 300);
    let snapshot = aSnapshot();
    const lists: (readonly Incident[])[] = [];
    for (const batch of batches) {
      snapshot = applyEvents(snapshot, batch);
      lists.push(snapshot.incidents);
    }
    // Older lists too: the index is shared with the lists made from them.
    for (const list of lists.filter((_, i) => i % 10 === 0)) {
      for (const incident of list) expect(recordById(list, incident.id)).toBe(incident);
      expect(recordById(list, 'inc-none')).toBeUndefined();
    }
  });

  it('keeps a branch (two batches applied to one snapshot) apart', () => {
    const start = applyEvents(aSnapshot(), [
      { seq: 1, ts: 1, type: 'incident.created', payload: { incident: anIncident() } } as EventEnvelope,
    ]);
    const a = anIncident({ id: 'inc-a', ref: 'CAD-2026-000010' });
    const b = anIncident({ id: 'inc-b', ref: 'CAD-2026-000011' });
    const left = applyEvents(start, [
      { seq: 2, ts: 2, type: 'incident.created', payload: { incident: a } } as EventEnvelope,
    ]);
    const right = applyEvents(start, [
      { seq: 2, ts: 2, type: 'incident.created', payload: { incident: b } } as EventEnvelope,
    ]);
    expect(recordById(left.incidents, 'inc-a')).toBe(a);
    expect(recordById(right.incidents, 'inc-b')).toBe(b);
    expect(recordById(left.incidents, 'inc-b')).toBeUndefined();
    expect(recordById(start.incidents, 'inc-a')).toBeUndefined();
  });

  it('keeps units it does not change the same objects', () => {
    const units: Unit[] = [aUnit(), aUnit({ id: 'unit-2', callsign: 'CW2' })];
    const snapshot = aSnapshot({ units });
    const next = applyEvents(snapshot, [
      {
        seq: 1,
        ts: 1,
        type: 'unit.positions',
        payload: { positions: [{ id: 'unit-1', lon: -0.1, lat: 51.5, heading: 0, speed: 1 }] },
      } as EventEnvelope,
    ]);
    expect(next.units[1]).toBe(snapshot.units[1]);
    expect(next.units[0]?.position).toEqual({ lon: -0.1, lat: 51.5 });
  });
});
