import { EventEnvelopeSchema, type Snapshot } from '../../shared/protocol';
import { SMS_COMMANDS } from '../commands/commandRules';
import { createCore, type SmsCoreService } from '../core/core';
import { openSqliteStorage } from '../storage/sqlite';
import { PREROLL_HOURS, prerollCity } from './preroll';
import { cityRuleBreaks } from '../../test/support/cityRules';
import { DEMO_PACE } from './workload/demoPace';

// Each pre-roll computes hours of the City; a shared test machine may be slow (its time is bounded
// by test/integration/sim/preroll.test.ts, in CPU time).
jest.setTimeout(60_000);

/** A Thursday in March (GMT, so London time is UTC): a quiet hour and the evening peak. */
const QUIET = Date.parse('2026-03-05T04:00:00Z');
const BUSY = Date.parse('2026-03-05T17:00:00Z');

interface Rolled {
  core: SmsCoreService;
  snapshot: Snapshot;
  /** The SMS clock's value once the pre-roll handed back. */
  clockAfter: number;
  /** Runs the room on, live (250 ms ticks as `startSimulation` does), for `ms`. */
  runOn(ms: number): void;
}

function preroll(seed: number, end: number, opts: { pace?: boolean; hours?: number } = {}): Rolled {
  let virtual: number | null = null;
  let live = end + 1_000;
  const core = createCore({
    commands: SMS_COMMANDS,
    storage: openSqliteStorage(':memory:'),
    clock: () => virtual ?? live,
  });
  const { simulation } = prerollCity(core, {
    seed,
    end,
    pace: opts.pace === false ? undefined : DEMO_PACE,
    hours: opts.hours,
    setNow: (ms) => (virtual = ms),
  });
  const runOn = (ms: number) => {
    for (let t = 0; t < ms; t += 250) {
      live += 250;
      simulation.step(250);
    }
  };
  return { core, snapshot: core.snapshot(), clockAfter: core.now(), runOn };
}

const rolled: Rolled[] = [];
afterAll(() => rolled.forEach((r) => r.core.close()));
function keep(r: Rolled): Rolled {
  rolled.push(r);
  return r;
}

describe.each([
  ['a quiet hour (04:00)', QUIET],
  ['the evening peak (17:00)', BUSY],
])('a City pre-rolled to %s', (_, end) => {
  const r = keep(preroll(1, end));
  const { snapshot } = r;
  const open = snapshot.incidents.filter((i) => i.status !== 'closed');

  it('breaks none of the shared rules', () => {
    expect(cityRuleBreaks(snapshot)).toEqual([]);
  });

  it('has incidents of three grades or more running, at their stages', () => {
    expect(new Set(open.map((i) => i.grade)).size).toBeGreaterThanOrEqual(3);
    // Running work: at least one incident with units and one still waiting for them or on scene.
    expect(open.some((i) => i.unitIds.length > 0)).toBe(true);
  });

  it('has units committed to incidents', () => {
    expect(
      snapshot.units.some((u) => u.status === 'dispatched' || u.status === 'en_route' || u.status === 'on_scene'),
    ).toBe(true);
  });

  it('has alerts waiting, raised and acknowledged', () => {
    expect(snapshot.alerts.some((a) => a.status === 'raised')).toBe(true);
    expect(snapshot.alerts.some((a) => a.status === 'acknowledged')).toBe(true);
  });

  it('leaves no alert the colleague acknowledged in the queue all shift: it closes them within 45 minutes', () => {
    const stale = snapshot.alerts.filter(
      (x) => x.status === 'acknowledged' && Date.parse(x.acknowledgedAt!) < end - 45 * 60_000 - 5_000,
    );
    expect(stale).toEqual([]);
    expect(snapshot.alerts.some((x) => x.status === 'dismissed' && x.dismissReason?.startsWith('Dealt with'))).toBe(
      true,
    );
  });

  it('has closed incidents in the history, with the colleague’s logs', () => {
    const closed = snapshot.incidents.filter((i) => i.status === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((i) => i.log.some((e) => e.author === 'sim' && e.kind === 'closed'))).toBe(true);
  });

  it('stamps everything within the hours before now, then hands the clock back', () => {
    const from = end - PREROLL_HOURS * 3_600_000;
    const journal = r.core.readEvents(0, Number.MAX_SAFE_INTEGER);
    expect(journal.length).toBe(r.core.seq);
    journal.forEach((e, i) => expect(e.seq).toBe(i + 1));
    expect(journal.every((e) => e.ts >= from && e.ts <= end)).toBe(true);
    expect(journal.every((e, i) => i === 0 || e.ts >= journal[i - 1]!.ts)).toBe(true);
    expect(journal.every((e) => EventEnvelopeSchema.safeParse(e).success)).toBe(true);
    expect(r.clockAfter).toBe(end + 1_000);
  });

  it('places units where their work is: on scene at their incident', () => {
    const byId = new Map(snapshot.incidents.map((i) => [i.id, i]));
    for (const u of snapshot.units.filter((x) => x.status === 'on_scene')) {
      const at = byId.get(u.incidentId!)!.location;
      // Within a few hundred metres (vehicles stop at the nearest road).
      expect(Math.abs(u.position.lon - at.lon)).toBeLessThan(0.01);
      expect(Math.abs(u.position.lat - at.lat)).toBeLessThan(0.006);
    }
  });

  it('changes within two minutes of the room opening, and goes on changing', () => {
    // What a newcomer sees change: anything but the units' position reports (which never stop).
    const changes = (from: number) => r.core.readEvents(from, 100_000).filter((e) => e.type !== 'unit.positions');
    const opened = r.core.seq;
    r.runOn(2 * 60_000);
    expect(changes(opened).length).toBeGreaterThan(0);
    const later = r.core.seq;
    r.runOn(10 * 60_000);
    expect(changes(later).some((e) => e.type === 'incident.created' || e.type === 'alert.raised')).toBe(true);
    expect(cityRuleBreaks(r.core.snapshot())).toEqual([]);
  });
});

describe('pre-roll determinism', () => {
  // Two hours are enough to tell runs apart, and keep the suite quick.
  const first = keep(preroll(1, QUIET, { hours: 2 }));

  it('gives the same state for the same seed and clock', () => {
    const again = keep(preroll(1, QUIET, { hours: 2 }));
    expect(again.snapshot).toEqual(first.snapshot);
    expect(again.core.readEvents(0, 100_000)).toEqual(first.core.readEvents(0, 100_000));
  });

  it('gives another state for another seed or another clock', () => {
    expect(keep(preroll(2, QUIET, { hours: 2 })).snapshot).not.toEqual(first.snapshot);
    expect(keep(preroll(1, QUIET + 60_000, { hours: 2 })).snapshot).not.toEqual(first.snapshot);
  });
});

describe('pre-roll at the model’s real rates', () => {
  it('still hands over a room with work of three grades and an alert waiting', () => {
    const { snapshot } = keep(preroll(3, QUIET, { pace: false }));
    const open = snapshot.incidents.filter((i) => i.status !== 'closed');
    expect(new Set(open.map((i) => i.grade)).size).toBeGreaterThanOrEqual(3);
    expect(snapshot.alerts.some((a) => a.status === 'raised')).toBe(true);
    expect(cityRuleBreaks(snapshot)).toEqual([]);
  });
});
