import { aUnit, anIncident } from '../../test/support/records';
import type { UnitStatus } from '../protocol';
import { assignRefusal, assignedUnit, incidentWithAssigned, incidentWithStatus } from './incidentEffects';
import { statusFollowingUnits } from './incidentStatus';

const AT = '2026-11-25T10:05:00.000Z';
const statuses =
  (known: Record<string, UnitStatus>) =>
  (id: string): UnitStatus | undefined =>
    known[id];

describe('incident.assign effect', () => {
  it('dispatches the unit to the incident, as of the assignment', () => {
    expect(assignedUnit(aUnit(), 'inc-1', AT)).toMatchObject({
      status: 'dispatched',
      incidentId: 'inc-1',
      updatedAt: AT,
    });
  });

  it('adds each unit once and moves an open incident to dispatched', () => {
    const after = incidentWithAssigned(anIncident(), ['u1', 'u2', 'u1'], statuses({}));
    expect([after.unitIds, after.status]).toEqual([['u1', 'u2'], 'dispatched']);
  });

  it('keeps an incident on scene while a unit already on it is on scene', () => {
    const onScene = anIncident({ status: 'on_scene', unitIds: ['u1'] });
    expect(incidentWithAssigned(onScene, ['u2'], statuses({ u1: 'on_scene' })).status).toBe('on_scene');
    // An incident set on scene by hand with nobody there follows its units, as on every unit change.
    expect(incidentWithAssigned(onScene, ['u2'], statuses({ u1: 'en_route' })).status).toBe('dispatched');
  });

  it('refuses a unit already on the incident or not available, naming it', () => {
    const incident = anIncident();
    expect(assignRefusal(incident, [aUnit()])).toBeNull();
    expect(assignRefusal(incident, [aUnit({ status: 'busy' })])).toBe('Unit CW11 is busy, not available.');
    expect(assignRefusal(incident, [aUnit({ status: 'dispatched', incidentId: incident.id })])).toBe(
      'Unit CW11 is already assigned to CAD-2026-000001.',
    );
  });
});

describe('incident.status effect', () => {
  it('moves the incident, and reopening forgets how it was closed', () => {
    expect(incidentWithStatus(anIncident(), 'on_scene').status).toBe('on_scene');
    const closed = anIncident({ status: 'closed', closedAt: AT, resultCode: 'resolved_on_scene' });
    expect(incidentWithStatus(closed, 'open')).toMatchObject({ status: 'open', closedAt: null, resultCode: null });
  });
});

describe('status following units', () => {
  it('follows the units of a running incident, never reopens a closed one', () => {
    expect(statusFollowingUnits('open', ['en_route'])).toBe('dispatched');
    expect(statusFollowingUnits('dispatched', ['available'])).toBe('open');
    expect(statusFollowingUnits('dispatched', ['on_scene', 'dispatched'])).toBe('on_scene');
    expect(statusFollowingUnits('closed', ['on_scene'])).toBe('closed');
  });
});
