// Low-latency HLS over real HTTP on loopback, on the real clock: parts, preload hints, blocking
// reloads (held until the part exists, 400 too far ahead, 503 after three target durations), the
// switch from the quick first rendition to the full loop, and hostile delivery directives.
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Camera } from '../../../shared/protocol';
import { testCamera } from './testCamera';
import { registerHls, type HlsAccess, type HlsHandle, type HlsOptions } from '../../../sms/video';
import type { LiveMediaSource, PartRef } from '../../../sms/video/liveSource';
import { parseMediaPlaylist, type MediaPlaylist } from '../../support/m3u8';
import { fragmentDecodeTime, readVideoTrackInfo, startsWithSyncSample } from '../../../sms/video/mp4Inspect';
import { newestPartAt, partCompleteAt, waitForClock } from '../../../sms/video/partTime';

jest.setTimeout(240_000);

const ALICE = { authorization: 'Bearer alice-token' };
const access: HlsAccess = {
  viewer: (request) => (request.headers.authorization === ALICE.authorization ? { userId: 'user-alice' } : null),
  mayView: () => true,
};

function camera(id: string): Camera {
  return testCamera(id, { owner: 'corporation' });
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
    now: Date.now,
    prewarm: false,
    loopSeconds: 3,
    access,
    grantSecret: 'llhls-test-secret-0123456789-abcdefgh',
    ...extra,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, hls, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());
