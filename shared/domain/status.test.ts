import { canIncidentMove, incidentStatusFromUnits } from './incidentStatus';
import { canUnitMove, isAssignable, needsIncident } from './unitStatus';
import { hasRequiredSkills, suggestedGrade } from './incidentTypes';
import { formatIncidentRef } from './incidentRef';

describe('incident status rules', () => {
  it('allows the normal lifecycle and reopening', () => {
    expect(canIncidentMove('open', 'dispatched')).toBe(true);
    expect(canIncidentMove('dispatched', 'on_scene')).toBe(true);
    expect(canIncidentMove('on_scene', 'closed')).toBe(true);
    expect(canIncidentMove('closed', 'open')).toBe(true);
  });

  it('refuses moves out of closed except reopening', () => {
    expect(canIncidentMove('closed', 'on_scene')).toBe(false);
    expect(canIncidentMove('closed', 'dispatched')).toBe(false);
  });

  it('derives the incident status from its units', () => {
    expect(incidentStatusFromUnits([])).toBe('open');
    expect(incidentStatusFromUnits(['available'])).toBe('open');
    expect(incidentStatusFromUnits(['dispatched', 'en_route'])).toBe('dispatched');
    expect(incidentStatusFromUnits(['en_route', 'on_scene'])).toBe('on_scene');
  });
});

describe('unit status rules', () => {
  it('only assigns available units', () => {
    expect(isAssignable('available')).toBe(true);
    expect(isAssignable('on_scene')).toBe(false);
    expect(isAssignable('off_duty')).toBe(false);
  });

  it('allows dispatch, travel, arrival and clearing', () => {
    expect(canUnitMove('available', 'dispatched')).toBe(true);
    expect(canUnitMove('dispatched', 'en_route')).toBe(true);
    expect(canUnitMove('en_route', 'on_scene')).toBe(true);
    expect(canUnitMove('on_scene', 'available')).toBe(true);
  });

  it('refuses going on scene from off duty', () => {
    expect(canUnitMove('off_duty', 'on_scene')).toBe(false);
  });

  it('knows which statuses commit a unit to an incident', () => {
    expect(needsIncident('en_route')).toBe(true);
    expect(needsIncident('available')).toBe(false);
  });
});

describe('incident types', () => {
  it('suggests Grade 1 for a suspected firearm and requires armed officers', () => {
    expect(suggestedGrade('suspected_firearm')).toBe(1);
    expect(hasRequiredSkills('suspected_firearm', ['first_aid'])).toBe(false);
    expect(hasRequiredSkills('suspected_firearm', ['firearms', 'first_aid'])).toBe(true);
  });

  it('formats human references', () => {
    expect(formatIncidentRef(2026, 123)).toBe('CAD-2026-000123');
  });
});
