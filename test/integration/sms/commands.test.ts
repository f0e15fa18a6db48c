import {
  AlertSchema,
  CommandSchemas,
  IncidentSchema,
  UnitSchema,
  type Alert,
  type CommandAck,
  type Incident,
  type Unit,
} from '../../../shared/protocol';
import { connect, get, login, send, startTestSms, type Client, type TestSms } from '../support/sms';

// Real servers and sockets: generous limits for a loaded CI machine (no test measures time).
jest.setTimeout(20_000);

let t: TestSms;
let dispatcher: Client;
beforeEach(async () => {
  t = await startTestSms();
  dispatcher = await connect(t.url, await login(t.url, 'dispatcher'));
  await dispatcher.ready;
});
afterEach(async () => {
  dispatcher.close();
  await t.close();
});

const location = { lon: -0.0886, lat: 51.5134, address: 'Bank junction' };

function ok(ack: CommandAck): unknown {
  if (!ack.ok) throw new Error(`refused: ${ack.error.code} ${ack.error.message}`);
  return ack.result;
}
function refusal(ack: CommandAck): string {
  if (ack.ok) throw new Error('expected a refusal');
  return ack.error.code;
}
async function createIncident(over: Record<string, unknown> = {}): Promise<Incident> {
  const ack = await send(dispatcher.socket, 'incident.create', {
    type: 'theft',
    grade: 3,
    location,
    summary: 'Phone snatched',
    ...over,
  } as never);
  return CommandSchemas['incident.create'].result.parse(ok(ack)).incident;
}
async function assign(incidentId: string, unitIds: string[]): Promise<{ incident: Incident; units: Unit[] }> {
  return CommandSchemas['incident.assign'].result.parse(
    ok(await send(dispatcher.socket, 'incident.assign', { incidentId, unitIds })),
  );
}

describe('incident.create', () => {
  it('creates an open incident with a per-year reference, a log line by its author, and an event', async () => {
    const incident = await createIncident({ caller: { name: 'A. Caller' } });
    expect(incident).toMatchObject({ id: 'inc-000001', status: 'open', grade: 3, caller: { name: 'A. Caller' } });
    expect(incident.ref).toMatch(new RegExp(`^CAD-${new Date().getUTCFullYear()}-000001$`));
    expect(incident.log).toEqual([expect.objectContaining({ kind: 'created', author: 'dispatcher' })]);
    await dispatcher.waitForSeq(1);
    expect(dispatcher.events[0]).toMatchObject({ seq: 1, type: 'incident.created', payload: { incident } });
  });

  it('converts the alert it comes from', async () => {
    const alert = t.sms.core.raiseAlert({
      source: 'video_analytics',
      kind: 'loitering',
      priority: 'high',
      location,
      detail: 'Person loitering',
      cameraId: 'cam-1',
      servicePointId: null,
      unitId: null,
    });
    const incident = await createIncident({ alertId: alert.id });
    expect(incident.alertIds).toEqual([alert.id]);
    expect(incident.cameraIds).toEqual(['cam-1']);
    expect(t.sms.core.alerts.get(alert.id)).toMatchObject({ status: 'converted', incidentId: incident.id });
  });

  it('refuses an unknown alert and a wrong grade', async () => {
    expect(
      refusal(
        await send(dispatcher.socket, 'incident.create', {
          type: 'theft',
          grade: 3,
          location,
          summary: '',
          alertId: 'alert-9',
        }),
      ),
    ).toBe('not_found');
    expect(
      refusal(
        await send(dispatcher.socket, 'incident.create', { type: 'theft', grade: 7, location, summary: '' } as never),
      ),
    ).toBe('invalid');
  });
});

