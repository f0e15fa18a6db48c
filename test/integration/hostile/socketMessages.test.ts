import { io } from 'socket.io-client';
import { commandId, connect, login, startTestSms, type Client, type TestSms, type TestSocket } from '../support/sms';
import {
  ACK_TIMEOUT_MS,
  disconnected,
  emitCommand,
  expectSoundAfterwards,
  Ledger,
  outcome,
  patientEmit,
  rawEmit,
  rawPacket,
  sleep,
  type Ack,
} from './support';

// Hostile socket.io traffic from a signed-in user: envelopes and payloads of the wrong shape,
// 10,000-entry arrays, megabyte strings, messages over the 1 MiB limit, hand-written packets no
// socket.io client sends, and event names the protocol does not have. Each command is answered
// (`invalid` with a message) or, for a message the transport cannot take, only that connection
// closes; the SMS, the user's other connections and everyone else carry on.

jest.setTimeout(30_000);

const bank = { lon: -0.0886, lat: 51.5134 };
const MB = 1_000_000;

let t: TestSms;
let admin: Client;
let watcher: Client;
let incidentId: string;
const ledger = new Ledger();
beforeAll(async () => {
  t = await startTestSms();
  admin = await connect(t.url, await login(t.url, 'admin'));
  watcher = await connect(t.url, await login(t.url, 'viewer'));
  const ack = await ledger.submit(admin.socket, 'incident.create', {
    type: 'theft',
    grade: 3,
    location: bank,
    summary: 'Target of the hostile messages',
  });
  if (!ack.ok) throw new Error(`setup: ${ack.error.message}`);
  incidentId = (ack.result as { incident: { id: string } }).incident.id;
});
afterAll(async () => {
  admin.close();
  watcher.close();
  await t.close();
});

/** Expects `ack` to be a refusal with `code` and a message that says something. */
function expectRefused(ack: Ack, code = 'invalid', message?: RegExp): void {
  expect(outcome(ack)).toBe(code);
  if (!ack.ok) {
    expect(ack.error.message.trim().length).toBeGreaterThan(0);
    if (message) expect(ack.error.message).toMatch(message);
  }
}

const command = (type: string, payload: unknown) => ({ id: commandId(), type, payload });

