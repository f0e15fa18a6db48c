// Synthetic live HLS cameras for the reference SMS: each camera's loop is encoded once into a cache,
// then served as a sliding live playlist computed from the clock, so serving costs no encoding at all.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import type { FastifyInstance } from 'fastify';
import type { Camera } from '../../shared/protocol';
import { BlockedRequests } from './blockedRequests';
import { removeStalePartials } from './encoder';
import type { LiveMediaSource } from './liveSource';
import { LoopLibrary, type LoopLibraryStats } from './loopLibrary';
import { LoopSources } from './loopSource';
import { createSegmentGrants } from './grants';
import { prewarmOrder } from './prewarmOrder';
import type { StreamKind } from './recipe';
import { registerHlsRoutes, type HlsAccess } from './routes';

export type { HlsAccess } from './routes';
export type { LiveMediaSource } from './liveSource';

/** The font burnt-in labels use when it is installed (Debian `fonts-dejavu-core`). */
const LABEL_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';

/** Options of `registerHls`. */
export interface HlsOptions {
  /** Where encoded loops are kept across runs (e.g. `<data>/hls-cache`). */
  cacheDir: string;
  /** The current cameras; read on every request, so online status and renames apply at once. */
  cameras: () => Iterable<Camera>;
  /**
   * The clock segments are numbered by (ms since the epoch). Video plays in real time: a clock running
   * faster than real time makes the live edge run away from every player.
   */
  now: () => number;
  /**
   * Queue every camera's sub then main stream when the server is ready (and the quick first
   * renditions of the `prewarmFirst` cameras' sub streams before anything); otherwise encode on first
   * request. Either way a camera asked for is encoded first: a quick rendition at once, then its loop.
   */
  prewarm: boolean;
  /**
   * With `prewarm`: cameras whose sub streams are encoded before any other loop, in this order
   * (the room wall's, so that it plays at once). Read when the server is ready.
   */
  prewarmFirst?: () => readonly string[];
  /** Seconds in each camera's loop (one segment each). Default 10. */
  loopSeconds?: number;
  /** Complete segments in a live playlist. Default 6. */
  windowSegments?: number;
  /** Longest recorded range a VOD playlist may cover, ms. Default 6 hours. */
  maxVodMs?: number;
  /** ffmpeg binary; default the one from `@ffmpeg-installer/ffmpeg`. */
  ffmpegPath?: string;
  /** Who may have which stream: every request needs a signed-in user, a playlist `mayView`'s yes. */
  access: HlsAccess;
  /**
   * The live media of a camera stream when it is not the camera's loop (a PTZ camera's live encode),
   * or null for the loop. Read on every live request; recordings always come from the loop.
   */
  liveSources?: (camera: Camera, stream: StreamKind) => LiveMediaSource | null;
  /**
   * Most requests held open at once (blocking reloads, preload-hinted parts, first playlists waiting
   * for their quick encode); beyond it they are answered 503 at once. Default 2,000.
   */
  maxHeldRequests?: number;
  /**
   * Secret the segment grants are keyed from (the SMS token secret: grants then survive a restart;
   * the grant key is derived from it, so it signs nothing else).
   */
  grantSecret: string;
}

/** What `registerHls` returns. */
export interface HlsHandle {
  /** Stops encoding (kills ffmpeg) and makes the routes answer 503. Also runs on the app's close. */
  close(): Promise<void>;
  /** Loop counts by state. */
  stats(): LoopLibraryStats;
  /** Requests held open now (blocking reloads, hinted parts, first playlists waiting for media). */
  heldRequests(): number;
}

/**
 * How long a live playlist with nothing to serve yet waits for its quick first rendition (a fraction
 * of a second to encode) before answering 503 with Retry-After: answering with media beats a retry.
 */
const FIRST_MEDIA_WAIT_MS = 4_000;

/** Partial encodes older than this were left by a process that died. */
const STALE_PARTIAL_MS = 10 * 60_000;

function integerIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
  return value;
}

