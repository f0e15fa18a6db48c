// Major-event overlays over real HTTP and sockets against the real SMS: drawn by a commander,
// seen by everyone, refused to a viewer, kept across a restart, audited.
import { connect, get, login, send, startTestSms, type TestSms } from '../support/sms';
import type { AuditRecord, CommandPayload, MapOverlay, Snapshot } from '../../../shared/protocol';

jest.setTimeout(30_000);

const cordon: CommandPayload<'overlay.draw'> = {
  kind: 'cordon',
  name: 'Inner cordon',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-0.09, 51.513],
        [-0.087, 51.513],
        [-0.087, 51.515],
        [-0.09, 51.515],
        [-0.09, 51.513],
      ],
    ],
  },
};

let t: TestSms;
beforeEach(async () => {
  t = await startTestSms();
});
afterEach(async () => {
  await t.close();
});

it('sends a drawn overlay to every client, refuses a viewer, and keeps it across a restart', async () => {
  const commander = await connect(t.url, await login(t.url, 'commander'));
  const viewerToken = await login(t.url, 'viewer');
  const viewer = await connect(t.url, viewerToken);
  let overlay: MapOverlay;
  try {
    await viewer.ready;
    const drawn = await send(commander.socket, 'overlay.draw', cordon);
    expect(drawn).toMatchObject({ ok: true, result: { overlay: { kind: 'cordon', createdBy: 'commander' } } });
    overlay = (drawn as { result: { overlay: MapOverlay } }).result.overlay;
    await viewer.waitForSeq(1);
    expect(viewer.events).toEqual([expect.objectContaining({ type: 'overlay.updated', payload: { overlay } })]);
    expect(await send(viewer.socket, 'overlay.draw', { ...cordon, name: 'Mine' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(viewer.socket, 'overlay.remove', { overlayId: overlay.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  } finally {
    commander.close();
    viewer.close();
  }

  await t.restart();
  const snapshot = (await get(`${t.url}/api/snapshot`, await login(t.url, 'viewer'))).body as Snapshot;
  expect(snapshot.overlays).toEqual([overlay]);
});

it('removes an overlay for everyone, also after a restart, and audits draw and remove', async () => {
  const supervisorToken = await login(t.url, 'supervisor');
  const supervisor = await connect(t.url, supervisorToken);
  const dispatcher = await connect(t.url, await login(t.url, 'dispatcher'));
  try {
    await dispatcher.ready;
    const drawn = await send(supervisor.socket, 'overlay.draw', cordon);
    const id = (drawn as { result: { overlay: MapOverlay } }).result.overlay.id;
    expect(await send(supervisor.socket, 'overlay.remove', { overlayId: id })).toEqual({
      ok: true,
      result: { overlayId: id },
    });
    await dispatcher.waitForSeq(2);
    expect(dispatcher.events.map((e) => e.type)).toEqual(['overlay.updated', 'overlay.removed']);
  } finally {
    supervisor.close();
    dispatcher.close();
  }

  await t.restart();
  const token = await login(t.url, 'supervisor');
  expect(((await get(`${t.url}/api/snapshot`, token)).body as Snapshot).overlays).toEqual([]);
  const audit = async (action: string) =>
    ((await get(`${t.url}/api/audit?action=${action}`, token)).body as { records: AuditRecord[] }).records;
  expect(await audit('overlay.draw')).toEqual([
    expect.objectContaining({ username: 'supervisor', targetId: 'overlay-000001', result: 'ok' }),
  ]);
  expect(await audit('overlay.remove')).toEqual([
    expect.objectContaining({ username: 'supervisor', targetId: 'overlay-000001', result: 'ok' }),
  ]);
});

it('answers invalid for a ring that is not closed, with the reason', async () => {
  const commander = await connect(t.url, await login(t.url, 'commander'));
  try {
    const geometry = cordon.geometry.type === 'Polygon' ? cordon.geometry.coordinates[0].slice(0, -1) : [];
    const ack = await send(commander.socket, 'overlay.draw', {
      ...cordon,
      geometry: { type: 'Polygon', coordinates: [geometry] },
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/not closed/) } });
  } finally {
    commander.close();
  }
});
