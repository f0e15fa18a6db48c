import type { UnitPosition } from '../../../shared/protocol';
import { Random } from '../random';
import { createScenario } from '../scenario';
import { Streets } from '../streets/streets';
import { Fleet, PATROL_SPEED } from './fleet';

const streets = Streets.load();
const TICK = 250;

function patrollingFleet(units = 40, seed = 1) {
  const world = createScenario({ seed, units });
  const fleet = new Fleet(streets, world.units, Random.stream(seed, 'test-fleet'));
  for (let i = 0; i < fleet.size; i++) fleet.patrolAfter(i, 0, 0);
  return { world, fleet };
}

function run(fleet: Fleet, fromMs: number, toMs: number, onBatch: (b: UnitPosition[], arrivals: number[]) => void) {
  for (let t = fromMs + TICK; t <= toMs; t += TICK) {
    const out: UnitPosition[] = [];
    const arrivals: number[] = [];
    fleet.step(t, TICK, out, arrivals);
    onBatch(out, arrivals);
  }
}

describe('Fleet', () => {
  it('keeps every reported position on the street network', () => {
    const { fleet } = patrollingFleet();
    let worst = 0;
    run(fleet, 0, 10 * 60_000, (batch) => {
      for (const p of batch) worst = Math.max(worst, streets.snap(p.lon, p.lat).distance);
    });
    expect(worst).toBeLessThan(1);
  });

  it('keeps vehicles off pedestrian streets', () => {
    const { world, fleet } = patrollingFleet();
    const vehicles = new Set(
      world.units.filter((u) => !['foot', 'project_servator'].includes(u.kind)).map((u) => u.id),
    );
    let worst = 0;
    run(fleet, 0, 10 * 60_000, (batch) => {
      for (const p of batch)
        if (vehicles.has(p.id)) worst = Math.max(worst, streets.snap(p.lon, p.lat, 'vehicle').distance);
    });
    expect(worst).toBeLessThan(1);
  });

  it('walks foot patrols at about 1.4 m/s', () => {
    const { world, fleet } = patrollingFleet();
    const foot = new Set(world.units.filter((u) => u.kind === 'foot').map((u) => u.id));
    const speeds: number[] = [];
    run(fleet, 0, 5 * 60_000, (batch) => {
      for (const p of batch) if (foot.has(p.id) && p.speed > 0) speeds.push(p.speed);
    });
    expect(Math.min(...speeds)).toBeGreaterThanOrEqual(PATROL_SPEED.foot * 0.9 - 0.05);
    expect(Math.max(...speeds)).toBeLessThanOrEqual(PATROL_SPEED.foot * 1.1 + 0.05);
  });

  it('reports a moving unit about once per simulated second', () => {
    const { world, fleet } = patrollingFleet();
    const counts = new Map<string, number>();
    run(fleet, 0, 60_000, (batch) => {
      for (const p of batch) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    });
    expect(world.units.some((u) => (counts.get(u.id) ?? 0) >= 50)).toBe(true);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(61);
  });

  it('carries about N positions per simulated second, split so that no batch grows much past 1,000', () => {
    const { fleet } = patrollingFleet(4_000);
    const sizes: number[] = [];
    run(fleet, 0, 30_000, (batch) => sizes.push(batch.length));
    const last = sizes.slice(-40);
    expect(last.reduce((s, n) => s + n, 0) / 10).toBeGreaterThan(3_000);
    expect(Math.max(...last)).toBeLessThan(1_100);
  });

  it('reports a small fleet together, one batch per simulated second', () => {
    const { fleet } = patrollingFleet(40);
    let batches = 0;
    run(fleet, 0, 60_000, (batch) => {
      if (batch.length > 0) batches++;
    });
    expect(batches).toBeLessThanOrEqual(61);
  });

  it('brings a responding unit to the call and reports its arrival', () => {
    const { world, fleet } = patrollingFleet();
    const car = world.units.findIndex((u) => u.kind === 'car');
    const target = streets.pointAt(streets.randomPoint(Random.stream(9, 'target'), 'vehicle'));
    fleet.respond(car, target[0], target[1], false);
    let arrivedAt = -1;
    let t = 0;
    run(fleet, 0, 20 * 60_000, (_, arrivals) => {
      t += TICK;
      if (arrivedAt < 0 && arrivals.includes(car)) arrivedAt = t;
    });
    expect(arrivedAt).toBeGreaterThan(0);
    const at = fleet.position(car);
    expect(streets.net.ruler.distance([at.lon, at.lat], target)).toBeLessThan(1);
  });

  it('drives faster under blue lights', () => {
    const timeTo = (urgent: boolean) => {
      const { world, fleet } = patrollingFleet();
      const car = world.units.findIndex((u) => u.kind === 'car');
      const target = streets.pointAt(streets.randomPoint(Random.stream(9, 'target'), 'vehicle'));
      fleet.respond(car, target[0], target[1], urgent);
      let t = 0;
      let arrived = -1;
      run(fleet, 0, 20 * 60_000, (_, arrivals) => {
        t += TICK;
        if (arrived < 0 && arrivals.includes(car)) arrived = t;
      });
      return arrived;
    };
    expect(timeTo(true)).toBeLessThan(timeTo(false));
  });

  it('keeps a stopped unit where it is', () => {
    const { fleet } = patrollingFleet();
    run(fleet, 0, 60_000, () => {});
    fleet.stop(0);
    const before = fleet.position(0);
    run(fleet, 60_000, 120_000, () => {});
    expect(fleet.position(0)).toEqual(before);
  });
});
