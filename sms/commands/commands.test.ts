import { type CommandPayload, type EventEnvelope } from '../../shared/protocol';
import { testWorld } from '../../test/support/world';
import type { SmsCoreService } from '../core/core';
import { memoryCoreRig, refusal } from '../../test/integration/support/coreRig';
import type { Actor } from '../core/ports';

const dispatcher: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };
const location = { lon: -0.0886, lat: 51.5134, address: 'Bank junction' };

let now: number;
let core: SmsCoreService;
let events: EventEnvelope[];
beforeEach(() => {
  now = Date.parse('2026-11-25T10:00:00.000Z');
  ({ core, events } = memoryCoreRig(testWorld(), () => now));
});
afterEach(() => core.close());

function create(over: Partial<CommandPayload<'incident.create'>> = {}) {
  return core.execute('incident.create', { type: 'theft', grade: 3, location, summary: 'x', ...over }, dispatcher)
    .incident;
}

describe('incident.create', () => {
  it('numbers incidents and their references, per year for the references', () => {
    expect([create().id, create().ref]).toEqual(['inc-000001', 'CAD-2026-000002']);
    now = Date.parse('2027-01-01T00:00:01.000Z');
    expect([create().id, create().ref]).toEqual(['inc-000003', 'CAD-2027-000002']);
  });

  it('does not use up a number when refused', () => {
    expect(refusal(() => create({ alertId: 'alert-404' }))).toBe('not_found');
    expect(create().id).toBe('inc-000001');
  });

  it('refuses to convert an alert that was dismissed', () => {
    const alert = core.raiseAlert({
      source: 'anpr',
      kind: 'hit',
      priority: 'low',
      location,
      detail: '',
      cameraId: null,
      servicePointId: null,
      unitId: null,
    });
    core.execute('alert.dismiss', { alertId: alert.id, reason: 'known' }, dispatcher);
    expect(refusal(() => create({ alertId: alert.id }))).toBe('conflict');
  });

  it('journals the incident first, then the converted alert', () => {
    const alert = core.raiseAlert({
      source: 'service_point_call',
      kind: 'call',
      priority: 'high',
      location,
      detail: '',
      cameraId: 'cam-1',
      servicePointId: 'dsp-1',
      unitId: null,
    });
    create({ alertId: alert.id });
    expect(events.map((e) => e.type)).toEqual(['alert.raised', 'incident.created', 'alert.updated']);
  });
});

describe('incident.assign', () => {
  it('journals one unit.status per unit, then the incident, each with its final record', () => {
    const { id } = create();
    events.length = 0;
    core.execute('incident.assign', { incidentId: id, unitIds: ['u1', 'u2', 'u1'] }, dispatcher);
    expect(events.map((e) => e.type)).toEqual(['unit.status', 'unit.status', 'incident.updated']);
    expect(events.at(-1)?.payload).toEqual({ incident: core.incidents.get(id) });
    expect(core.incidents.get(id)?.unitIds).toEqual(['u1', 'u2']);
  });

  it('refuses a unit already on the incident', () => {
    const { id } = create();
    core.execute('incident.assign', { incidentId: id, unitIds: ['u1'] }, dispatcher);
    expect(refusal(() => core.execute('incident.assign', { incidentId: id, unitIds: ['u1'] }, dispatcher))).toBe(
      'conflict',
    );
  });

  it('changes nothing when one of the units cannot be assigned', () => {
    const { id } = create();
    const seq = core.seq;
    expect(refusal(() => core.execute('incident.assign', { incidentId: id, unitIds: ['u1', 'u4'] }, dispatcher))).toBe(
      'conflict',
    );
    expect(core.seq).toBe(seq);
    expect(core.units.get('u1')?.status).toBe('available');
  });
});

describe('incident status derived from units', () => {
  it('is on scene while any unit is, and open again when the last one clears', () => {
    const { id } = create();
    core.execute('incident.assign', { incidentId: id, unitIds: ['u1', 'u2'] }, dispatcher);
    core.execute('unit.status', { unitId: 'u1', status: 'en_route' }, dispatcher);
    expect(core.incidents.get(id)?.status).toBe('dispatched');
    core.execute('unit.status', { unitId: 'u1', status: 'on_scene' }, dispatcher);
    expect(core.incidents.get(id)?.status).toBe('on_scene');
    core.execute('unit.status', { unitId: 'u1', status: 'available' }, dispatcher);
    expect(core.incidents.get(id)?.status).toBe('dispatched');
    core.execute('unit.status', { unitId: 'u2', status: 'busy' }, dispatcher);
    expect(core.incidents.get(id)).toMatchObject({ status: 'open', unitIds: [] });
  });

  it('logs each unit change on the incident with its author', () => {
    const { id } = create();
    core.execute('incident.assign', { incidentId: id, unitIds: ['u1'] }, dispatcher);
    core.execute('unit.status', { unitId: 'u1', status: 'on_scene' }, { ...dispatcher, username: 'commander' });
    const log = core.incidents.get(id)?.log ?? [];
    expect(log.map((l) => [l.kind, l.author])).toEqual([
      ['created', 'dispatcher'],
      ['assign', 'dispatcher'],
      ['status', 'dispatcher'],
      ['unit', 'commander'],
      ['status', 'commander'],
    ]);
    expect(new Set(log.map((l) => l.id)).size).toBe(log.length);
  });
});

describe('changes that change nothing', () => {
  it('journal no event for the same unit status or the same grade', () => {
    const { id } = create();
    const seq = core.seq;
    core.execute('unit.status', { unitId: 'u1', status: 'available' }, dispatcher);
    core.execute('incident.grade', { incidentId: id, grade: 3 }, dispatcher);
    expect(core.seq).toBe(seq);
  });
});

describe('incident.close', () => {
  it('releases only the units still on the incident', () => {
    const { id } = create();
    core.execute('incident.assign', { incidentId: id, unitIds: ['u1', 'u2'] }, dispatcher);
    core.execute('unit.status', { unitId: 'u2', status: 'available' }, dispatcher);
    const { units } = core.execute('incident.close', { incidentId: id, resultCode: 'resolved_on_scene' }, dispatcher);
    expect(units.map((u) => u.id)).toEqual(['u1']);
    expect(core.units.get('u1')).toMatchObject({ status: 'available', incidentId: null });
  });
});

describe('alerts', () => {
  it('alert.dismiss also records who saw it, when nobody acknowledged it before', () => {
    const alert = core.raiseAlert({
      source: 'emergency_button',
      kind: 'button',
      priority: 'critical',
      location,
      detail: '',
      cameraId: null,
      servicePointId: null,
      unitId: 'u1',
    });
    const { alert: dismissed } = core.execute('alert.dismiss', { alertId: alert.id, reason: 'test press' }, dispatcher);
    expect(dismissed).toMatchObject({ acknowledgedBy: 'dispatcher', acknowledgedAt: '2026-11-25T10:00:00.000Z' });
  });
});

describe('roles', () => {
  it('refuses every command to a viewer', () => {
    const viewer: Actor = { userId: 'user-viewer', username: 'viewer', role: 'viewer' };
    expect(
      refusal(() => core.execute('incident.create', { type: 'theft', grade: 3, location, summary: '' }, viewer)),
    ).toBe('forbidden');
  });
});
