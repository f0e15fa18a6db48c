import type { Incident } from '../../../shared/protocol';
import { DISPATCHER, simRig } from './harness';

const DAY = 24 * 3_600_000;
const STEP = 5_000;

describe('a simulated day in the City', () => {
  const rig = simRig({ seed: 21 });
  const own = rig.core.execute(
    'incident.create',
    { type: 'theft', grade: 3, location: { lon: -0.0886, lat: 51.5134 }, summary: 'Operator call: bike stolen.' },
    DISPATCHER,
  ).incident;
  rig.run(DAY / 2, STEP);
  // At midday the room takes one of the simulator's open incidents by adding a note to it.
  const taken = [...rig.core.incidents.values()].find((i) => i.status !== 'closed' && i.log[0]?.author === 'sim');
  if (taken) rig.core.execute('incident.note', { incidentId: taken.id, text: 'Room has this one.' }, DISPATCHER);
  rig.run(DAY / 2, STEP);
  const incidents = [...rig.core.incidents.values()];
  const alerts = [...rig.core.alerts.values()];
  afterAll(() => rig.close());

  it('brings a day’s workload of incidents', () => {
    expect(incidents.length).toBeGreaterThan(60);
    expect(incidents.length).toBeLessThan(200);
  });

  it('includes Grade 1 incidents', () => {
    expect(incidents.filter((i) => i.grade === 1).length).toBeGreaterThan(5);
  });

  it('draws incidents from many of the City’s incident types', () => {
    expect(new Set(incidents.map((i) => i.type)).size).toBeGreaterThanOrEqual(10);
  });

  it('gives every incident of the simulator an address', () => {
    for (const i of incidents.filter((i) => i.log[0]?.author === 'sim')) expect(i.location.address).toBeTruthy();
  });

  it('lets the colleague dispatcher close most of the simulator’s incidents', () => {
    const sims = incidents.filter((i) => i.log[0]?.author === 'sim');
    expect(sims.filter((i) => i.status === 'closed').length / sims.length).toBeGreaterThan(0.8);
  });

  it('never touches an incident an operator created', () => {
    const after: Incident = rig.core.incidents.get(own.id)!;
    expect(after.log.map((e) => e.author)).toEqual(['dispatcher']);
    expect([after.status, after.unitIds]).toEqual(['open', []]);
  });

  it('leaves an incident alone once the room has acted on it', () => {
    expect(taken).toBeDefined();
    const after = rig.core.incidents.get(taken!.id)!;
    const afterNote = after.log.slice(after.log.findIndex((e) => e.author === 'dispatcher') + 1);
    expect(afterNote.filter((e) => e.author === 'sim')).toEqual([]);
  });

  it('raises alerts from analytics, service points, ANPR and premises alarms', () => {
    // Officer emergency buttons are rare (a few a week): a single day need not have one.
    expect([...new Set(alerts.map((a) => a.source))]).toEqual(
      expect.arrayContaining(['video_analytics', 'service_point_call', 'anpr', 'premises_alarm']),
    );
  });

  it('ends every Digital Service Point call', () => {
    const inCall = [...rig.core.servicePoints.values()].filter((s) => s.status === 'in_call');
    expect(inCall.length).toBeLessThanOrEqual(1);
  });
});
