// Wall presets shared per role and tours run by the SMS, over real sockets against the real SMS
// (on a clock the test moves, so tours step without waiting for their dwell).
import { connect, get, login, send, startTestSms, type Client, type TestSms } from '../support/sms';
import type { EventEnvelope, Snapshot } from '../../../shared/protocol';

jest.setTimeout(30_000);

let now: number;
let t: TestSms;
beforeEach(async () => {
  now = Date.parse('2026-11-25T10:00:00.000Z');
  t = await startTestSms({ clock: () => now });
});
afterEach(async () => {
  await t.close();
});

/** Resolves with the first event the client has received that passes `test`. */
async function eventMatching(client: Client, test: (e: EventEnvelope) => boolean): Promise<EventEnvelope> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = client.events.find(test);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('no matching event within 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const tile0 = (camera: string) => (e: EventEnvelope) =>
  e.type === 'wall.updated' && e.payload.wall.id === 'wall-room' && e.payload.wall.tiles[0]?.cameraId === camera;

it('shares a supervisor’s role preset with every client of that role, who can apply it', async () => {
  const supervisor = await connect(t.url, await login(t.url, 'supervisor'));
  const dispatcherToken = await login(t.url, 'dispatcher');
  const dispatcher = await connect(t.url, dispatcherToken);
  try {
    await dispatcher.ready;
    const saved = await send(supervisor.socket, 'wall.presetSave', {
      name: 'Bank junction',
      scope: { kind: 'role', role: 'dispatcher' },
      layout: '1+5',
      custom: null,
      tiles: [{ cameraId: 'cam-2' }, { cameraId: 'cam-1' }],
      tour: null,
    });
    expect(saved).toMatchObject({ ok: true });
    const event = await eventMatching(dispatcher, (e) => e.type === 'wall.presetSaved');
    const preset = event.type === 'wall.presetSaved' ? event.payload.preset : null;
    expect(preset).toMatchObject({ name: 'Bank junction', scope: { kind: 'role', role: 'dispatcher' } });

    const snapshot = (await get(`${t.url}/api/snapshot`, dispatcherToken)).body as Snapshot;
    expect(snapshot.wallPresets).toEqual([preset]);
    const applied = await send(dispatcher.socket, 'wall.presetApply', {
      wallId: 'wall-user-user-dispatcher',
      presetId: preset?.id ?? '',
    });
    expect(applied).toMatchObject({ ok: true, result: { wall: { layout: '1+5' } } });
    // A dispatcher shares nothing with a role.
    expect(await send(dispatcher.socket, 'wall.presetDelete', { presetId: preset?.id ?? '' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  } finally {
    supervisor.close();
    dispatcher.close();
  }
});

it('steps a tile tour in the SMS, every client sees it, and a restart keeps the tour', async () => {
  const supervisor = await connect(t.url, await login(t.url, 'supervisor'));
  const dispatcher = await connect(t.url, await login(t.url, 'dispatcher'));
  try {
    await dispatcher.ready;
    const started = await send(supervisor.socket, 'wall.tour', {
      wallId: 'wall-room',
      tile: 0,
      plan: { kind: 'cameras', cameraIds: ['cam-1', 'cam-2'], dwellSeconds: 5 },
    });
    expect(started).toMatchObject({ ok: true });
    await eventMatching(dispatcher, tile0('cam-1'));
    now += 5_000;
    const step = await eventMatching(dispatcher, tile0('cam-2'));
    expect(step.type === 'wall.updated' && step.payload.wall.tiles[0]?.tour?.startedBy).toBe('supervisor');
  } finally {
    supervisor.close();
    dispatcher.close();
  }

  await t.restart();
  const token = await login(t.url, 'dispatcher');
  const after = await connect(t.url, token);
  try {
    await after.ready;
    now += 5_000;
    await eventMatching(after, tile0('cam-1'));
    const snapshot = (await get(`${t.url}/api/snapshot`, token)).body as Snapshot;
    expect(snapshot.walls?.[0]?.tiles[0]?.tour?.plan).toEqual({
      kind: 'cameras',
      cameraIds: ['cam-1', 'cam-2'],
      dwellSeconds: 5,
    });
  } finally {
    after.close();
  }
});
