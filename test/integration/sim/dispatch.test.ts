import type { EventEnvelope, Unit, UnitStatus } from '../../../shared/protocol';
import { Streets } from '../../../sms/sim/streets/streets';
import { DISPATCHER, simRig } from './harness';

const streets = Streets.load();

describe('a unit an operator dispatches', () => {
  const rig = simRig({ seed: 5 });
  rig.run(60_000);
  const statuses: UnitStatus[] = [];
  let unitId = '';
  const off = rig.core.subscribe((e: EventEnvelope) => {
    if (e.type === 'unit.status' && e.payload.unit.id === unitId) statuses.push(e.payload.unit.status);
  });
  const car = [...rig.core.units.values()].find((u) => u.kind === 'car' && u.status === 'available') as Unit;
  unitId = car.id;
  // An incident about a kilometre away, snapped to the street as the room's map would.
  const target = streets.snap(car.position.lon + 0.012, car.position.lat - 0.004, 'vehicle');
  const { incident } = rig.core.execute(
    'incident.create',
    { type: 'theft', grade: 2, location: { lon: target.lon, lat: target.lat }, summary: 'Phone snatched.' },
    DISPATCHER,
  );
  rig.core.execute('incident.assign', { incidentId: incident.id, unitIds: [car.id] }, DISPATCHER);
  rig.run(20 * 60_000);
  off();
  afterAll(() => rig.close());

  it('acknowledges, travels and arrives: dispatched, en route, on scene', () => {
    expect(statuses).toEqual(['dispatched', 'en_route', 'on_scene']);
  });

  it('stands at the incident location on scene', () => {
    const unit = rig.core.units.get(car.id)!;
    expect(streets.net.ruler.distance([unit.position.lon, unit.position.lat], [target.lon, target.lat])).toBeLessThan(
      3,
    );
  });

  it('stays on scene until the incident is closed', () => {
    rig.run(2 * 3_600_000);
    expect(rig.core.units.get(car.id)?.status).toBe('on_scene');
  });

  it('resumes patrol once the operator closes the incident', () => {
    rig.core.execute('incident.close', { incidentId: incident.id, resultCode: 'crime_report' }, DISPATCHER);
    const before = rig.core.units.get(car.id)!.position;
    rig.run(10 * 60_000);
    const after = rig.core.units.get(car.id)!;
    expect(after.status).not.toBe('on_scene');
    expect(after.position).not.toEqual(before);
  });
});
