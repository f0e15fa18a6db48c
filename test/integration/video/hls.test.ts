// The synthetic cameras over real HTTP on loopback: real ffmpeg encodes into a temporary cache.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Camera } from '../../../shared/protocol';
import { testCamera } from './testCamera';
import { registerHls, type HlsAccess, type HlsHandle, type HlsOptions } from '../../../sms/video';
import { LIVE_GRANT_MS, VOD_GRANT_MS } from '../../../sms/video/grants';
import { parseMediaPlaylist } from '../../support/m3u8';
import { shiftFragmentTime } from '../../../sms/video/fragmentTime';
import { fragmentDecodeTime, isMediaFragment, readVideoTrackInfo } from '../../../sms/video/mp4Inspect';
import { STREAM_PROFILES, streamUrl } from '../../../sms/video/profiles';

jest.setTimeout(180_000);

const LOOP_SECONDS = 3;
const NOW = Date.parse('2026-11-25T09:30:07.400Z');
/** The clock of the servers: NOW, moved only by the test of expired grants. */
let clock = NOW;

/** Two signed-in users by bearer token; anyone else is not signed in. */
const USERS: Record<string, { userId: string }> = {
  'Bearer alice-token': { userId: 'user-alice' },
  'Bearer bob-token': { userId: 'user-bob' },
};
const ALICE = { authorization: 'Bearer alice-token' };
const BOB = { authorization: 'Bearer bob-token' };
/** Signed-in users may view everything here: the reason gate is sms/wall/hlsAccess.ts's, tested there. */
const openToSignedIn: HlsAccess = {
  viewer: (request) => USERS[request.headers.authorization ?? ''] ?? null,
  mayView: () => true,
};

function camera(id: string, name: string, main: 'mainH264' | 'mainH265', online = true): Camera {
  return testCamera(id, { name, main, online });
}

interface Server {
  app: FastifyInstance;
  hls: HlsHandle;
  base: string;
}