/** First line of `ffmpeg -version`: part of every cache key, so another ffmpeg build re-encodes. */
function ffmpegVersion(ffmpegPath: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(ffmpegPath, ['-hide_banner', '-version'], { timeout: 10_000 }, (error, stdout) => {
      resolve(error ? `unknown (${ffmpegPath})` : (stdout.split('\n')[0] ?? '').trim());
    });
  });
}

/**
 * Adds the `/hls/...` GET routes to `app` (call before it is ready): `streamUrl(id, 'main'|'sub')`
 * answers a multivariant playlist, `<stream>/live.m3u8` the low-latency live media playlist (blocking
 * reloads on `_HLS_msn`/`_HLS_part`), `<stream>/vod.m3u8?from=&to=` a recorded range,
 * `<stream>/<key>/init.mp4?grant=`, `<stream>/<key>/<msn>.m4s?grant=` and
 * `<stream>/<key>/<msn>.<part>.m4s?grant=` the media (their grants come with the media playlist; see
 * routes.ts for who may have what). Encoding never blocks the loop: a live playlist with nothing to
 * serve waits (bounded) for a quick first rendition, then answers 503, Retry-After 1.
 */
export async function registerHls(app: FastifyInstance, opts: HlsOptions): Promise<HlsHandle> {
  const loopSeconds = integerIn('loopSeconds', opts.loopSeconds ?? 10, 1, 600);
  const windowSegments = integerIn('windowSegments', opts.windowSegments ?? 6, 3, 60);
  const maxVodMs = integerIn('maxVodMs', opts.maxVodMs ?? 6 * 3_600_000, 1_000, 7 * 24 * 3_600_000);
  const cacheDir = path.resolve(opts.cacheDir);
  await mkdir(cacheDir, { recursive: true });
  await removeStalePartials(cacheDir, STALE_PARTIAL_MS);

  const ffmpegPath = opts.ffmpegPath ?? ffmpegInstaller.path;
  const fontFile = existsSync(LABEL_FONT) ? LABEL_FONT : null;
  if (!fontFile) app.log.warn({ font: LABEL_FONT }, 'label font missing: burning labels in with the default font');
  const library = new LoopLibrary({
    cacheDir,
    setup: { ffmpegPath, ffmpegVersion: await ffmpegVersion(ffmpegPath), fontFile },
    loopSeconds,
    log: app.log,
  });

  const blocked = new BlockedRequests(integerIn('maxHeldRequests', opts.maxHeldRequests ?? 2_000, 1, 100_000));
  let closed = false;
  const close = async () => {
    closed = true;
    blocked.abortAll();
    await library.close();
  };

  registerHlsRoutes(app, {
    library,
    loops: new LoopSources({ library, cacheDir, now: opts.now, windowSegments }),
    ...(opts.liveSources ? { liveSources: opts.liveSources } : {}),
    blocked,
    firstMediaWaitMs: FIRST_MEDIA_WAIT_MS,
    cameras: opts.cameras,
    now: opts.now,
    windowSegments,
    maxVodMs,
    access: opts.access,
    grants: createSegmentGrants(opts.grantSecret),
    isClosed: () => closed,
  });

  if (opts.prewarm) {
    // At ready, not now: the cameras are seeded by then. Sub streams first: wall tiles play those,
    // and the cameras the room wall shows before all others.
    app.addHook('onReady', async () => {
      const first = opts.prewarmFirst?.() ?? [];
      const order = prewarmOrder([...opts.cameras()], first);
      // The wall's cameras get their quick renditions first (their own queue): the wall plays within
      // seconds of a cold start, while the full loops follow in the background.
      const wall = order.filter(({ camera, stream }) => stream === 'sub' && first.includes(camera.id));
      library.prewarm(wall.map(({ camera, stream }) => library.plan(camera, stream, 'quick')));
      library.prewarm(order.map(({ camera, stream }) => library.plan(camera, stream)));
    });
  }
  // Before the server closes: held requests end now rather than holding the close for seconds.
  app.addHook('preClose', (done) => {
    closed = true;
    blocked.abortAll();
    done();
  });
  app.addHook('onClose', close);

  return { close, stats: () => library.stats(), heldRequests: () => blocked.size };
}