describe('incident.note', () => {
  it('adds a log line', async () => {
    const { id } = await createIncident();
    const result = CommandSchemas['incident.note'].result.parse(
      ok(await send(dispatcher.socket, 'incident.note', { incidentId: id, text: 'Suspect ran east' })),
    );
    expect(result.incident.log.at(-1)).toMatchObject({ kind: 'note', text: 'Suspect ran east', author: 'dispatcher' });
  });

  it('refuses an unknown incident and an empty or over-long text', async () => {
    const { id } = await createIncident();
    expect(refusal(await send(dispatcher.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' }))).toBe(
      'not_found',
    );
    expect(refusal(await send(dispatcher.socket, 'incident.note', { incidentId: id, text: '' }))).toBe('invalid');
    expect(refusal(await send(dispatcher.socket, 'incident.note', { incidentId: id, text: 'x'.repeat(10_001) }))).toBe(
      'invalid',
    );
  });
});

describe('incident.assign', () => {
  it('dispatches available units and moves the incident to dispatched', async () => {
    const { id } = await createIncident();
    const { incident, units } = await assign(id, ['u1', 'u2']);
    expect(incident).toMatchObject({ status: 'dispatched', unitIds: ['u1', 'u2'] });
    expect(units.map((u) => [u.id, u.status, u.incidentId])).toEqual([
      ['u1', 'dispatched', id],
      ['u2', 'dispatched', id],
    ]);
  });

  it('refuses a unit that is not available, an unknown unit and a closed incident', async () => {
    const a = await createIncident();
    const b = await createIncident();
    await assign(a.id, ['u1']);
    expect(refusal(await send(dispatcher.socket, 'incident.assign', { incidentId: b.id, unitIds: ['u1'] }))).toBe(
      'conflict',
    );
    expect(refusal(await send(dispatcher.socket, 'incident.assign', { incidentId: b.id, unitIds: ['u4'] }))).toBe(
      'conflict',
    );
    expect(refusal(await send(dispatcher.socket, 'incident.assign', { incidentId: b.id, unitIds: ['u9'] }))).toBe(
      'not_found',
    );
    ok(await send(dispatcher.socket, 'incident.close', { incidentId: b.id, resultCode: 'no_trace' }));
    expect(refusal(await send(dispatcher.socket, 'incident.assign', { incidentId: b.id, unitIds: ['u2'] }))).toBe(
      'conflict',
    );
    expect(t.sms.core.units.get('u2')?.status).toBe('available');
  });
});

describe('incident.status', () => {
  it('moves an incident along the allowed transitions, with a log line', async () => {
    const { id } = await createIncident();
    const result = CommandSchemas['incident.status'].result.parse(
      ok(await send(dispatcher.socket, 'incident.status', { incidentId: id, status: 'on_scene' })),
    );
    expect(result.incident.status).toBe('on_scene');
    expect(result.incident.log.at(-1)).toMatchObject({ kind: 'status', author: 'dispatcher' });
  });

  it('refuses closing without a result code', async () => {
    const { id } = await createIncident();
    expect(refusal(await send(dispatcher.socket, 'incident.status', { incidentId: id, status: 'closed' }))).toBe(
      'invalid',
    );
  });

  it('refuses a move the domain forbids', async () => {
    const { id } = await createIncident();
    expect(refusal(await send(dispatcher.socket, 'incident.status', { incidentId: id, status: 'open' }))).toBe(
      'conflict',
    );
  });

  it('reopens a closed incident', async () => {
    const { id } = await createIncident();
    ok(await send(dispatcher.socket, 'incident.close', { incidentId: id, resultCode: 'advice_given' }));
    const result = CommandSchemas['incident.status'].result.parse(
      ok(await send(dispatcher.socket, 'incident.status', { incidentId: id, status: 'open' })),
    );
    expect(result.incident).toMatchObject({ status: 'open', closedAt: null, resultCode: null });
  });
});

describe('incident.grade', () => {
  it('regrades a running incident', async () => {
    const { id } = await createIncident();
    const result = CommandSchemas['incident.grade'].result.parse(
      ok(await send(dispatcher.socket, 'incident.grade', { incidentId: id, grade: 1 })),
    );
    expect(result.incident.grade).toBe(1);
    expect(result.incident.log.at(-1)?.kind).toBe('grade');
  });

  it('refuses a closed incident', async () => {
    const { id } = await createIncident();
    ok(await send(dispatcher.socket, 'incident.close', { incidentId: id, resultCode: 'no_trace' }));
    expect(refusal(await send(dispatcher.socket, 'incident.grade', { incidentId: id, grade: 1 }))).toBe('conflict');
  });
});

describe('incident.close', () => {
  it('closes with a result code and releases the units', async () => {
    const { id } = await createIncident();
    await assign(id, ['u1']);
    const result = CommandSchemas['incident.close'].result.parse(
      ok(await send(dispatcher.socket, 'incident.close', { incidentId: id, resultCode: 'arrest' })),
    );
    expect(result.incident).toMatchObject({ status: 'closed', resultCode: 'arrest', unitIds: [] });
    expect(result.incident.closedAt).not.toBeNull();
    expect(result.units).toEqual([expect.objectContaining({ id: 'u1', status: 'available', incidentId: null })]);
  });

  it('refuses an incident that is already closed', async () => {
    const { id } = await createIncident();
    ok(await send(dispatcher.socket, 'incident.close', { incidentId: id, resultCode: 'arrest' }));
    expect(refusal(await send(dispatcher.socket, 'incident.close', { incidentId: id, resultCode: 'arrest' }))).toBe(
      'conflict',
    );
  });
});

describe('unit.status', () => {
  it('puts an assigned unit on scene, which puts its incident on scene', async () => {
    const { id } = await createIncident();
    await assign(id, ['u1']);
    const result = CommandSchemas['unit.status'].result.parse(
      ok(await send(dispatcher.socket, 'unit.status', { unitId: 'u1', status: 'on_scene' })),
    );
    expect(result.unit.status).toBe('on_scene');
    const incident = IncidentSchema.parse(t.sms.core.incidents.get(id));
    expect(incident.status).toBe('on_scene');
    expect(incident.log.map((l) => l.kind)).toContain('unit');
  });

  it('frees a unit that clears, and the incident goes back to open', async () => {
    const { id } = await createIncident();
    await assign(id, ['u1']);
    ok(await send(dispatcher.socket, 'unit.status', { unitId: 'u1', status: 'available' }));
    expect(UnitSchema.parse(t.sms.core.units.get('u1'))).toMatchObject({ status: 'available', incidentId: null });
    expect(t.sms.core.incidents.get(id)).toMatchObject({ status: 'open', unitIds: [] });
  });

  it('refuses a committed status without an incident, a forbidden move and an unknown unit', async () => {
    expect(refusal(await send(dispatcher.socket, 'unit.status', { unitId: 'u1', status: 'on_scene' }))).toBe(
      'conflict',
    );
    expect(refusal(await send(dispatcher.socket, 'unit.status', { unitId: 'u4', status: 'busy' }))).toBe('conflict');
    expect(refusal(await send(dispatcher.socket, 'unit.status', { unitId: 'u9', status: 'busy' }))).toBe('not_found');
  });
});

describe('alerts', () => {
  let alert: Alert;
  beforeEach(() => {
    alert = t.sms.core.raiseAlert({
      source: 'anpr',
      kind: 'wanted_vehicle',
      priority: 'medium',
      location,
      detail: 'ANPR hit',
      cameraId: null,
      servicePointId: null,
      unitId: null,
    });
  });

  it('alert.acknowledge records who and when', async () => {
    const result = AlertSchema.parse(
      (ok(await send(dispatcher.socket, 'alert.acknowledge', { alertId: alert.id })) as { alert: unknown }).alert,
    );
    expect(result).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'dispatcher' });
    expect(refusal(await send(dispatcher.socket, 'alert.acknowledge', { alertId: alert.id }))).toBe('conflict');
    expect(refusal(await send(dispatcher.socket, 'alert.acknowledge', { alertId: 'alert-404' }))).toBe('not_found');
  });

  it('alert.dismiss records the reason', async () => {
    const result = AlertSchema.parse(
      (
        ok(await send(dispatcher.socket, 'alert.dismiss', { alertId: alert.id, reason: 'Known vehicle' })) as {
          alert: unknown;
        }
      ).alert,
    );
    expect(result).toMatchObject({ status: 'dismissed', dismissReason: 'Known vehicle' });
    expect(refusal(await send(dispatcher.socket, 'alert.dismiss', { alertId: alert.id, reason: 'again' }))).toBe(
      'conflict',
    );
    expect(refusal(await send(dispatcher.socket, 'alert.dismiss', { alertId: alert.id, reason: '' }))).toBe('invalid');
  });
});

