// Every refusal docs/protocol.md lists ("Refusals", scripts/refusals.ts) provoked on a real SMS: the
// code it answers must be the documented one, and a row without a provocation fails to compile.
import type { CommandAck } from '../../../shared/protocol';
import type { SmsCoreService } from '../../../sms/core/core';
import type { Actor } from '../../../sms/core/ports';
import { REFUSALS, type RefusalKey } from '../../../scripts/refusals';
import { testCamera, testWorld } from '../../support/world';
import { memoryCoreRig } from '../support/coreRig';
import { commandId, connect, login, sendRaw, startTestSms } from '../support/sms';

jest.setTimeout(20_000);

const dispatcher: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };
const supervisor: Actor = { userId: 'user-supervisor', username: 'supervisor', role: 'supervisor' };
const viewer: Actor = { userId: 'user-viewer', username: 'viewer', role: 'viewer' };
const location = { lon: -0.0886, lat: 51.5134 };
const incident = { type: 'theft', grade: 3, location, summary: 'x' } as const;

/** Sends a command through the core's full operator path (envelope, size, idempotency, pipeline). */
function submitter(core: SmsCoreService) {
  return (type: string, payload: unknown, actor: Actor = dispatcher, id = commandId()): CommandAck =>
    core.submit({ id, type, payload }, actor);
}

type Submit = ReturnType<typeof submitter>;

/** An ack that must be a refusal: its code. */
function codeOf(ack: CommandAck): string {
  if (ack.ok) throw new Error(`expected a refusal, got ok: ${JSON.stringify(ack.result)}`);
  return ack.error.code;
}

function created(ack: CommandAck): string {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return (ack.result as { incident: { id: string } }).incident.id;
}

