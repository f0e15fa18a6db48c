import { Streets } from '../../../sms/sim/streets/streets';
import { simRig } from './harness';

const streets = Streets.load();

describe('units on the streets', () => {
  const rig = simRig({ seed: 3 });
  rig.run(30 * 60_000);
  const kinds = new Map([...rig.core.units.values()].map((u) => [u.id, u.kind]));
  const positions = rig.journal().flatMap((e) => (e.type === 'unit.positions' ? e.payload.positions : []));
  afterAll(() => rig.close());

  it('moves units', () => {
    expect(new Set(positions.map((p) => p.id)).size).toBeGreaterThan(30);
  });

  it('keeps every position within a few metres of the street network', () => {
    const worst = Math.max(...positions.map((p) => streets.snap(p.lon, p.lat).distance));
    expect(worst).toBeLessThan(3);
  });

  it('keeps vehicles off pedestrian streets', () => {
    const vehicles = positions.filter((p) => !['foot', 'project_servator'].includes(kinds.get(p.id)!));
    const worst = Math.max(...vehicles.map((p) => streets.snap(p.lon, p.lat, 'vehicle').distance));
    expect(worst).toBeLessThan(3);
  });

  it('moves foot patrols at walking pace and cars no faster than under blue lights', () => {
    const moving = positions.filter((p) => p.speed > 0);
    const foot = moving.filter((p) => kinds.get(p.id) === 'foot');
    const cars = moving.filter((p) => kinds.get(p.id) === 'car');
    expect(Math.max(...foot.map((p) => p.speed))).toBeLessThan(2.5);
    expect(Math.max(...cars.map((p) => p.speed))).toBeLessThanOrEqual(14);
  });

  it('sends at most one position batch per tick', () => {
    const batches = rig.journal().filter((e) => e.type === 'unit.positions');
    expect(new Set(batches.map((e) => e.ts)).size).toBe(batches.length);
  });
});
