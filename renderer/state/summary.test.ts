import { aCamera, aSnapshot, aUnit, anAlert, anIncident } from '../../test/support/records';
import { summarize } from './summary';

describe('summarize', () => {
  it('counts every incident that is not closed as open', () => {
    const snapshot = aSnapshot({
      incidents: [
        anIncident({ id: 'a', status: 'open' }),
        anIncident({ id: 'b', status: 'on_scene' }),
        anIncident({ id: 'c', status: 'closed', closedAt: '2026-11-25T11:00:00.000Z', resultCode: 'no_trace' }),
      ],
    });
    expect(summarize(snapshot).openIncidents).toBe(2);
  });

  it('counts units and the available ones', () => {
    const snapshot = aSnapshot({
      units: [aUnit({ id: 'a' }), aUnit({ id: 'b', status: 'en_route', incidentId: 'inc-1' }), aUnit({ id: 'c' })],
    });
    expect(summarize(snapshot)).toMatchObject({ units: 3, availableUnits: 2 });
  });

  it('counts cameras and the online ones', () => {
    const snapshot = aSnapshot({ cameras: [aCamera({ id: 'a' }), aCamera({ id: 'b', online: false })] });
    expect(summarize(snapshot)).toMatchObject({ cameras: 2, onlineCameras: 1 });
  });

  it('counts only raised alerts as unacknowledged', () => {
    const snapshot = aSnapshot({
      alerts: [
        anAlert({ id: 'a' }),
        anAlert({ id: 'b', status: 'acknowledged', acknowledgedAt: '2026-11-25T10:01:00.000Z', acknowledgedBy: 'x' }),
        anAlert({ id: 'c', status: 'dismissed', dismissReason: 'false alarm' }),
      ],
    });
    expect(summarize(snapshot).unacknowledgedAlerts).toBe(1);
  });
});