describe('envelopes of the wrong shape', () => {
  it.each([
    ['null', null],
    ['a number', 1e308],
    ['a string', 'incident.create'],
    ['an empty array', []],
    ['the envelope inside an array', [command('incident.note', { incidentId: 'inc-1', text: 'x' })]],
    ['a 10,000-entry array', Array.from({ length: 10_000 }, (_, i) => i)],
    ['an id of 7 characters', { id: 'cmd-123', type: 'incident.note', payload: {} }],
    ['a numeric id', { id: 12345678, type: 'incident.note', payload: {} }],
    ['an id of 1 MB', { id: 'i'.repeat(MB), type: 'incident.note', payload: {} }],
    ['a type of 1 MB', { id: commandId(), type: 't'.repeat(MB), payload: {} }],
    ['a type array', { id: commandId(), type: ['incident.note'], payload: {} }],
  ])('answers %s with invalid', async (_, envelope) => {
    expectRefused(await patientEmit(admin.socket, envelope));
  });

  it.each([
    ['an empty type', ''],
    ['an unknown type', 'incident.explode'],
    ['a prototype name', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
  ])('answers %s as the command type with invalid', async (_, type) => {
    expectRefused(await patientEmit(admin.socket, command(type, {})));
  });
});

describe('payloads of the wrong shape and size', () => {
  it.each([
    ['an array for the payload', 'incident.create', [{ type: 'theft', grade: 3, location: bank, summary: 'x' }]],
    ['null for the payload', 'incident.note', null],
    ['no payload', 'incident.note', undefined],
    ['a string for the payload', 'incident.note', 'note text'],
    ['an array for the location', 'incident.create', { type: 'theft', grade: 3, location: [-0.09, 51.5], summary: '' }],
    ['an object for the text', 'incident.note', { incidentId: 'inc-000001', text: { toString: 'x' } }],
    ['10,000 unit ids', 'incident.assign', { incidentId: 'inc-000001', unitIds: Array(10_000).fill('u1') }],
    ['10,000 camera ids', 'wall.show', { wallId: 'wall-room', cameraIds: Array(10_000).fill('cam-1') }],
    ['10,000 alert ids as the alert', 'alert.acknowledge', { alertId: Array(10_000).fill('a') }],
    [
      'a polygon of 10,000 vertices',
      'overlay.draw',
      {
        kind: 'cordon',
        name: 'Huge',
        geometry: {
          type: 'Polygon',
          coordinates: [[...Array.from({ length: 9_999 }, (_, i) => [-0.09 + i * 1e-7, 51.513]), [-0.09, 51.513]]],
        },
      },
    ],
    ['a 1 MB note', 'incident.note', { incidentId: 'inc-000001', text: 'n'.repeat(MB) }],
    ['a 1 MB summary', 'incident.create', { type: 'theft', grade: 3, location: bank, summary: 's'.repeat(MB) }],
    ['a 1 MB address', 'incident.create', { type: 'theft', grade: 3, location: { ...bank, address: 'a'.repeat(MB) } }],
    ['a 1 MB reason', 'alert.dismiss', { alertId: 'alert-1', reason: 'r'.repeat(MB) }],
    ['a 1 MB wall id', 'wall.focus', { wallId: 'w'.repeat(MB), tile: 0 }],
    ['binary data for the text', 'incident.note', { incidentId: 'inc-000001', text: Buffer.alloc(1_000, 7) }],
    ['arrays nested 1,000 deep', 'incident.note', JSON.parse('['.repeat(1_000) + ']'.repeat(1_000)) as unknown],
  ])('answers %s with invalid and changes nothing', async (_, type, payload) => {
    const seq = t.sms.core.seq;
    expectRefused(await patientEmit(admin.socket, command(type, payload)));
    expect(t.sms.core.seq).toBe(seq);
  });

  it('answers arrays or objects nested 5,000 and 100,000 deep with invalid at once, not internal', async () => {
    // Written by hand: no JSON encoder on this side may recurse that deep. 5,000 levels (10 kB)
    // once overflowed the stack of the SMS's size check and answered `internal`.
    for (const depth of [5_000, 100_000]) {
      for (const [open, close] of [
        ['[', ']'],
        ['{"a":', '}'],
      ] as const) {
        const payload = open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth);
        const answer = await rawEmit(
          admin.socket,
          `["command",{"id":"${commandId()}","type":"incident.note","payload":${payload}}]`,
        );
        expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
      }
    }
  });

  it('answers a payload over 64 KiB with invalid saying it is too large', async () => {
    const ack = await patientEmit(admin.socket, command('incident.note', { incidentId, text: 'x'.repeat(70_000) }));
    expectRefused(ack, 'invalid', /larger/);
  });
});

