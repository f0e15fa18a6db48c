import { aSnapshot, aUnit, anIncident } from '../../test/support/records';
import { overview } from './overview';

describe('overview', () => {
  it('counts open incidents by grade, leaving closed ones out', () => {
    const snapshot = aSnapshot({
      incidents: [
        anIncident({ id: 'a', grade: 1 }),
        anIncident({ id: 'b', grade: 1, status: 'on_scene' }),
        anIncident({ id: 'c', grade: 3 }),
        anIncident({ id: 'd', grade: 1, status: 'closed', closedAt: '2026-11-25T11:00:00.000Z', resultCode: 'arrest' }),
      ],
    });
    expect(overview(snapshot).openByGrade).toEqual({ 1: 2, 2: 0, 3: 1, 4: 0 });
  });

  it('counts units by status, with every status present', () => {
    const snapshot = aSnapshot({
      units: [aUnit({ id: 'a' }), aUnit({ id: 'b', status: 'on_scene', incidentId: 'inc-1' }), aUnit({ id: 'c' })],
    });
    expect(overview(snapshot).unitsByStatus).toEqual({
      available: 2,
      dispatched: 0,
      en_route: 0,
      on_scene: 1,
      busy: 0,
      off_duty: 0,
    });
  });
});
