import { testWorld } from '../../test/support/world';
import type { SmsCoreService } from '../core/core';
import { memoryCoreRig, refusal } from '../../test/integration/support/coreRig';
import type { Actor } from '../core/ports';

const dispatcher: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };
const location = { lon: -0.0886, lat: 51.5134, address: 'Bank junction' };

let core: SmsCoreService;
beforeEach(() => {
  const now = Date.parse('2026-11-25T10:00:00.000Z');
  ({ core } = memoryCoreRig(testWorld(), () => now));
});
afterEach(() => core.close());

const create = () =>
  core.execute('incident.create', { type: 'robbery', grade: 1, location, summary: 'Phone taken' }, dispatcher).incident;
const raise = () =>
  core.raiseAlert({
    source: 'service_point_call',
    kind: 'call',
    priority: 'high',
    location,
    detail: 'Caller reports a robbery',
    cameraId: null,
    servicePointId: null,
    unitId: null,
  });

describe('incident.link', () => {
  it('converts the alert to the existing incident and logs the link with the caller', () => {
    const incident = create();
    const alert = raise();
    const result = core.execute(
      'incident.link',
      { incidentId: incident.id, alertId: alert.id, caller: { name: 'A. Smith' }, summary: 'same robbery' },
      dispatcher,
    );
    expect(result.alert).toMatchObject({ status: 'converted', incidentId: incident.id });
    expect(result.incident.alertIds).toEqual([alert.id]);
    expect(result.incident.log.at(-1)).toMatchObject({ kind: 'link', author: 'dispatcher' });
    expect(result.incident.log.at(-1)!.text).toMatch(/^Linked alert .* and caller A\. Smith: same robbery$/);
  });

  it('links a further caller without an alert', () => {
    const incident = create();
    const result = core.execute(
      'incident.link',
      { incidentId: incident.id, caller: { phone: '07700 900123' } },
      dispatcher,
    );
    expect(result.alert).toBeNull();
    expect(result.incident.log.at(-1)!.text).toBe('Linked caller 07700 900123');
  });

  it('refuses an empty link, a closed incident and a converted alert', () => {
    const incident = create();
    expect(refusal(() => core.execute('incident.link', { incidentId: incident.id }, dispatcher))).toBe('invalid');
    const alert = raise();
    core.execute('incident.link', { incidentId: incident.id, alertId: alert.id }, dispatcher);
    expect(
      refusal(() => core.execute('incident.link', { incidentId: incident.id, alertId: alert.id }, dispatcher)),
    ).toBe('conflict');
    core.execute('incident.close', { incidentId: incident.id, resultCode: 'duplicate' }, dispatcher);
    expect(refusal(() => core.execute('incident.link', { incidentId: incident.id, summary: 'x' }, dispatcher))).toBe(
      'conflict',
    );
  });
});
