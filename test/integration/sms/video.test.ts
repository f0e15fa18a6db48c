// The synthetic video as the real SMS serves it: sign-in on every HLS request, grants that outlive
// a restart, and the API's CORS policy on /hls (the Electron app calls from jccr://app).
import { resolve } from 'node:path';
import { parseMediaPlaylist } from '../../support/m3u8';
import { get, login, startTestSms, type TestSms } from '../support/sms';

// A first run encodes the test cameras' loops (ffmpeg); later runs find them in the shared cache.
jest.setTimeout(60_000);

const CONFIGURED_ORIGIN = 'https://wall.jccr.example';
/** The loops are keyed by recipe, so the cache the e2e tests use serves these cameras too. */
const video = { video: true, videoCacheDir: resolve('.cache/hls'), allowedOrigins: [CONFIGURED_ORIGIN] };

let t: TestSms;
beforeEach(async () => {
  t = await startTestSms();
  // The video service is wired in at start, so restart with it on.
  await t.restart(video);
});
afterEach(async () => {
  await t.close();
});

const fetchAs = (path: string, token: string | null, headers: Record<string, string> = {}) =>
  fetch(`${t.url}${path}`, { headers: token === null ? headers : { ...headers, authorization: `Bearer ${token}` } });

/** The live media playlist, once its loop is encoded (503 until then: not a timing assertion). */
async function livePlaylist(path: string, token: string) {
  for (;;) {
    const response = await fetchAs(path, token);
    if (response.status !== 503) {
      expect(response.status).toBe(200);
      return parseMediaPlaylist(await response.text());
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}

it('serves each camera stream at its URL; the stream request itself writes no view record', async () => {
  const token = await login(t.url, 'supervisor');
  const camera = t.sms.core.cameras.get('cam-1')!;
  const res = await fetchAs(camera.streams.main.url, token);
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/^#EXTM3U/);
  // A view is audited once, by the camera.view command (test/integration/wall); not again per playlist.
  const audit = await get(`${t.url}/api/audit?action=camera.view`, token);
  expect((audit.body as { records: unknown[] }).records).toEqual([]);
});

it("answers 401 to an own camera's playlists without a signed-in user (they were open)", async () => {
  const answers = await Promise.all(
    ['/hls/cam-1/sub.m3u8', '/hls/cam-1/sub/live.m3u8'].map(async (path) => {
      const res = await fetchAs(path, null);
      return [
        res.status,
        res.headers.get('www-authenticate'),
        ((await res.json()) as { error: { code: string } }).error.code,
      ];
    }),
  );
  expect(answers).toEqual([
    [401, 'Bearer', 'unauthorized'],
    [401, 'Bearer', 'unauthorized'],
  ]);
});

it('refuses a token signed with another secret', async () => {
  expect((await fetchAs('/hls/cam-1/sub.m3u8', 'v1.eyJzdWIiOiJ4In0.forged')).status).toBe(401);
});

it('accepts grants issued before a restart (keyed from the token secret)', async () => {
  const token = await login(t.url, 'supervisor');
  const segment = (await livePlaylist('/hls/cam-1/sub/live.m3u8', token)).segments.at(-1)?.uri ?? '';
  await t.restart(video);
  expect((await fetchAs(`/hls/cam-1/sub/${segment}`, token)).status).toBe(200);
});

describe('CORS on /hls, as on /api', () => {
  const allowOrigin = async (path: string, origin: string, token: string | null) =>
    (await fetchAs(path, token, { origin })).headers.get('access-control-allow-origin');

  it.each([
    ['the Electron app', 'jccr://app', 'jccr://app'],
    ['a configured origin', CONFIGURED_ORIGIN, CONFIGURED_ORIGIN],
    ['an unknown origin', 'https://evil.example', null],
  ])('answers %s on playlists, segments and errors with its own policy, never *', async (_name, origin, allowed) => {
    const token = await login(t.url, 'supervisor');
    const live = await livePlaylist('/hls/cam-1/sub/live.m3u8', token);
    const answers = [
      await allowOrigin('/hls/cam-1/sub.m3u8', origin, token),
      await allowOrigin('/hls/cam-1/sub/live.m3u8', origin, token),
      await allowOrigin(`/hls/cam-1/sub/${live.segments.at(-1)?.uri ?? ''}`, origin, token),
      await allowOrigin(`/hls/cam-1/sub/${live.segments[0]?.map ?? ''}`, origin, token),
      await allowOrigin('/hls/cam-1/sub.m3u8', origin, null),
    ];
    expect(answers).toEqual(answers.map(() => allowed));
  });

  it('lets the Electron app send its bearer token to /hls (preflight), and no unknown origin', async () => {
    const preflight = async (origin: string) =>
      (
        await fetch(`${t.url}/hls/cam-1/sub/live.m3u8`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'authorization',
          },
        })
      ).headers;
    const app = await preflight('jccr://app');
    const evil = await preflight('https://evil.example');
    expect([
      app.get('access-control-allow-origin'),
      app.get('access-control-allow-headers')?.toLowerCase().includes('authorization'),
      evil.get('access-control-allow-origin'),
    ]).toEqual(['jccr://app', true, null]);
  });
});
