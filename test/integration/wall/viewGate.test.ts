// Attacks on the reason-for-view gate over the real SMS (sockets, HLS routes, audit): a reused
// command id must not open a view it never ran, and a view's end closes exactly that view.
import { join } from 'node:path';
import { testCamera } from '../../support/world';
import { connect, get, login, send, sendRaw, startTestSms, type Client, type TestSms } from '../support/sms';
import type { AuditRecord, CommandAck } from '../../../shared/protocol';

jest.setTimeout(30_000);

let t: TestSms;
let token: string;
let viewer: Client;
beforeEach(async () => {
  t = await startTestSms();
  await t.restart({ video: true, videoCacheDir: join(t.dataDir, 'hls-cache') });
  // cam-1 becomes a third-party premises camera: viewing it needs a reason.
  t.sms.core.update('camera', testCamera('cam-1', { owner: 'third_party' }));
  token = await login(t.url, 'viewer');
  viewer = await connect(t.url, token);
});
afterEach(async () => {
  viewer.close();
  await t.close();
});

const status = async (path: string) =>
  (await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).status;
const vodOf = (cameraId: string) => {
  const to = Date.now();
  return `/hls/${cameraId}/sub/vod.m3u8?from=${to - 60_000}&to=${to}`;
};
const viewAudit = async (action: string) =>
  (
    (await get(`${t.url}/api/audit?action=${action}`, await login(t.url, 'supervisor'))).body as {
      records: AuditRecord[];
    }
  ).records;
const viewIdOf = (ack: CommandAck) => (ack.ok ? (ack.result as { viewId: string }).viewId : '');
/** Opens a reasoned view of the third-party cam-1 on wall:1 and returns its view id. */
const openView = async (mode: 'live' | 'playback', reason: string) => {
  const ack = await send(viewer.socket, 'camera.view', { cameraId: 'cam-1', screen: 'wall:1', mode, reason });
  expect(ack).toMatchObject({ ok: true });
  return viewIdOf(ack);
};

describe('a used command id sent again', () => {
  const id = 'view-reuse-0001';
  const publicView = { cameraId: 'cam-2', screen: 'wall:1', mode: 'live' } as const;

  it('with another payload answers conflict and opens no third-party view or recording', async () => {
    expect(await sendRaw(viewer.socket, { id, type: 'camera.view', payload: publicView })).toMatchObject({ ok: true });
    for (const payload of [
      { cameraId: 'cam-1', screen: 'wall:1', mode: 'live' },
      { cameraId: 'cam-1', screen: 'wall:1', mode: 'live', reason: 'looks like a view' },
      { cameraId: 'cam-2', screen: 'wall:1', mode: 'playback' },
    ]) {
      expect(await sendRaw(viewer.socket, { id, type: 'camera.view', payload })).toEqual({
        ok: false,
        error: { code: 'conflict', message: 'This command id was already used for a different command.' },
      });
    }
    // Another type under the same id is a different command too.
    expect(
      await sendRaw(viewer.socket, { id, type: 'camera.viewEnd', payload: { viewId: 'view-1', ...publicView } }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(await status('/hls/cam-1/sub.m3u8')).toBe(403);
    expect(await status('/hls/cam-1/sub/live.m3u8')).toBe(403);
    expect(await status(vodOf('cam-1'))).toBe(403);
    expect(await status(vodOf('cam-2'))).toBe(403);
    // The audit says what happened: one view that ran, and the refusals with what was asked.
    const records = await viewAudit('camera.view');
    expect(records.map((r) => [r.targetId, r.result])).toEqual([
      ['cam-2', 'conflict'],
      ['cam-1', 'conflict'],
      ['cam-1', 'conflict'],
      ['cam-2', 'ok'],
    ]);
    // The SMS is still serving and commands still run.
    expect(await send(viewer.socket, 'camera.view', publicView)).toMatchObject({ ok: true });
  });

  it('with the same payload answers the first answer, opens nothing more and audits a retry', async () => {
    const first = await sendRaw(viewer.socket, { id, type: 'camera.view', payload: publicView });
    // Keys in another order are the same payload.
    const again = await sendRaw(viewer.socket, {
      id,
      type: 'camera.view',
      payload: { mode: 'live', screen: 'wall:1', cameraId: 'cam-2' },
    });
    expect(again).toEqual(first);
    const records = await viewAudit('camera.view');
    expect(records.map((r) => [r.targetId, r.result])).toEqual([
      ['cam-2', 'retry'],
      ['cam-2', 'ok'],
    ]);
    expect(JSON.parse(records[0]?.detail ?? '')).toMatchObject({ commandId: id, firstResult: 'ok' });
  });
});

it('closes exactly the view that ended: a playback followed by a live view on the same screen', async () => {
  const playback = await openView('playback', 'review of the break-in');
  await openView('live', 'review of the break-in');
  expect(
    await send(viewer.socket, 'camera.viewEnd', { viewId: playback, cameraId: 'cam-1', screen: 'wall:1' }),
  ).toMatchObject({ ok: true });
  // The live view is still open; the playback is not, so its recording is closed.
  expect(await status('/hls/cam-1/sub.m3u8')).toBe(200);
  expect(await status(vodOf('cam-1'))).toBe(403);
});

it('does not let an end for another view id, or for someone else’s view, close a view', async () => {
  const opened = await openView('live', 'watching the entrance');
  const other = await connect(t.url, await login(t.url, 'dispatcher'));
  try {
    // Neither end names a view of this viewer, whatever they answer.
    await send(other.socket, 'camera.viewEnd', { viewId: opened, cameraId: 'cam-1', screen: 'wall:1' });
    await send(viewer.socket, 'camera.viewEnd', { viewId: 'view-999', cameraId: 'cam-1', screen: 'wall:1' });
  } finally {
    other.close();
  }
  expect(await status('/hls/cam-1/sub.m3u8')).toBe(200);
});
