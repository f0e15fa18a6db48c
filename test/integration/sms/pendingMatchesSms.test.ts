// The console's pending view of incident.assign and incident.status (renderer/commands/optimistic.ts)
// against what the SMS then does (sms/commands/incidents.ts): both apply the effects in
// shared/domain/incidentEffects.ts, so on the same records they must give the same records. Log
// lines differ by design (the SMS numbers and signs them; the console marks them pending).
import type { CommandPayload, Incident, Unit } from '../../../shared/protocol';
import { applyToIncident, applyToUnit } from '../../../renderer/commands/optimistic';
import type { OutboxEntry } from '../../../renderer/commands/outbox';
import type { SmsCoreService } from '../../../sms/core/core';
import type { Actor } from '../../../sms/core/ports';
import { memoryCoreRig } from '../support/coreRig';

const dispatcher: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };
const NOW = Date.parse('2026-11-25T10:00:00.000Z');

let core: SmsCoreService;
beforeEach(() => {
  ({ core } = memoryCoreRig(undefined, () => NOW));
});
afterEach(() => core.close());

// The pending view adds one line per action where the SMS may add two (assigned, then status).
const withoutLog = ({ log: _log, logCount: _count, updatedAt: _at, ...rest }: Incident) => rest;

function pending<T extends 'incident.assign' | 'incident.status'>(type: T, payload: CommandPayload<T>): OutboxEntry {
  return { id: 'cmd-000001', type, payload, createdAt: NOW, label: type, state: 'pending', error: null, attempts: 0 };
}

/** The console's view of the command's records before the SMS answers, then the SMS's records after it. */
function bothSides<T extends 'incident.assign' | 'incident.status'>(type: T, payload: CommandPayload<T>) {
  const entries = [pending(type, payload)];
  const incidentId = payload.incidentId;
  const unitIds = type === 'incident.assign' ? (payload as CommandPayload<'incident.assign'>).unitIds : [];
  const unitStatus = (id: string) => core.units.get(id)?.status;
  const seen = {
    incident: withoutLog(applyToIncident(core.incidents.get(incidentId) as Incident, entries, unitStatus)),
    units: unitIds.map((id) => applyToUnit(core.units.get(id) as Unit, entries)),
  };
  core.execute(type, payload, dispatcher);
  const sms = {
    incident: withoutLog(core.incidents.get(incidentId) as Incident),
    units: unitIds.map((id) => core.units.get(id) as Unit),
  };
  return { seen, sms };
}

const create = () =>
  core.execute(
    'incident.create',
    { type: 'theft', grade: 3, location: { lon: -0.0886, lat: 51.5134 }, summary: 'x' },
    dispatcher,
  ).incident.id;

describe('the pending view shows what the SMS then does', () => {
  it('for an assignment to an open incident (each unit once)', () => {
    const id = create();
    const { seen, sms } = bothSides('incident.assign', { incidentId: id, unitIds: ['u1', 'u2', 'u1'] });
    expect(sms.incident.status).toBe('dispatched');
    expect(seen).toEqual({ ...sms, units: [sms.units[0], sms.units[1], sms.units[0]] });
  });

  it('for an assignment to an incident with a unit on scene', () => {
    const id = create();
    core.execute('incident.assign', { incidentId: id, unitIds: ['u1'] }, dispatcher);
    core.execute('unit.status', { unitId: 'u1', status: 'on_scene' }, dispatcher);
    const { seen, sms } = bothSides('incident.assign', { incidentId: id, unitIds: ['u2'] });
    expect(sms.incident.status).toBe('on_scene');
    expect(seen).toEqual(sms);
  });

  it('for an assignment to an incident set on scene by hand while its unit is still on the way', () => {
    const id = create();
    core.execute('incident.assign', { incidentId: id, unitIds: ['u1'] }, dispatcher);
    core.execute('incident.status', { incidentId: id, status: 'on_scene' }, dispatcher);
    const { seen, sms } = bothSides('incident.assign', { incidentId: id, unitIds: ['u2'] });
    expect(sms.incident.status).toBe('dispatched');
    expect(seen).toEqual(sms);
  });

  it('for a status change, and for reopening a closed incident', () => {
    const id = create();
    let { seen, sms } = bothSides('incident.status', { incidentId: id, status: 'on_scene' });
    expect(seen).toEqual(sms);
    core.execute('incident.close', { incidentId: id, resultCode: 'resolved_on_scene' }, dispatcher);
    ({ seen, sms } = bothSides('incident.status', { incidentId: id, status: 'open' }));
    expect(sms.incident).toMatchObject({ status: 'open', closedAt: null, resultCode: null });
    expect(seen).toEqual(sms);
  });
});