const keyOf = (uri: string | null | undefined) => (uri ?? '').split('/')[0] ?? '';
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('low-latency HLS', () => {
  const cameras = [camera('cam-ll'), camera('cam-ll2')];
  let cacheDir: string;
  let server: Server;
  let firstPlaylist: MediaPlaylist;
  const get = (p: string, init: RequestInit = {}) => fetch(`${server.base}${p}`, { headers: ALICE, ...init });
  const live = async (query = '', stream = 'sub') => {
    const response = await get(`/hls/cam-ll/${stream}/live.m3u8${query}`);
    expect(response.status).toBe(200);
    return parseMediaPlaylist(await response.text());
  };
  const media = (uri: string, stream = 'sub') => get(`/hls/cam-ll/${stream}/${uri}`);

  beforeAll(async () => {
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'jccr-llhls-'));
    server = await startServer(cacheDir, cameras);
    firstPlaylist = await live();
  });

  afterAll(async () => {
    await server.app.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  describe('on a cold cache', () => {
    it('answers the first playlist with parts of the quick first rendition', () => {
      expect([firstPlaylist.parts.length > 0, firstPlaylist.preloadHint?.type]).toEqual([true, 'PART']);
    });

    it('switches to the full loop at a segment not listed before, with a new EXT-X-MAP, times unbroken', async () => {
      while (server.hls.stats().queued > 0) await sleep(100);
      const quickKey = keyOf(firstPlaylist.segments[0]?.map);
      let playlist = await live();
      for (let tries = 0; tries < 100 && new Set(playlist.segments.map((s) => s.map)).size < 2; tries++) {
        await sleep(200);
        playlist = await live();
      }
      const maps = playlist.segments.map((s) => keyOf(s.map));
      const firstFull = maps.findIndex((key) => key !== quickKey);
      const switchedAt = playlist.segments[firstFull]?.sequence ?? -1;
      const lastListedBefore = firstPlaylist.parts.at(-1)?.sequence ?? Infinity;
      expect([
        firstFull > 0,
        maps.slice(firstFull).every((key) => key === maps[firstFull]),
        switchedAt > lastListedBefore,
        playlist.segments.map((s) => Date.parse(s.programDateTime ?? '')),
      ]).toEqual([true, true, true, playlist.segments.map((s) => s.sequence * 1000)]);
    });
  });

  describe('playlist and parts', () => {
    let playlist: MediaPlaylist;
    beforeAll(async () => {
      playlist = await live();
    });

    it('declares parts and blocking reload as the contract says', () => {
      expect([playlist.partTarget, playlist.serverControl]).toEqual([
        0.2,
        { 'CAN-BLOCK-RELOAD': 'YES', 'PART-HOLD-BACK': '0.6', 'HOLD-BACK': '3.0' },
      ]);
    });

    it('has no rendition report: each multivariant playlist has one variant', () => {
      expect(playlist.renditionReports).toEqual([]);
    });

    it('serves each part as one fragment timed at its place in wall time', async () => {
      const part = playlist.parts.at(-1);
      const init = readVideoTrackInfo(await bytesOf(await media(playlist.segments.at(-1)?.map ?? '')));
      const bytes = await bytesOf(await media(part?.uri ?? ''));
      const ticks = (BigInt(part?.sequence ?? 0) * 5n + BigInt(part?.index ?? 0)) * BigInt(init.timescale / 5);
      expect(fragmentDecodeTime(bytes)).toBe(ticks);
    });

    it('starts every INDEPENDENT part with a key frame', async () => {
      const independent = playlist.parts.filter((p) => p.independent);
      const flags = await Promise.all(
        independent.map(async (p) => startsWithSyncSample(await bytesOf(await media(p.uri)))),
      );
      expect([independent.length > 0, flags.every(Boolean)]).toEqual([true, true]);
    });

    it("makes a segment of exactly its parts' bytes", async () => {
      const segment = playlist.segments.at(-1);
      const parts = playlist.parts.filter((p) => p.sequence === segment?.sequence);
      const whole = await bytesOf(await media(segment?.uri ?? ''));
      const joined = Buffer.concat(await Promise.all(parts.map(async (p) => bytesOf(await media(p.uri)))));
      expect([parts.length, Buffer.compare(Buffer.from(whole), joined)]).toEqual([5, 0]);
    });

    it('refuses a part without its grant, as segments are', async () => {
      const part = (playlist.parts.at(-1)?.uri ?? '').split('?')[0] ?? '';
      expect((await media(part)).status).toBe(403);
    });

    it('refuses a part index out of range 400', async () => {
      const [key, file] = (playlist.segments.at(-1)?.uri ?? '').split('/');
      const grant = file?.split('?')[1] ?? '';
      const msn = playlist.segments.at(-1)?.sequence ?? 0;
      expect((await media(`${key}/${msn}.5.m4s?${grant}`)).status).toBe(400);
    });
  });

  describe('blocking playlist reload', () => {
    it('holds a reload for the next part and answers once the playlist has it', async () => {
      const playlist = await live();
      const last = playlist.parts.at(-1) as { sequence: number; index: number };
      const next =
        last.index === 4 ? { msn: last.sequence + 1, part: 0 } : { msn: last.sequence, part: last.index + 1 };
      const reloaded = await live(`?_HLS_msn=${next.msn}&_HLS_part=${next.part}`);
      const answeredAt = Date.now();
      expect([
        reloaded.parts.some((p) => p.sequence === next.msn && p.index === next.part),
        answeredAt >= partCompleteAt(next),
      ]).toEqual([true, true]);
    });

    it('holds a reload for a whole segment until it is listed', async () => {
      const msn = (newestPartAt(Date.now())?.msn ?? 0) + 1;
      const reloaded = await live(`?_HLS_msn=${msn}`);
      expect(reloaded.segments.at(-1)?.sequence).toBeGreaterThanOrEqual(msn);
    });

    it('sends a preload-hinted part once it exists', async () => {
      const playlist = await live();
      const response = await media(playlist.preloadHint?.uri ?? '');
      expect([response.status, (await bytesOf(response)).length > 0]).toEqual([200, true]);
    });

    it('refuses a segment more than two beyond the last 400, at once', async () => {
      const msn = (newestPartAt(Date.now())?.msn ?? 0) + 4;
      const response = await get(`/hls/cam-ll/sub/live.m3u8?_HLS_msn=${msn}`);
      expect([response.status, await errorCode(response)]).toEqual([400, 'invalid']);
    });

    it.each([
      ['a huge msn', '_HLS_msn=99999999999999999999'],
      ['a negative msn', '_HLS_msn=-1'],
      ['a NaN msn', '_HLS_msn=NaN'],
      ['a fractional msn', '_HLS_msn=1.5'],
      ['an exponent', '_HLS_msn=1e12'],
      ['a repeated msn', '_HLS_msn=1&_HLS_msn=2'],
      ['a part without msn', '_HLS_part=1'],
      ['a part out of range', `_HLS_msn=${Math.floor(Date.now() / 1000)}&_HLS_part=999`],
      ['a negative part', `_HLS_msn=${Math.floor(Date.now() / 1000)}&_HLS_part=-1`],
    ])('refuses %s 400 and keeps serving', async (_name, query) => {
      const refused = await get(`/hls/cam-ll/sub/live.m3u8?${query}`);
      const served = await get('/hls/cam-ll/sub/live.m3u8');
      expect([refused.status, await errorCode(refused), served.status]).toEqual([400, 'invalid', 200]);
    });

    it('holds many reloads at once, stays responsive, and lets every one go', async () => {
      const msn = (newestPartAt(Date.now())?.msn ?? 0) + 2;
      const { hostname, port } = new URL(server.base);
      // A socket per request (no agent): 300 reloads really held at once, as 300 players would.
      const blocked = Array.from(
        { length: 300 },
        () =>
          new Promise<number>((resolve, reject) => {
            http
              .get(
                {
                  hostname,
                  port,
                  agent: false,
                  headers: ALICE,
                  path: `/hls/cam-ll/sub/live.m3u8?_HLS_msn=${msn}&_HLS_part=4`,
                },
                (res) => {
                  res.resume();
                  res.on('end', () => resolve(res.statusCode ?? 0));
                },
              )
              .on('error', reject);
          }),
      );
      let held = 0;
      for (let i = 0; i < 20 && held < 300; i++) {
        await sleep(100);
        held = Math.max(held, server.hls.heldRequests());
      }
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const plain = await get('/hls/cam-ll/sub/live.m3u8');
      const plainMs = performance.now() - started;
      const statuses = await Promise.all(blocked);
      console.log(
        `300 blocked reloads: up to ${held} held at once; a plain reload meanwhile took ${plainMs.toFixed(0)} ms; ` +
          `heap ${(heapBefore / 1e6).toFixed(1)} MB`,
      );
      expect([held >= 50, plain.status, statuses.every((s) => s === 200), server.hls.heldRequests()]).toEqual([
        true,
        200,
        true,
        0,
      ]);
    });

    it('ends a held reload when its client goes away', async () => {
      const msn = (newestPartAt(Date.now())?.msn ?? 0) + 2;
      const controller = new AbortController();
      const request = get(`/hls/cam-ll/sub/live.m3u8?_HLS_msn=${msn}&_HLS_part=0`, { signal: controller.signal });
      await sleep(200);
      const heldBefore = server.hls.heldRequests();
      controller.abort();
      await request.catch(() => undefined);
      await sleep(200);
      expect([heldBefore, server.hls.heldRequests()]).toEqual([1, 0]);
    });
  });

  describe('a live source that stalls (the liveSources hook)', () => {
    let stalled: Server;
    /** A source whose newest part never moves: what a stuck live encoder looks like. */
    const frozen = newestPartAt(Date.now()) as PartRef;
    const stuck: LiveMediaSource = {
      key: () => 'abcdefabcdefabcd',
      newestPart: () => frozen,
      oldestSegment: () => frozen.msn - 5,
      independent: (ref) => ref.part === 0,
      partDurationMs: () => 200,
      init: async () => null,
      part: async () => null,
      segment: async () => null,
      waitFor: (_ref, timeoutMs, signal) => waitForClock(() => 0, 1, timeoutMs, signal),
    };

    beforeAll(async () => {
      stalled = await startServer(cacheDir, cameras, {
        liveSources: (cam) => (cam.id === 'cam-ll2' ? stuck : null),
        maxHeldRequests: 5,
      });
    });
    afterAll(() => stalled.app.close());
    const getStalled = (p: string) => fetch(`${stalled.base}${p}`, { headers: ALICE });

    it("serves the picked source's playlist, naming its encoding", async () => {
      const playlist = parseMediaPlaylist(await (await getStalled('/hls/cam-ll2/sub/live.m3u8')).text());
      expect([keyOf(playlist.segments[0]?.map), playlist.parts.at(-1)?.sequence]).toEqual([
        'abcdefabcdefabcd',
        frozen.msn,
      ]);
    });

    it('answers a reload for a part that does not come 503 after three target durations', async () => {
      const started = performance.now();
      const response = await getStalled(
        `/hls/cam-ll2/sub/live.m3u8?_HLS_msn=${frozen.msn}&_HLS_part=${frozen.part + 1}`,
      );
      const waited = performance.now() - started;
      expect([response.status, await errorCode(response), waited >= 2_900]).toEqual([503, 'timeout', true]);
    });

    it('answers 503 busy at once beyond its held-request bound, and serves the rest', async () => {
      const query = `?_HLS_msn=${frozen.msn}&_HLS_part=${frozen.part + 1}`;
      const responses = await Promise.all(
        Array.from({ length: 8 }, async () => {
          const response = await getStalled(`/hls/cam-ll2/sub/live.m3u8${query}`);
          return `${response.status} ${await errorCode(response)}`;
        }),
      );
      expect(responses.sort()).toEqual([...Array(5).fill('503 timeout'), ...Array(3).fill('503 busy')].sort());
    });

    it('ends held reloads when the server closes, without waiting them out', async () => {
      const closing = await startServer(cacheDir, cameras, { liveSources: () => stuck });
      const request = fetch(`${closing.base}/hls/cam-ll2/sub/live.m3u8?_HLS_msn=${frozen.msn + 1}&_HLS_part=0`, {
        headers: ALICE,
      });
      await sleep(200);
      const started = performance.now();
      await closing.app.close();
      const closeMs = performance.now() - started;
      const status = await request.then((r) => r.status).catch(() => 0);
      expect([closeMs < 2_500, [0, 503].includes(status)]).toEqual([true, true]);
    });
  });
});
