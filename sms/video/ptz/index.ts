// PTZ cameras' live pictures: one live encode per watched PTZ camera stream (see ptzSession.ts),
// started by the first request for it and stopped IDLE_MS after the last, following the camera's
// ptzState as the commands change it. The HLS routes ask `sourceFor` on every request
// (HlsOptions.liveSources); fixed cameras get null (their loop serves them).
import { existsSync } from 'node:fs';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import type { Camera } from '../../../shared/protocol';
import { silentLogger, type Logger } from '../../core/log';
import type { LiveMediaSource, PartRef } from '../liveSource';
import type { StreamKind } from '../recipe';
import { PtzSession, type SpawnEncoder } from './ptzSession';

export { PtzSession } from './ptzSession';

/** The font burnt-in labels use when it is installed (the same as the loops', sms/video/index.ts). */
const LABEL_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';

/** Options of `createPtzLiveSources`. */
export interface PtzLiveOptions {
  /** The current cameras (the video module's getter): each session follows its camera's ptzState. */
  cameras: () => Iterable<Camera>;
  /** Concurrent live encodes at most; more are refused (503, Retry-After). Default 4. */
  maxSessions?: number;
  /** A session stops this long after its last request. Default 10 s. */
  idleMs?: number;
  /** How often sessions re-read their camera's ptzState. Default 50 ms. */
  followMs?: number;
  ffmpegPath?: string;
  fontFile?: string | null;
  log?: Logger;
  /** Wall clock; must be the system's (ffmpeg stamps frames by it). */
  now?: () => number;
  /** Whole segments a session's ring keeps. Default 8. */
  ringSegments?: number;
  /** Bytes a session's ring keeps at most. Default 8 MiB. */
  ringBytes?: number;
  spawn?: SpawnEncoder;
}

/** Counts for logs and tests. */
export interface PtzLiveStats {
  sessions: number;
  refused: number;
  /** ffmpeg runs started so far, restarts included. */
  spawns: number;
}

/** What `createPtzLiveSources` returns. */
export interface PtzLiveSources {
  /** The live source of a PTZ camera stream (starting its encode), a refusal when all are busy, null for a fixed camera. */
  sourceFor(camera: Camera, stream: StreamKind): LiveMediaSource | null;
  /** The running session of a camera stream, if any (tests, benchmark). */
  session(cameraId: string, stream: StreamKind): PtzSession | undefined;
  stats(): PtzLiveStats;
  /** Stops every encode and refuses from then on. */
  close(): Promise<void>;
}

/**
 * What the routes get when every live encode is taken: nothing to serve yet (key null, which the
 * routes answer 503 with Retry-After) until a session ends.
 */
export class PtzBusySource implements LiveMediaSource {
  /** Seconds a client should wait before asking again. */
  readonly retryAfterSeconds = 2;
  readonly busy = true;
  key(): string | null {
    return null;
  }
  newestPart(): PartRef | null {
    return null;
  }
  oldestSegment(now: number): number {
    return Math.floor(now / 1000);
  }
  independent(): boolean {
    return false;
  }
  partDurationMs(): number {
    return 0;
  }
  init(): Promise<Uint8Array | null> {
    return Promise.resolve(null);
  }
  part(): Promise<Uint8Array | null> {
    return Promise.resolve(null);
  }
  segment(): Promise<Uint8Array | null> {
    return Promise.resolve(null);
  }
  waitFor(): Promise<boolean> {
    return Promise.resolve(false);
  }
}

const BUSY = new PtzBusySource();
/** A camera stream whose encoder gave up is retried after this long, if still requested. */
const RETRY_FAILED_MS = 30_000;

function positive(name: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${name} must be in [${min}, ${max}], got ${value}`);
  }
  return value;
}

export function createPtzLiveSources(opts: PtzLiveOptions): PtzLiveSources {
  const maxSessions = positive('maxSessions', opts.maxSessions ?? 4, 1, 64);
  const idleMs = positive('idleMs', opts.idleMs ?? 10_000, 100, 600_000);
  const followMs = positive('followMs', opts.followMs ?? 50, 10, 10_000);
  const now = opts.now ?? Date.now;
  const log = opts.log ?? silentLogger;
  const deps = {
    ffmpegPath: opts.ffmpegPath ?? ffmpegInstaller.path,
    fontFile: opts.fontFile === undefined ? (existsSync(LABEL_FONT) ? LABEL_FONT : null) : opts.fontFile,
    log,
    now,
    ring: {
      maxSegments: positive('ringSegments', opts.ringSegments ?? 8, 2, 60),
      maxBytes: positive('ringBytes', opts.ringBytes ?? 8 * 1024 * 1024, 64 * 1024, 256 * 1024 * 1024),
    },
    ...(opts.spawn ? { spawn: opts.spawn } : {}),
  };
  const sessions = new Map<string, PtzSession>();
  const id = (cameraId: string, stream: StreamKind) => `${cameraId}\n${stream}`;
  let refused = 0;
  let spawnsOfEnded = 0;
  let closed = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  const end = (key: string, session: PtzSession) => {
    sessions.delete(key);
    spawnsOfEnded += session.spawns;
    session.stop().catch((error: unknown) => log.error('ptz session stop failed', error));
    if (sessions.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };

  /** Follows each session's camera and ends idle ones: one pass over the cameras per tick. */
  const tick = () => {
    const wanted = new Map<string, Camera>();
    const ids = new Set([...sessions.values()].map((s) => s.cameraId));
    for (const camera of opts.cameras()) if (ids.has(camera.id)) wanted.set(camera.id, camera);
    const at = now();
    for (const [key, session] of sessions) {
      const camera = wanted.get(session.cameraId);
      if (!camera?.ptz || at - session.lastRequestAt > idleMs) {
        end(key, session);
        continue;
      }
      if (camera.ptzState) session.follow(camera.ptzState);
    }
  };

  return {
    sourceFor(camera, stream) {
      if (!camera.ptz) return null;
      if (closed) return BUSY;
      const key = id(camera.id, stream);
      let session = sessions.get(key);
      // A session that gave up is tried again only after a while (each try spawns ffmpeg again).
      if (!session || (session.state === 'failed' && now() - session.failedAt > RETRY_FAILED_MS)) {
        if (session) end(key, session);
        if (sessions.size >= maxSessions) {
          refused += 1;
          return BUSY;
        }
        session = new PtzSession(camera, stream, deps);
        sessions.set(key, session);
        session.start();
        if (!timer) {
          timer = setInterval(tick, followMs);
          timer.unref();
        }
      }
      session.touch();
      if (camera.ptzState) session.follow(camera.ptzState);
      return session;
    },
    session: (cameraId, stream) => sessions.get(id(cameraId, stream)),
    stats: () => ({
      sessions: sessions.size,
      refused,
      spawns: spawnsOfEnded + [...sessions.values()].reduce((n, s) => n + s.spawns, 0),
    }),
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      timer = null;
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.all(all.map((s) => s.stop()));
    },
  };
}
