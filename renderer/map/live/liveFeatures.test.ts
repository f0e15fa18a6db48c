import type { Alert, Incident } from '../../../shared/protocol';
import { alertFeatures, heatFeatures, incidentFeatures } from './liveFeatures';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

function incident(over: Partial<Incident> & Pick<Incident, 'id'>): Incident {
  return {
    ref: 'CAD-2026-000001',
    type: 'theft',
    grade: 2,
    status: 'open',
    location: { lon: -0.09, lat: 51.515 },
    caller: null,
    summary: '',
    createdAt: minutesAgo(5),
    updatedAt: minutesAgo(5),
    closedAt: null,
    resultCode: null,
    unitIds: [],
    cameraIds: [],
    alertIds: [],
    log: [],
    ...over,
  };
}

describe('incident features', () => {
  it('leaves closed incidents off and marks a missed attendance target in text and icon', () => {
    const fc = incidentFeatures(
      [
        incident({ id: 'a', grade: 1, createdAt: minutesAgo(20), ref: 'CAD-2026-000002' }),
        incident({ id: 'b', grade: 1, createdAt: minutesAgo(5) }),
        incident({ id: 'c', status: 'closed' }),
      ],
      NOW,
    );
    expect(fc.features.map((f: { properties: Record<string, unknown> }) => f.properties['id'])).toEqual(['a', 'b']);
    expect(fc.features[0]!.properties).toMatchObject({
      breached: true,
      icon: 'incident-1-breach',
      label: 'CAD-2026-000002 · TARGET BREACHED',
    });
    expect(fc.features[1]!.properties).toMatchObject({ breached: false, icon: 'incident-1' });
  });

  it('heat map takes every incident of the chosen period, closed ones too', () => {
    const list = [
      incident({ id: 'new' }),
      incident({ id: 'old', createdAt: minutesAgo(120) }),
      incident({ id: 'x', status: 'closed' }),
    ];
    expect(heatFeatures(list, NOW - 60 * 60_000).features).toHaveLength(2);
  });
});

it('draws only alerts still to handle, ranked by priority', () => {
  const alert = (id: string, priority: Alert['priority'], status: Alert['status']): Alert => ({
    id,
    source: 'video_analytics',
    kind: 'loitering',
    priority,
    status,
    location: { lon: -0.09, lat: 51.515 },
    detail: '',
    cameraId: null,
    servicePointId: null,
    unitId: null,
    incidentId: null,
    raisedAt: minutesAgo(1),
    acknowledgedAt: null,
    acknowledgedBy: null,
    dismissReason: null,
  });
  const fc = alertFeatures([
    alert('a', 'critical', 'raised'),
    alert('b', 'low', 'dismissed'),
    alert('c', 'high', 'acknowledged'),
  ]);
  expect(
    fc.features.map((f: { properties: Record<string, unknown> }) => [
      f.properties['id'],
      f.properties['rank'],
      f.properties['label'],
    ]),
  ).toEqual([
    ['a', 0, 'Critical · loitering'],
    ['c', 1, 'High · loitering'],
  ]);
});
