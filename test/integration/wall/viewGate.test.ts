// Attacks on the reason-for-view gate over the real SMS (sockets, HLS routes, audit): a reused
// command id must not open a view it never ran, a view's end closes exactly that view, and the
// segments behind a gated playlist need the grant that playlist gave its viewer.
import { resolve } from 'node:path';
import { testCamera } from '../../support/world';
import { connect, get, login, send, sendRaw, startTestSms, type Client, type TestSms } from '../support/sms';
import type { AuditRecord, CommandAck } from '../../../shared/protocol';
import { parseMediaPlaylist } from '../../support/m3u8';

// A first run encodes the test cameras' loops (ffmpeg); later runs find them in the shared cache.
jest.setTimeout(60_000);

let t: TestSms;
let token: string;
let viewer: Client;
beforeEach(async () => {
  t = await startTestSms();
  // The loops are keyed by recipe, so the cache the e2e tests use serves these cameras too.
  await t.restart({ video: true, videoCacheDir: resolve('.cache/hls') });
  // cam-1 becomes a third-party premises camera: viewing it needs a reason.
  t.sms.core.update('camera', testCamera('cam-1', { owner: 'third_party' }));
  token = await login(t.url, 'viewer');
  viewer = await connect(t.url, token);
});
afterEach(async () => {
  viewer.close();
  await t.close();
});

const fetchAs = (path: string, bearer: string | null = token) =>
  fetch(`${t.url}${path}`, bearer === null ? {} : { headers: { authorization: `Bearer ${bearer}` } });
const status = async (path: string, bearer: string | null = token) => (await fetchAs(path, bearer)).status;
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

describe('segments behind a gated playlist', () => {
  /** The media playlist, once its loop is encoded (503 until then: not a timing assertion). */
  const playlistOf = async (path: string) => {
    for (;;) {
      const response = await fetchAs(path);
      if (response.status !== 503) {
        expect(response.status).toBe(200);
        return parseMediaPlaylist(await response.text());
      }
      await new Promise((done) => setTimeout(done, 200));
    }
  };
  const bare = (uri: string) => uri.split('?')[0] ?? '';
  const grantOf = (uri: string) => new URL(uri, 'http://x/').searchParams.get('grant') ?? '';

  it("are served only with the grant the viewer's playlist gave, and only to that viewer", async () => {
    await openView('live', 'watching the entrance');
    const live = await playlistOf('/hls/cam-1/sub/live.m3u8');
    const segment = `/hls/cam-1/sub/${live.segments.at(-1)?.uri ?? ''}`;
    const init = `/hls/cam-1/sub/${live.segments[0]?.map ?? ''}`;
    const grant = grantOf(segment);
    const dispatcher = await login(t.url, 'dispatcher');
    expect({
      withGrant: [await status(segment), await status(init)],
      // The paths alone (the key derives from public inputs) were enough before grants.
      withoutGrant: [await status(bare(segment)), await status(bare(init))],
      anotherUserWithout: [await status(bare(segment), dispatcher), await status(bare(init), dispatcher)],
      anotherUserWithTheGrant: [await status(segment, dispatcher), await status(init, dispatcher)],
      notSignedIn: [await status(segment, null), await status(init, null)],
      grantOnTheOtherStream: await status(
        `/hls/cam-1/main/${bare(segment).split('/').slice(-2).join('/')}?grant=${grant}`,
      ),
    }).toEqual({
      withGrant: [200, 200],
      withoutGrant: [403, 403],
      anotherUserWithout: [403, 403],
      anotherUserWithTheGrant: [403, 403],
      notSignedIn: [401, 401],
      // Refused for the grant before the key is looked at (it is the sub stream's loop).
      grantOnTheOtherStream: 403,
    });
  });

  it('serves a recording with the grant of its playlist only', async () => {
    await openView('playback', 'review of the break-in');
    const vod = await playlistOf(vodOf('cam-1'));
    const segment = `/hls/cam-1/sub/${vod.segments[0]?.uri ?? ''}`;
    expect([await status(segment), await status(bare(segment))]).toEqual([200, 403]);
  });

  it('gives no new grants once the view ended; those given run out within 2 minutes', async () => {
    const viewId = await openView('live', 'watching the entrance');
    const live = await playlistOf('/hls/cam-1/sub/live.m3u8');
    const expiresAt = Number(grantOf(live.segments.at(-1)?.uri ?? '').split('.')[0]) * 1000;
    await send(viewer.socket, 'camera.viewEnd', { viewId, cameraId: 'cam-1', screen: 'wall:1' });
    // The gate reuses a yes for up to 2 s.
    let refused = 0;
    for (let i = 0; i < 40 && refused !== 403; i++) {
      refused = await status('/hls/cam-1/sub/live.m3u8');
      if (refused !== 403) await new Promise((done) => setTimeout(done, 200));
    }
    expect([refused, expiresAt <= Date.now() + 120_000]).toEqual([403, true]);
  });
});