describe('idempotent retry', () => {
  it('answers the same id with the first answer and acts once', async () => {
    const id = 'retry-0001-abcdef';
    const payload = { type: 'theft', grade: 3, location, summary: 'once' } as const;
    const first = await send(dispatcher.socket, 'incident.create', payload, id);
    const second = await send(dispatcher.socket, 'incident.create', payload, id);
    expect(second).toEqual(first);
    expect(t.sms.core.incidents.size).toBe(1);
    expect(t.sms.core.seq).toBe(1);
  });

  it('keeps the first answer across a restart', async () => {
    const id = 'retry-0002-abcdef';
    const payload = { type: 'theft', grade: 3, location, summary: 'once' } as const;
    const first = await send(dispatcher.socket, 'incident.create', payload, id);
    dispatcher.close();
    await t.restart();
    dispatcher = await connect(t.url, await login(t.url, 'dispatcher'));
    expect(await send(dispatcher.socket, 'incident.create', payload, id)).toEqual(first);
    expect(t.sms.core.incidents.size).toBe(1);
  });

  it('keeps a refusal too, and never shows one operator another one answer', async () => {
    const id = 'retry-0003-abcdef';
    const firstAnswer = await send(dispatcher.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' }, id);
    expect(refusal(firstAnswer)).toBe('not_found');
    expect(await send(dispatcher.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' }, id)).toEqual(
      firstAnswer,
    );
    const other = await connect(t.url, await login(t.url, 'supervisor'));
    expect(refusal(await send(other.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' }, id))).toBe(
      'conflict',
    );
    other.close();
  });
});

describe('roles', () => {
  it('answers forbidden to a viewer for every command, and changes nothing', async () => {
    const viewer = await connect(t.url, await login(t.url, 'viewer'));
    const { id } = await createIncident();
    const tries: [keyof typeof CommandSchemas, unknown][] = [
      ['incident.create', { type: 'theft', grade: 3, location, summary: '' }],
      ['incident.note', { incidentId: id, text: 'x' }],
      ['incident.assign', { incidentId: id, unitIds: ['u1'] }],
      ['incident.status', { incidentId: id, status: 'on_scene' }],
      ['incident.grade', { incidentId: id, grade: 1 }],
      ['incident.close', { incidentId: id, resultCode: 'arrest' }],
      ['unit.status', { unitId: 'u1', status: 'busy' }],
      ['alert.acknowledge', { alertId: 'alert-000001' }],
      ['alert.dismiss', { alertId: 'alert-000001', reason: 'x' }],
    ];
    const seq = t.sms.core.seq;
    for (const [type, payload] of tries)
      expect(refusal(await send(viewer.socket, type, payload as never))).toBe('forbidden');
    expect(t.sms.core.seq).toBe(seq);
    viewer.close();
  });

  it('lets the other roles command', async () => {
    for (const role of ['supervisor', 'commander', 'admin']) {
      const c = await connect(t.url, await login(t.url, role));
      ok(await send(c.socket, 'incident.create', { type: 'protest', grade: 2, location, summary: role }));
      c.close();
    }
  });
});

describe('audit', () => {
  it('records every command with who, what, when, target and result', async () => {
    const { id } = await createIncident();
    await send(dispatcher.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' });
    const viewer = await connect(t.url, await login(t.url, 'viewer'));
    await send(viewer.socket, 'incident.note', { incidentId: id, text: 'x' });
    viewer.close();
    const res = await get(`${t.url}/api/audit?limit=50`, await login(t.url, 'admin'));
    const records = (res.body as { records: Record<string, unknown>[] }).records.filter(
      (r) => r.action !== 'session.login',
    );
    expect(records.map((r) => [r.username, r.action, r.targetId, r.result])).toEqual([
      ['viewer', 'incident.note', id, 'forbidden'],
      ['dispatcher', 'incident.note', 'inc-404', 'not_found'],
      ['dispatcher', 'incident.create', id, 'ok'],
    ]);
    const all = await get(`${t.url}/api/audit?action=incident.create`, await login(t.url, 'admin'));
    expect((all.body as { records: Record<string, unknown>[] }).records).toEqual([
      expect.objectContaining({
        username: 'dispatcher',
        role: 'dispatcher',
        targetId: id,
        result: 'ok',
        at: expect.any(String),
      }),
    ]);
  });
});