async function startServer(cacheDir: string, cameras: Camera[], extra: Partial<HlsOptions> = {}): Promise<Server> {
  const app = Fastify();
  const hls = await registerHls(app, {
    cacheDir,
    cameras: () => cameras,
    now: () => clock,
    prewarm: false,
    loopSeconds: LOOP_SECONDS,
    access: openToSignedIn,
    grantSecret: 'hls-test-secret-0123456789-abcdefgh',
    ...extra,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, hls, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** Polls until the URL answers something other than 503 (an encode finishing); not a timing assertion. */
async function whenReady(url: string): Promise<Response> {
  for (;;) {
    const response = await fetch(url, { headers: ALICE });
    if (response.status !== 503) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A GET with the path sent exactly as written (fetch would normalise dot segments). */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path: rawPath, headers: ALICE }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());
/** The grant of a playlist's segment URI (`<key>/<k>.m4s?grant=<grant>`). */
const grantOf = (uri: string) => new URL(uri, 'http://x/').searchParams.get('grant') ?? '';
/** A segment URI's path without its grant. */
const pathOf = (uri: string) => uri.split('?')[0] ?? '';

describe('synthetic HLS cameras', () => {
  const cameras = [
    camera('cam-a', 'Bank Junction', 'mainH264'),
    camera('cam-b', 'London Bridge North', 'mainH265'),
    camera('cam-off', 'Aldgate', 'mainH264', false),
  ];
  let cacheDir: string;
  let server: Server;
  let firstLive: Response;
  let firstLiveText: string;
  let live: ReturnType<typeof parseMediaPlaylist>;

  beforeAll(async () => {
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'jccr-hls-'));
    // A cold server answers the first playlist with the quick first rendition; once every loop is
    // encoded, the tests below run on a second server that finds the full loops in the cache (the
    // frozen clock never reaches the segment where the first server switches to them).
    const cold = await startServer(cacheDir, cameras);
    firstLive = await fetch(`${cold.base}/hls/cam-a/main/live.m3u8`, { headers: ALICE });
    firstLiveText = await firstLive.text();
    for (const id of ['cam-a', 'cam-b']) {
      for (const stream of ['main', 'sub']) await whenReady(`${cold.base}/hls/${id}/${stream}/live.m3u8`);
    }
    while (cold.hls.stats().queued > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    await cold.app.close();
    server = await startServer(cacheDir, cameras);
    live = parseMediaPlaylist(
      await (await fetch(`${server.base}/hls/cam-a/main/live.m3u8`, { headers: ALICE })).text(),
    );
  });

  afterAll(async () => {
    await server.app.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  const get = (p: string, headers: Record<string, string> = ALICE) => fetch(`${server.base}${p}`, { headers });
  const lastSegment = () => live.segments.at(-1)?.uri ?? '';

  describe('before a loop is encoded', () => {
    it('answers the first live playlist 200, with media, instead of a retry', () => {
      expect([firstLive.status, parseMediaPlaylist(firstLiveText).segments.length > 0]).toEqual([200, true]);
    });

    it('serves a quick first rendition, not the full loop', () => {
      const [quickKey] = (parseMediaPlaylist(firstLiveText).segments[0]?.map ?? '').split('/');
      const [fullKey] = (live.segments[0]?.map ?? '').split('/');
      expect(quickKey).not.toBe(fullKey);
    });
  });

  describe('multivariant playlists', () => {
    it('serves the playlist type, private no-cache and no CORS header of its own', async () => {
      const response = await get(streamUrl('cam-a', 'main'));
      expect([
        response.status,
        response.headers.get('content-type'),
        response.headers.get('cache-control'),
        response.headers.get('access-control-allow-origin'),
      ]).toEqual([200, 'application/vnd.apple.mpegurl', 'private, no-cache', null]);
    });

    it.each([
      ['cam-a', 'main', STREAM_PROFILES.mainH264],
      ['cam-a', 'sub', STREAM_PROFILES.sub],
      ['cam-b', 'main', STREAM_PROFILES.mainH265],
    ] as const)('advertises %s %s with the profile codec and size', async (id, stream, profile) => {
      const text = await (await get(streamUrl(id, stream))).text();
      expect(text).toContain(`RESOLUTION=${profile.width}x${profile.height},CODECS="${profile.codec}"`);
    });

    it('declares a BANDWIDTH that no one-second segment exceeds', async () => {
      const declared = Number(/BANDWIDTH=(\d+)/.exec(await (await get(streamUrl('cam-a', 'main'))).text())?.[1]);
      const sizes = await Promise.all(
        live.segments.map(async (s) => (await bytesOf(await get(`/hls/cam-a/main/${s.uri}`))).length),
      );
      expect(Math.max(...sizes) * 8).toBeLessThanOrEqual(declared);
    });

    it('points at the media playlist of the same stream', async () => {
      expect((await (await get(streamUrl('cam-a', 'sub'))).text()).trim().split('\n').at(-1)).toBe('sub/live.m3u8');
    });
  });

  describe('live media playlist', () => {
    it('ends with the last complete second of the clock', () => {
      expect(live.segments.at(-1)?.sequence).toBe(Math.floor(NOW / 1000) - 1);
    });

    it('dates every segment with the wall time it covers, one second apart', () => {
      expect(live.segments.map((s) => Date.parse(s.programDateTime ?? ''))).toEqual(
        live.segments.map((s) => s.sequence * 1000),
      );
    });

    it('lists one-second segments', () => {
      expect(live.segments.map((s) => s.duration)).toEqual(live.segments.map(() => 1));
    });

    it('has no discontinuity, though the short loop wraps within the window', () => {
      expect(live.segments.some((s) => s.discontinuity)).toBe(false);
    });
  });

  describe('media', () => {
    it('serves a segment as an fMP4 fragment, cached privately as long as its grant lasts', async () => {
      const response = await get(`/hls/cam-a/main/${lastSegment()}`);
      const grantLeft = Math.floor((Number(grantOf(lastSegment()).split('.')[0]) * 1000 - NOW) / 1000);
      expect([
        response.headers.get('content-type'),
        response.headers.get('cache-control'),
        response.headers.get('access-control-allow-origin'),
        isMediaFragment(await bytesOf(response)),
      ]).toEqual(['video/iso.segment', `private, max-age=${grantLeft}, immutable`, null, true]);
    });

    it('serves the init segment as video/mp4', async () => {
      const response = await get(`/hls/cam-a/main/${live.segments[0]?.map ?? ''}`);
      expect(response.headers.get('content-type')).toBe('video/mp4');
    });

    it.each([
      ['cam-a', 'main', STREAM_PROFILES.mainH264.codec],
      ['cam-a', 'sub', STREAM_PROFILES.sub.codec],
      ['cam-b', 'main', STREAM_PROFILES.mainH265.codec],
    ] as const)('writes exactly the advertised codec into %s %s', async (id, stream, codec) => {
      const playlist = parseMediaPlaylist(await (await get(`/hls/${id}/${stream}/live.m3u8`)).text());
      const init = await bytesOf(await get(`/hls/${id}/${stream}/${playlist.segments[0]?.map ?? ''}`));
      expect(readVideoTrackInfo(init).codec).toBe(codec);
    });

    it('times every segment at its wall second, so media time is continuous across loop wraps', async () => {
      const init = readVideoTrackInfo(await bytesOf(await get(`/hls/cam-a/main/${live.segments[0]?.map ?? ''}`)));
      const starts = await Promise.all(
        live.segments.map(async (s) => fragmentDecodeTime(await bytesOf(await get(`/hls/cam-a/main/${s.uri}`)))),
      );
      expect(starts).toEqual(live.segments.map((s) => BigInt(s.sequence) * BigInt(init.timescale)));
    });

    it('plays the same loop file one loop length apart', async () => {
      const [key, file] = pathOf(lastSegment()).split('/');
      const k = Number(file?.replace('.m4s', ''));
      const grant = `?grant=${grantOf(lastSegment())}`;
      const init = readVideoTrackInfo(await bytesOf(await get(`/hls/cam-a/main/${key}/init.mp4${grant}`)));
      const a = await bytesOf(await get(`/hls/cam-a/main/${key}/${k}.m4s${grant}`));
      const b = await bytesOf(await get(`/hls/cam-a/main/${key}/${k - LOOP_SECONDS}.m4s${grant}`));
      const aMovedBack = shiftFragmentTime(a, -BigInt(LOOP_SECONDS) * BigInt(init.timescale));
      expect(Buffer.compare(aMovedBack, b)).toBe(0);
    });

    it('does not serve a segment whose second has not ended', async () => {
      const [key] = lastSegment().split('/');
      const grant = grantOf(lastSegment());
      expect((await get(`/hls/cam-a/main/${key}/${Math.floor(NOW / 1000)}.m4s?grant=${grant}`)).status).toBe(404);
    });

    it("does not serve one camera's loop under another camera, even with that camera's grant", async () => {
      const cameraB = parseMediaPlaylist(await (await get('/hls/cam-b/main/live.m3u8')).text());
      const grantB = grantOf(cameraB.segments[0]?.uri ?? '');
      expect((await get(`/hls/cam-b/main/${pathOf(lastSegment())}?grant=${grantB}`)).status).toBe(404);
    });
  });

  describe('who may fetch what', () => {
    const grant = () => grantOf(lastSegment());
    /** Another camera's or stream's segment path (no grant), from its own playlist. */
    const segmentOf = async (id: string, stream: string) =>
      pathOf(parseMediaPlaylist(await (await get(`/hls/${id}/${stream}/live.m3u8`)).text()).segments[0]?.uri ?? '');
    const refusal = async (response: Response) => [
      response.status,
      ((await response.json()) as { error: { code: string } }).error.code,
    ];
    const vodPath = `/hls/cam-a/sub/vod.m3u8?from=${NOW - 60_000}&to=${NOW - 50_000}`;

    it.each([
      ['a multivariant playlist', () => streamUrl('cam-a', 'main')],
      ['a live playlist', () => '/hls/cam-a/main/live.m3u8'],
      ['a recorded playlist', () => vodPath],
      ['a segment with its grant', () => `/hls/cam-a/main/${lastSegment()}`],
    ])('answers %s 401 unauthorized without a signed-in user', async (_name, target) => {
      const answers = await Promise.all(
        [{}, { authorization: 'Bearer forged' }, { authorization: 'alice-token' }].map(async (headers) => {
          const response = await get(target(), headers);
          return [...(await refusal(response)), response.headers.get('www-authenticate')];
        }),
      );
      expect(answers).toEqual(answers.map(() => [401, 'unauthorized', 'Bearer']));
    });

    it('writes one grant into every init and segment URI of a live playlist, lasting at most 2 minutes', () => {
      const grants = new Set(live.segments.flatMap((s) => [grantOf(s.uri), grantOf(s.map ?? '')]));
      const expiresAt = Number([...grants][0]?.split('.')[0]) * 1000;
      expect([grants.size, expiresAt <= NOW + LIVE_GRANT_MS, expiresAt > NOW + LIVE_GRANT_MS - 30_000]).toEqual([
        1,
        true,
        true,
      ]);
    });

    it('gives a recorded playlist grants lasting at most 30 minutes', async () => {
      const vod = parseMediaPlaylist(await (await get(vodPath)).text());
      const expiresAt = Number(grantOf(vod.segments[0]?.uri ?? '').split('.')[0]) * 1000;
      expect([expiresAt <= NOW + VOD_GRANT_MS, expiresAt > NOW + VOD_GRANT_MS - 30_000]).toEqual([true, true]);
    });

    it('serves a recorded segment with its grant', async () => {
      const vod = parseMediaPlaylist(await (await get(vodPath)).text());
      expect((await get(`/hls/cam-a/sub/${vod.segments[0]?.uri ?? ''}`)).status).toBe(200);
    });

    it('refuses a segment and an init without a grant: their paths alone open nothing', async () => {
      const answers = await Promise.all(
        [pathOf(lastSegment()), pathOf(live.segments[0]?.map ?? '')].map(async (p) => {
          const response = await get(`/hls/cam-a/main/${p}`);
          return [response.status, ((await response.json()) as { error: { message: string } }).error.message];
        }),
      );
      expect(answers).toEqual([
        [403, 'segments need the grant their media playlist gives them'],
        [403, 'segments need the grant their media playlist gives them'],
      ]);
    });

    it("refuses another user's grant", async () => {
      expect(await refusal(await get(`/hls/cam-a/main/${lastSegment()}`, BOB))).toEqual([403, 'forbidden']);
    });

    it('refuses a grant copied to another camera or to the other stream of the same camera', async () => {
      const elsewhere = [await segmentOf('cam-b', 'main'), await segmentOf('cam-a', 'sub')];
      const answers = await Promise.all(
        [`/hls/cam-b/main/${elsewhere[0]}`, `/hls/cam-a/sub/${elsewhere[1]}`].map(async (p) =>
          refusal(await get(`${p}?grant=${grant()}`)),
        ),
      );
      expect(answers).toEqual([
        [403, 'forbidden'],
        [403, 'forbidden'],
      ]);
    });

    it('refuses a grant whose signature or expiry was changed', async () => {
      const [seconds, signature = ''] = grant().split('.');
      const flipped = `${signature.slice(0, 5)}${signature[5] === 'A' ? 'B' : 'A'}${signature.slice(6)}`;
      const answers = await Promise.all(
        [`${seconds}.${flipped}`, `${Number(seconds) + 3600}.${signature}`].map(async (g) =>
          refusal(await get(`/hls/cam-a/main/${pathOf(lastSegment())}?grant=${g}`)),
        ),
      );
      expect(answers).toEqual([
        [403, 'forbidden'],
        [403, 'forbidden'],
      ]);
    });

    it('refuses an expired grant, saying so', async () => {
      const expiresAt = Number(grant().split('.')[0]) * 1000;
      clock = expiresAt;
      try {
        const response = await get(`/hls/cam-a/main/${lastSegment()}`);
        expect([response.status, ((await response.json()) as { error: { message: string } }).error.message]).toEqual([
          403,
          'the grant expired: load the media playlist again',
        ]);
      } finally {
        clock = NOW;
      }
    });

    it.each([
      ['huge', () => 'A'.repeat(8_000)],
      ['NaN', () => 'NaN.NaN'],
      ['a negative expiry', (g: string) => `-1.${g.split('.')[1] ?? ''}`],
      ['an exponent', (g: string) => `1e12.${g.split('.')[1] ?? ''}`],
      ['unicode', () => encodeURIComponent('١٧٦٤٠٦٢٦٠٠.é✓')],
      ['a bad escape', () => '%ZZ%00'],
      ['empty', () => ''],
      ['repeated', (g: string) => `${g}&grant=${g}`],
    ])('refuses a %s grant 403 and keeps serving', async (_name, raw) => {
      const refused = (await get(`/hls/cam-a/main/${pathOf(lastSegment())}?grant=${raw(grant())}`)).status;
      const served = (await get(`/hls/cam-a/main/${lastSegment()}`)).status;
      expect([refused, served]).toEqual([403, 200]);
    });

    it('refuses a URL too long to read and keeps serving', async () => {
      const refused = (await get(`/hls/cam-a/main/${pathOf(lastSegment())}?grant=${'A'.repeat(100_000)}`)).status;
      const served = (await get(`/hls/cam-a/main/${lastSegment()}`)).status;
      expect([refused, served]).toEqual([431, 200]);
    });
  });

  describe('recorded playback', () => {
    it('lists the requested range and ends the list', async () => {
      const from = Math.floor(NOW / 1000) * 1000 - 60_000;
      const text = await (await get(`/hls/cam-a/sub/vod.m3u8?from=${from}&to=${from + 5_000}`)).text();
      const vod = parseMediaPlaylist(text);
      expect([vod.segments.length, vod.endList, vod.segments[0]?.programDateTime]).toEqual([
        5,
        true,
        new Date(from).toISOString(),
      ]);
    });

    it('refuses a range without bounds', async () => {
      expect((await get('/hls/cam-a/sub/vod.m3u8?from=abc')).status).toBe(400);
    });
  });

  describe('cameras that are cut, unknown or malformed', () => {
    it('answers 503 for the playlists of an offline camera', async () => {
      const statuses = [(await get(streamUrl('cam-off', 'main'))).status];
      statuses.push((await get('/hls/cam-off/main/live.m3u8')).status);
      expect(statuses).toEqual([503, 503]);
    });

    it('resumes a camera that comes back online', async () => {
      const b = cameras[1] as Camera;
      b.online = false;
      const cut = (await get('/hls/cam-b/sub/live.m3u8')).status;
      b.online = true;
      expect([cut, (await get('/hls/cam-b/sub/live.m3u8')).status]).toEqual([503, 200]);
    });

    it('answers 404 for an unknown camera', async () => {
      expect((await get(streamUrl('nope', 'main'))).status).toBe(404);
    });

    it('refuses a sequence number that is not a number', async () => {
      const [key] = lastSegment().split('/');
      expect((await get(`/hls/cam-a/main/${key}/abc.m4s?grant=${grantOf(lastSegment())}`)).status).toBe(400);
    });

    it.each([
      '/hls/cam-a/main/..%2F..%2F..%2Fetc%2Fpasswd/init.mp4',
      '/hls/cam-a/main/0123456789abcdef/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/hls/cam-a/../../../../etc/passwd',
      '/hls/..%2F..%2Fetc/main.m3u8',
    ])('refuses the traversal %s', async (rawPath) => {
      const { status, body } = await rawGet(server.base, rawPath);
      expect([status >= 400 && status < 500, body.includes('root:')]).toEqual([true, false]);
    });
  });

  describe('a second server on the same cache', () => {
    let second: Server;
    beforeAll(async () => {
      // The cameras the first server encoded (the offline one it never had to).
      second = await startServer(cacheDir, cameras.slice(0, 2), { prewarm: true });
      while (second.hls.stats().queued > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    });
    afterAll(() => second.app.close());

    it('encodes nothing again', () => {
      expect(second.hls.stats()).toMatchObject({ encoded: 0, failed: 0 });
    });

    it('serves the live playlist at once', async () => {
      expect((await fetch(`${second.base}/hls/cam-b/main/live.m3u8`, { headers: ALICE })).status).toBe(200);
    });

    it("accepts the first server's grants: both derive their key from the same secret", async () => {
      expect((await fetch(`${second.base}/hls/cam-a/main/${lastSegment()}`, { headers: ALICE })).status).toBe(200);
    });
  });

  it('answers 403 to a signed-in user when the access gate refuses', async () => {
    const guarded = await startServer(cacheDir, cameras, { access: { ...openToSignedIn, mayView: () => false } });
    try {
      const statuses = await Promise.all(
        [streamUrl('cam-a', 'main'), '/hls/cam-a/main/live.m3u8'].map(
          async (p) => (await fetch(`${guarded.base}${p}`, { headers: ALICE })).status,
        ),
      );
      expect(statuses).toEqual([403, 403]);
    } finally {
      await guarded.app.close();
    }
  });

  it('kills an encode in progress on close and leaves no partial output', async () => {
    const emptyCache = await mkdtemp(path.join(os.tmpdir(), 'jccr-hls-close-'));
    try {
      const closing = await startServer(emptyCache, cameras);
      // The first playlist waits for its quick rendition while the full loop encodes; close meanwhile.
      const started = fetch(`${closing.base}/hls/cam-b/main/live.m3u8`, { headers: ALICE });
      while (closing.hls.stats().queued === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await closing.app.close();
      const status = (await started).status;
      const left = await readdir(path.join(emptyCache, '.partial'));
      expect([[200, 503].includes(status), left]).toEqual([true, []]);
    } finally {
      await rm(emptyCache, { recursive: true, force: true });
    }
  });
});
