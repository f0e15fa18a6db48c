import { DEFAULT_INCIDENT_SORT, orderAlerts, orderIncidents, unhandledEmergencies } from './queue';
import { T0, anAlert as alert, anIncident as incident, minutes } from '../../test/support/records';

const at = (m: number) => new Date(T0 + minutes(m)).toISOString();

describe('incident queue ordering', () => {
  it('puts the worst breach first, then the least time left, then incidents without a running target', () => {
    const g2fresh = incident({ id: 'a', ref: 'CAD-2026-000001', grade: 2, createdAt: at(0) });
    const g1fresh = incident({ id: 'b', ref: 'CAD-2026-000002', grade: 1, createdAt: at(0) });
    const g1breached = incident({ id: 'c', ref: 'CAD-2026-000003', grade: 1, createdAt: at(-30) });
    const g3 = incident({ id: 'd', ref: 'CAD-2026-000004', grade: 3, createdAt: at(-120) });
    const onScene = incident({ id: 'e', ref: 'CAD-2026-000005', grade: 1, status: 'on_scene', createdAt: at(-5) });
    const order = orderIncidents([g3, g2fresh, onScene, g1fresh, g1breached], {}, DEFAULT_INCIDENT_SORT, T0);
    expect(order.map((i) => i.id)).toEqual(['c', 'b', 'a', 'e', 'd']);
  });

  it('hides closed incidents and filters by grade, status, type, ward and words', () => {
    const list = [
      incident({ id: 'a', ref: 'CAD-2026-000001', grade: 1, type: 'robbery' }),
      incident({ id: 'b', ref: 'CAD-2026-000002', status: 'closed' }),
      incident({
        id: 'c',
        ref: 'CAD-2026-000003',
        location: { lon: -0.08, lat: 51.51, address: 'Bishopsgate', ward: 'Bishopsgate' },
      }),
    ];
    const ids = (f: Parameters<typeof orderIncidents>[1]) =>
      orderIncidents(list, f, { key: 'ref', descending: false }, T0).map((i) => i.id);
    expect(ids({})).toEqual(['a', 'c']);
    expect(ids({ grades: [1] })).toEqual(['a']);
    expect(ids({ types: ['theft'] })).toEqual(['c']);
    expect(ids({ wards: ['Bishopsgate'] })).toEqual(['c']);
    expect(ids({ statuses: ['closed'] })).toEqual(['b']);
    expect(ids({ search: 'bishops' })).toEqual(['c']);
    expect(ids({ search: '000001' })).toEqual(['a']);
  });

  it('sorts by any column both ways with a stable tie-break on reference', () => {
    const list = [
      incident({ id: 'a', ref: 'CAD-2026-000002', grade: 2 }),
      incident({ id: 'b', ref: 'CAD-2026-000001', grade: 2 }),
      incident({ id: 'c', ref: 'CAD-2026-000003', grade: 1 }),
    ];
    expect(orderIncidents(list, {}, { key: 'grade', descending: false }, T0).map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(orderIncidents(list, {}, { key: 'grade', descending: true }, T0).map((i) => i.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('alert queue ordering', () => {
  it('puts an emergency button first, then priority, unacknowledged before acknowledged, then oldest', () => {
    const alerts = [
      alert({ id: 'low', priority: 'low', raisedAt: at(-50) }),
      alert({ id: 'high-new', priority: 'high', raisedAt: at(-1) }),
      alert({ id: 'high-old', priority: 'high', raisedAt: at(-5) }),
      alert({ id: 'high-ack', priority: 'high', status: 'acknowledged', raisedAt: at(-9) }),
      alert({ id: 'button', source: 'emergency_button', priority: 'medium', raisedAt: at(0) }),
      alert({ id: 'gone', priority: 'critical', status: 'dismissed' }),
    ];
    expect(orderAlerts(alerts).map((a) => a.id)).toEqual(['button', 'high-old', 'high-new', 'high-ack', 'low']);
  });

  it('keeps the emergency banner until the button alert is dismissed or converted', () => {
    const raised = alert({ id: 'b', source: 'emergency_button' });
    expect(unhandledEmergencies([raised])).toHaveLength(1);
    expect(unhandledEmergencies([{ ...raised, status: 'acknowledged' }])).toHaveLength(1);
    expect(unhandledEmergencies([{ ...raised, status: 'converted' }])).toHaveLength(0);
  });
});