/** Each documented refusal, provoked on a fresh core; every one must answer its code (checked per call). */
const PROVOKE: Record<Exclude<RefusalKey, 'rateLimited'>, (send: Submit, core: SmsCoreService) => CommandAck[]> = {
  unknownType: (send) => [send('incident.explode', {})],
  malformedEnvelope: (_send, core) => [
    core.submit({ id: 'short', type: 'incident.create', payload: incident }, dispatcher),
    core.submit({ id: commandId(), payload: incident }, dispatcher),
    core.submit({ id: commandId(), type: 'incident.create', payload: incident, extra: 1 }, dispatcher),
  ],
  badPayload: (send) => [
    send('incident.create', { ...incident, grade: 7 }),
    send('incident.create', { ...incident, summary: undefined }),
    send('incident.create', { ...incident, location: { ...location, lattitude: 51 } }),
  ],
  hugePayload: (send) => {
    let deep: unknown = 0;
    for (let i = 0; i < 40; i++) deep = [deep];
    return [
      send('incident.note', { incidentId: 'inc-000001', text: deep }),
      send('incident.note', { incidentId: 'inc-000001', text: 'x'.repeat(70_000) }),
    ];
  },
  roleForbidden: (send) => [
    send('incident.create', incident, viewer),
    send('camera.status', { cameraId: 'cam-1', online: false }, dispatcher),
    send('wall.tourStep', { wallId: 'wall-room' }, supervisor),
  ],
  unknownRecord: (send) => [
    send('incident.note', { incidentId: 'inc-404', text: 'x' }),
    send('unit.status', { unitId: 'u404', status: 'busy' }),
    send('alert.acknowledge', { alertId: 'alert-404' }),
    send('camera.ptz', { cameraId: 'cam-404', pan: 1 }),
    send('wall.presetDelete', { presetId: 'preset-404' }),
    send('overlay.remove', { overlayId: 'overlay-404' }, supervisor),
  ],
  closedIncident: (send) => {
    const id = created(send('incident.create', incident));
    send('incident.close', { incidentId: id, resultCode: 'no_trace' });
    return [
      send('incident.assign', { incidentId: id, unitIds: ['u1'] }),
      send('incident.grade', { incidentId: id, grade: 1 }),
      send('incident.close', { incidentId: id, resultCode: 'arrest' }),
      send('incident.link', { incidentId: id, summary: 'again' }),
    ];
  },
  incidentMove: (send) => {
    const id = created(send('incident.create', incident));
    return [send('incident.status', { incidentId: id, status: 'open' })];
  },
  incidentCloseByStatus: (send) => {
    const id = created(send('incident.create', incident));
    return [send('incident.status', { incidentId: id, status: 'closed' })];
  },
  unitMove: (send) => [send('unit.status', { unitId: 'u4', status: 'on_scene' })],
  unitWithoutIncident: (send) => [send('unit.status', { unitId: 'u1', status: 'en_route' })],
  unitNotAvailable: (send) => {
    const id = created(send('incident.create', incident));
    return [send('incident.assign', { incidentId: id, unitIds: ['u4'] })];
  },
  repeatedAcknowledge: (send, core) => {
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
    send('alert.acknowledge', { alertId: alert.id });
    const first = send('alert.acknowledge', { alertId: alert.id });
    send('alert.dismiss', { alertId: alert.id, reason: 'seen' });
    return [first, send('alert.dismiss', { alertId: alert.id, reason: 'again' })];
  },
  missingDismissReason: (send, core) => {
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
    return [send('alert.dismiss', { alertId: alert.id }), send('alert.dismiss', { alertId: alert.id, reason: '' })];
  },
  missingViewReason: (send) => [
    send('camera.view', { cameraId: 'cam-3', screen: 'wall:0', mode: 'live' }),
    send('camera.view', { cameraId: 'cam-1', screen: 'wall:0', mode: 'playback' }),
  ],
  unknownViewId: (send) => {
    const view = send('camera.view', { cameraId: 'cam-1', screen: 'wall:0', mode: 'live' });
    const viewId = view.ok ? (view.result as { viewId: string }).viewId : 'none';
    return [
      send('camera.viewEnd', { viewId: 'view-404', cameraId: 'cam-1', screen: 'wall:0' }),
      send('camera.viewEnd', { viewId, cameraId: 'cam-1', screen: 'wall:0' }, supervisor),
    ];
  },
  unknownWallId: (send) => [
    send('wall.layout', { wallId: 'wall-guessed', layout: '2x2' }, supervisor),
    send('wall.show', { wallId: 'wall-guessed', cameraIds: ['cam-1'] }),
  ],
  othersWall: (send) => {
    send('wall.show', { wallId: 'wall-user-user-supervisor', cameraIds: ['cam-2'] }, supervisor);
    return [
      send('wall.show', { wallId: 'wall-user-user-supervisor', cameraIds: ['cam-1'] }),
      send('wall.layout', { wallId: 'wall-user-user-supervisor', layout: '1x1' }),
    ];
  },
  fixedCameraPtz: (send) => [send('camera.ptz', { cameraId: 'cam-1', pan: 10 })],
  reusedId: (send) => {
    const id = commandId();
    send('incident.create', incident, dispatcher, id);
    return [
      send('incident.create', { ...incident, summary: 'other' }, dispatcher, id),
      send('incident.note', { incidentId: 'inc-000001', text: 'x' }, dispatcher, id),
      send('incident.create', incident, supervisor, id),
    ];
  },
};

describe('every refusal in docs/protocol.md answers its documented code', () => {
  const keys = Object.keys(PROVOKE) as (keyof typeof PROVOKE)[];
  it.each(keys)('%s', (key) => {
    const world = testWorld();
    const { core } = memoryCoreRig({
      ...world,
      cameras: [...world.cameras, testCamera('cam-3', { owner: 'third_party' })],
    });
    try {
      const acks = PROVOKE[key](submitter(core), core);
      expect(acks.length).toBeGreaterThan(0);
      for (const ack of acks) expect([key, codeOf(ack)]).toEqual([key, REFUSALS[key].code]);
    } finally {
      core.close();
    }
  });

  it('rateLimited, with retryAfterMs', async () => {
    const t = await startTestSms({ commandRate: { perSecond: 0.01, burst: 1 } });
    const client = await connect(t.url, await login(t.url, 'dispatcher'));
    try {
      await sendRaw(client.socket, { id: commandId(), type: 'incident.create', payload: incident });
      const ack = await sendRaw(client.socket, { id: commandId(), type: 'incident.create', payload: incident });
      expect(codeOf(ack)).toBe(REFUSALS.rateLimited.code);
      expect(ack.ok ? null : ack.error.retryAfterMs).toEqual(expect.any(Number));
    } finally {
      client.close();
      await t.close();
    }
  });
});
