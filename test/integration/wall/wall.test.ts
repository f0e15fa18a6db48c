// The wall and the reason-for-viewing rules over real HTTP and sockets against the real SMS.
import { join } from 'node:path';
import { testCamera } from '../../support/world';
import { connect, get, login, send, startTestSms, type TestSms } from '../support/sms';
import type { AuditRecord, Snapshot } from '../../../shared/protocol';

jest.setTimeout(30_000);

let t: TestSms;
beforeEach(async () => {
  t = await startTestSms();
  await t.restart({ video: true, videoCacheDir: join(t.dataDir, 'hls-cache') });
  // cam-1 becomes a third-party premises camera: viewing it needs a reason.
  t.sms.core.update('camera', testCamera('cam-1', { owner: 'third_party' }));
});
afterEach(async () => {
  await t.close();
});

const hls = (path: string, token?: string) =>
  fetch(`${t.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

it('sends every wall change to every client and keeps the wall in the snapshot', async () => {
  const supervisorToken = await login(t.url, 'supervisor');
  const supervisor = await connect(t.url, supervisorToken);
  const dispatcher = await connect(t.url, await login(t.url, 'dispatcher'));
  try {
    await dispatcher.ready;
    expect(await send(supervisor.socket, 'wall.layout', { wallId: 'wall-room', layout: '1+5' })).toMatchObject({
      ok: true,
    });
    expect(await send(dispatcher.socket, 'wall.show', { wallId: 'wall-room', cameraIds: ['cam-2'] })).toMatchObject({
      ok: true,
    });
    await dispatcher.waitForSeq(2);
    const walls = dispatcher.events.filter((e) => e.type === 'wall.updated');
    expect(
      walls.map((e) => e.type === 'wall.updated' && [e.payload.wall.layout, e.payload.wall.tiles[0]?.cameraId]),
    ).toEqual([
      ['1+5', null],
      ['1+5', 'cam-2'],
    ]);
    const snapshot = (await get(`${t.url}/api/snapshot`, supervisorToken)).body as Snapshot;
    expect(snapshot.walls).toEqual([
      expect.objectContaining({ id: 'wall-room', layout: '1+5', updatedBy: 'dispatcher' }),
    ]);
  } finally {
    supervisor.close();
    dispatcher.close();
  }
});

it('serves a third-party camera only to a viewer who gave a reason, and audits it', async () => {
  const token = await login(t.url, 'viewer');
  // Not signed in: 401 before any gate (test/integration/sms/video.test.ts).
  expect((await hls('/hls/cam-1/sub.m3u8')).status).toBe(401);
  expect((await hls('/hls/cam-1/sub.m3u8', token)).status).toBe(403);
  expect((await hls('/hls/cam-2/sub.m3u8', token)).status).toBe(200);

  const viewer = await connect(t.url, token);
  try {
    const refused = await send(viewer.socket, 'camera.view', { cameraId: 'cam-1', screen: 'wall:1', mode: 'live' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const opened = await send(viewer.socket, 'camera.view', {
      cameraId: 'cam-1',
      screen: 'wall:1',
      mode: 'live',
      reason: 'CAD-2026-000007 theft in progress',
    });
    expect(opened).toMatchObject({ ok: true });
    expect((await hls('/hls/cam-1/sub.m3u8', token)).status).toBe(200);
    // Another user's reason does not open the camera for this one.
    expect((await hls('/hls/cam-1/sub.m3u8', await login(t.url, 'dispatcher'))).status).toBe(403);
    // Ending the view closes the camera again, once the access check's short memory of a yes lapses.
    const viewId = (opened as { result: { viewId: string } }).result.viewId;
    expect(await send(viewer.socket, 'camera.viewEnd', { viewId, cameraId: 'cam-1', screen: 'wall:1' })).toMatchObject({
      ok: true,
    });
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await hls('/hls/cam-1/sub.m3u8', token)).status).toBe(403);
  } finally {
    viewer.close();
  }
  const audit = await get(`${t.url}/api/audit?action=camera.view`, await login(t.url, 'supervisor'));
  const records = (audit.body as { records: AuditRecord[] }).records;
  expect(records).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        username: 'viewer',
        targetId: 'cam-1',
        reason: 'CAD-2026-000007 theft in progress',
        result: 'ok',
      }),
      expect.objectContaining({ username: 'viewer', targetId: 'cam-1', result: 'invalid' }),
    ]),
  );
  // One kind of view record: the command's. Refused and served playlists add none.
  expect(records.every((r) => r.username === 'viewer' && r.detail.includes('"screen":"wall:1"'))).toBe(true);
});

it('serves recorded video (VOD) only after a playback view with a reason', async () => {
  const token = await login(t.url, 'supervisor');
  const to = Date.now();
  const vod = `/hls/cam-2/sub/vod.m3u8?from=${to - 60_000}&to=${to}`;
  expect((await hls(vod, token)).status).toBe(403);
  const client = await connect(t.url, token);
  try {
    expect(
      await send(client.socket, 'camera.view', { cameraId: 'cam-2', screen: 'wall:1', mode: 'playback' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(
      await send(client.socket, 'camera.view', {
        cameraId: 'cam-2',
        screen: 'wall:1',
        mode: 'playback',
        reason: 'review',
      }),
    ).toMatchObject({ ok: true });
  } finally {
    client.close();
  }
  expect((await hls(vod, token)).status).not.toBe(403);
});
