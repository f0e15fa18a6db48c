// Inbound messages are strict, over the real transports: an unknown key anywhere a client writes
// (login body, handshake auth, command envelope, command payloads at any depth) answers `invalid`
// naming the key, instead of being dropped while the sender believes it was read. Records the SMS
// sends stay open. Also: a payload nested absurdly deep answers `invalid` at once.
import { HttpErrorSchema } from '../../../shared/protocol';
import { connect, login, post, sendRaw, startTestSms, commandId, type Client, type TestSms } from '../support/sms';

jest.setTimeout(20_000);

let t: TestSms;
let dispatcher: Client;
beforeEach(async () => {
  t = await startTestSms();
  dispatcher = await connect(t.url, await login(t.url, 'dispatcher'));
});
afterEach(async () => {
  dispatcher.close();
  await t.close();
});

const location = { lon: -0.0886, lat: 51.5134 };
const incident = { type: 'theft', grade: 3, location, summary: 'x' };

async function refusalOf(command: unknown): Promise<{ code: string; message: string }> {
  const ack = await sendRaw(dispatcher.socket, command);
  if (ack.ok) throw new Error(`expected a refusal, got ${JSON.stringify(ack.result)}`);
  return ack.error;
}

describe('an unknown key', () => {
  it('in the login body answers 400 invalid naming it', async () => {
    const res = await post(`${t.url}/api/session`, { username: 'dispatcher', password: 'jccr-demo', otp: '123456' });
    expect(res.status).toBe(400);
    const { error } = HttpErrorSchema.parse(res.body);
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('unknown key "otp"');
  });

  it('in the handshake auth is refused as an invalid handshake naming it (a misspelt since would skip the replay)', async () => {
    const token = await login(t.url, 'dispatcher');
    const { io } = await import('socket.io-client');
    const socket = io(t.url, {
      auth: { token, sinse: 3 },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const message = await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (e) => resolve(e.message));
    });
    socket.close();
    expect(message).toMatch(/^invalid handshake: /);
    expect(message).toContain('unknown key "sinse"');
  });

  it('in the command envelope answers invalid naming it, and runs nothing', async () => {
    const seq = t.sms.core.seq;
    const error = await refusalOf({ id: commandId(), type: 'incident.create', payload: incident, priority: 'high' });
    expect(error).toEqual({ code: 'invalid', message: 'Malformed command: unknown key "priority"' });
    expect(t.sms.core.seq).toBe(seq);
  });

  it('as a misspelt optional field of a payload answers invalid naming it', async () => {
    const error = await refusalOf({
      id: commandId(),
      type: 'incident.create',
      payload: { ...incident, location: { ...location, lattitude: 51.5 } },
    });
    expect(error).toEqual({
      code: 'invalid',
      message: 'Invalid incident.create: payload.location: unknown key "lattitude"',
    });
    const top = await refusalOf({ id: commandId(), type: 'incident.create', payload: { ...incident, alertID: 'a-1' } });
    expect(top.message).toBe('Invalid incident.create: payload: unknown key "alertID"');
  });

  it('at any depth of any payload answers invalid naming where', async () => {
    const cases: [type: string, payload: unknown, where: string][] = [
      ['incident.create', { ...incident, caller: { name: 'A', phone: '1', email: 'a@b' } }, 'payload.caller'],
      ['incident.note', { incidentId: 'inc-1', text: 'x', urgent: true }, 'payload'],
      [
        'wall.layout',
        {
          wallId: 'wall-room',
          layout: 'custom',
          custom: { columns: 2, rows: 1, cells: [{ col: 0, row: 0, width: 1, height: 1, span: 2 }] },
        },
        'payload.custom.cells.0',
      ],
      [
        'wall.tour',
        { wallId: 'wall-room', tile: 0, plan: { kind: 'cameras', cameraIds: ['cam-1'], dwellSeconds: 10, loop: true } },
        'payload.plan',
      ],
      [
        'wall.presetSave',
        {
          name: 'p',
          scope: { kind: 'user', userId: 'someone' },
          layout: '1x1',
          custom: null,
          tiles: [{ cameraId: 'cam-1' }],
          tour: null,
        },
        'payload.scope',
      ],
      [
        'wall.presetSave',
        {
          name: 'p',
          scope: { kind: 'user' },
          layout: '1x1',
          custom: null,
          tiles: [{ cameraId: null, x: 1 }],
          tour: null,
        },
        'payload.tiles.0',
      ],
      [
        'camera.ptz',
        { cameraId: 'cam-2', pan: 10, speed: 3 },
        'payload', // a misspelt or unsupported field must not move the camera half-way
      ],
    ];
    for (const [type, payload, where] of cases) {
      const error = await refusalOf({ id: commandId(), type, payload });
      expect([type, error.code]).toEqual([type, 'invalid']);
      expect([type, error.message]).toEqual([type, expect.stringContaining(`${where}: unknown key`)]);
    }
  });
});

describe('a deeply nested payload', () => {
  it('answers invalid with a clear message, at once, and the SMS goes on serving', async () => {
    // Written by hand: the socket.io client itself recurses over what it sends, so the packet goes as text.
    const deep = `${'['.repeat(100_000)}0${']'.repeat(100_000)}`;
    const started = Date.now();
    const ack = await sendPacketText(
      dispatcher,
      `["command",{"id":"${commandId()}","type":"incident.note","payload":{"incidentId":"i","text":${deep}}}]`,
    );
    expect(ack).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'payload: nested deeper than 32 levels of arrays and objects.' },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    const ok = await sendRaw(dispatcher.socket, { id: commandId(), type: 'incident.create', payload: incident });
    expect(ok.ok).toBe(true);
  });
});

/** Sends a socket.io EVENT packet written as text (its JSON array) with an ack id, and resolves with the ack's argument. */
function sendPacketText(client: Client, eventJson: string): Promise<unknown> {
  const engine = client.socket.io.engine;
  const ackId = 900_000 + Math.floor(Math.random() * 1_000);
  return new Promise((resolve) => {
    const onPacket = (packet: { type: string; data?: unknown }) => {
      // A socket.io ACK on the default namespace: `3<id>[answer]`.
      const head = `3${ackId}[`;
      if (packet.type !== 'message' || typeof packet.data !== 'string' || !packet.data.startsWith(head)) return;
      engine.off('packet', onPacket);
      resolve((JSON.parse(packet.data.slice(head.length - 1)) as unknown[])[0]);
    };
    engine.on('packet', onPacket);
    engine.write(`2${ackId}${eventJson}`);
  });
}