describe('messages the transport refuses', () => {
  it('closes only the connection that sends a message over 1 MiB, of ASCII or of multi-byte text', async () => {
    const token = await login(t.url, 'dispatcher');
    const other = await connect(t.url, token);
    for (const text of ['x'.repeat(1_100_000), '€'.repeat(400_000)]) {
      const hostile = await connect(t.url, token);
      const closed = disconnected(hostile.socket);
      hostile.socket.emit('command', command('incident.note', { incidentId, text }), () => {});
      expect(await closed).toBe('transport close');
    }
    // The same user's other connection, and another user's, saw nothing of it and carry on.
    expect(other.socket.connected).toBe(true);
    const seen = watcher.events.length;
    const ack = await ledger.submit(other.socket, 'incident.note', { incidentId, text: 'After the 1 MiB messages' });
    expect(outcome(ack)).toBe('ok');
    await watcher.waitForSeq(t.sms.core.seq);
    expect(watcher.events.length).toBeGreaterThan(seen);
    other.close();
  });

  it.each([
    ['a reserved event name', '2["disconnect"]'],
    ['another reserved name', '2["newListener","command"]'],
    ['broken JSON', '21["command",{"id":'],
    ['a namespace it never joined', '2/admin,1["command",{}]'],
    ['a negative acknowledgement id', '2-1["command",{}]'],
    ['an unknown packet type', '9["command"]'],
    ['an event that is not an array', '2{"command":1}'],
  ])('closes only the connection that sends a packet with %s', async (_, packet) => {
    const hostile = await connect(t.url, await login(t.url, 'dispatcher'));
    const closed = disconnected(hostile.socket);
    rawPacket(hostile.socket, packet);
    expect(await closed).toMatch(/^(transport close|io server disconnect)$/);
    expect(admin.socket.connected).toBe(true);
    expect(watcher.socket.connected).toBe(true);
  });

  it('answers a command in a hand-written packet as any other', async () => {
    const answer = await rawEmit(
      admin.socket,
      `["command",{"id":"${commandId()}","type":"incident.note","payload":{"incidentId":"inc-none","text":"x"}}]`,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('handshakes', () => {
  /** The first thing the SMS answers a handshake with `auth`: ready, resync or the connect_error. */
  async function firstAnswer(auth: Record<string, unknown>): Promise<string> {
    const socket = io(t.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<string>((resolve) => {
        socket.once('connect_error', (e) => resolve(`connect_error ${e.message}`));
        socket.once('resync', () => resolve('resync'));
        socket.once('ready', () => resolve('ready'));
        timer = setTimeout(() => resolve('silence'), ACK_TIMEOUT_MS);
      });
    } finally {
      clearTimeout(timer);
      socket.close();
    }
  }

  it('answers every since, however odd, at once: a replay, a resync, or invalid handshake', async () => {
    const token = await login(t.url, 'viewer');
    const answers = await Promise.all(
      [1e308, 2 ** 53 + 1, 1e-320, 0.5, -1, '5', null, [1], { seq: 1 }, true].map(async (since) => [
        since,
        await firstAnswer({ token, since }),
      ]),
    );
    expect(answers.filter(([, answer]) => !String(answer).startsWith('connect_error invalid handshake'))).toEqual([]);
    expect(await firstAnswer({ token, since: -0 })).toBe('ready');
    expect(await firstAnswer({ token, since: 2 ** 53 - 1 })).toBe('resync');
  });
});

describe('events the protocol does not have', () => {
  /** Emits an event with an acknowledgement; resolves true if the SMS answered within `ms`. */
  const answered = (socket: TestSocket, event: string, ms: number, ...args: unknown[]) =>
    (socket as unknown as { timeout(ms: number): { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> } })
      .timeout(ms)
      .emitWithAck(event, ...args)
      .then(
        () => true,
        () => false,
      );

  // A fresh connection of a user who has sent nothing: these events must not meet a rate limit
  // (which answers any event that carries an acknowledgement).
  let supervisor: Client;
  beforeAll(async () => {
    supervisor = await connect(t.url, await login(t.url, 'supervisor'));
  });
  afterAll(() => supervisor.close());

  it('ignores unknown event names, with or without an acknowledgement, and keeps the connection', async () => {
    const names = [
      'hello',
      'event',
      'ready',
      'resync',
      'COMMAND',
      'command ',
      'commands',
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'ping',
      'e'.repeat(10_000),
    ];
    const seq = t.sms.core.seq;
    const answers = await Promise.all(names.map((name) => answered(supervisor.socket, name, 500, { id: commandId() })));
    expect(answers.every((a) => !a)).toBe(true);
    const untyped = supervisor.socket as unknown as { emit(event: string, ...args: unknown[]): void };
    for (const name of names) untyped.emit(name, command('incident.note', { incidentId, text: 'x' }));
    await sleep(200);
    expect(supervisor.socket.connected).toBe(true);
    expect(t.sms.core.seq).toBe(seq);
    const ack = await ledger.submit(supervisor.socket, 'incident.note', { incidentId, text: 'After unknown events' });
    expect(outcome(ack)).toBe('ok');
  });

  it('runs nothing for a command with extra arguments or an acknowledgement of an id it never sent', async () => {
    const seq = t.sms.core.seq;
    const note = command('incident.note', { incidentId, text: 'never run' });
    expect(await answered(supervisor.socket, 'command', 500, note, 'extra', 42)).toBe(false);
    rawPacket(supervisor.socket, '31["x"]');
    rawPacket(supervisor.socket, '3999999[{"ok":true}]');
    await sleep(200);
    expect(supervisor.socket.connected).toBe(true);
    expect(t.sms.core.seq).toBe(seq);
    const ran = command('incident.note', { incidentId, text: 'ran' });
    expect(outcome(ledger.note(ran, await emitCommand(supervisor.socket, ran)))).toBe('ok');
  });
});

it('ends sound: alive, the journal contiguous, nothing lost', async () => {
  expect(watcher.socket.connected).toBe(true);
  await expectSoundAfterwards(t, ledger);
});
