// Synthetic live HLS cameras for the reference SMS: each camera's loop is encoded once into a cache,
// then served as a sliding live playlist computed from the clock, so serving costs no encoding at all.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import type { FastifyInstance } from 'fastify';
import type { Camera } from '../../shared/protocol';
import { removeStalePartials } from './encoder';
import { LoopLibrary, type LoopLibraryStats } from './loopLibrary';
import { createSegmentGrants } from './grants';
import { prewarmOrder } from './prewarmOrder';
import { registerHlsRoutes, type HlsAccess } from './routes';

export type { HlsAccess } from './routes';

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
  /** Queue every camera's sub then main stream when the server is ready; otherwise encode on first request. */
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
}

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
 * answers a multivariant playlist, `<stream>/live.m3u8` the live media playlist,
 * `<stream>/vod.m3u8?from=&to=` a recorded range, `<stream>/<key>/init.mp4?grant=` and
 * `<stream>/<key>/<k>.m4s?grant=` the media (their grants come with the media playlist; see routes.ts
 * for who may have what). Encoding never blocks: a media playlist whose loop is not ready answers 503, Retry-After 1.
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

  let closed = false;
  const close = async () => {
    closed = true;
    await library.close();
  };

  registerHlsRoutes(app, {
    library,
    cacheDir,
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
      const order = prewarmOrder([...opts.cameras()], opts.prewarmFirst?.() ?? []);
      library.prewarm(order.map(({ camera, stream }) => library.plan(camera, stream)));
    });
  }
  app.addHook('onClose', close);

  return { close, stats: () => library.stats() };
}
