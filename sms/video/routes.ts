// The /hls/... GET routes: multivariant and media playlists computed from the clock, segments read
// from the loop cache. Every path parameter is parsed before use; only cache keys (hex) and loop
// indexes (integers) ever reach a file path.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Camera } from '../../shared/protocol';
import { LOOP_KEY_PATTERN, loopDir, type LoopManifest } from './encoder';
import { shiftFragmentTime } from './fragmentTime';
import { lastCompleteSequence, livePlaylist, loopTimeline, segmentSource, vodPlaylist } from './livePlaylist';
import type { LoopLibrary } from './loopLibrary';
import { multivariantPlaylist } from './multivariant';
import { STREAM_PROFILES } from './profiles';
import { cameraLook, LOOP_FILES, PROFILE_RECIPES, profileFor, type StreamKind } from './recipe';

/** What a request asks for, as passed to the authorisation hook (and, later, the viewing audit). */
export interface HlsTarget {
  cameraId: string;
  stream: StreamKind;
  resource: 'multivariant' | 'live' | 'vod' | 'init' | 'segment';
}

/** Decides whether a request may have an HLS resource; false answers 403. */
export type HlsAuthorize = (request: FastifyRequest, target: HlsTarget) => boolean | Promise<boolean>;

/** What the routes need from `registerHls`. */
export interface HlsRouteContext {
  library: LoopLibrary;
  cacheDir: string;
  cameras: () => Iterable<Camera>;
  now: () => number;
  windowSegments: number;
  maxVodMs: number;
  authorize: HlsAuthorize | null;
  isClosed: () => boolean;
}

/**
 * Camera ids as they may appear in an HLS path. Narrower than the protocol's IdSchema on purpose:
 * printable, URL-safe, no slashes, so a path segment can never be anything but an id.
 */
const CameraIdParam = z.string().regex(/^[\w.:@~-]{1,100}$/);
const StreamParam = z.enum(['main', 'sub']);
const MultivariantParams = z.object({ cameraId: CameraIdParam, file: z.enum(['main.m3u8', 'sub.m3u8']) });
const MediaParams = z.object({ cameraId: CameraIdParam, stream: StreamParam, file: z.enum(['live.m3u8', 'vod.m3u8']) });
/** Segments up to 13 digits: seconds since the epoch stay below that for the next 300,000 years. */
const FileParams = z.object({
  cameraId: CameraIdParam,
  stream: StreamParam,
  key: z.string().regex(LOOP_KEY_PATTERN),
  file: z.union([z.literal('init.mp4'), z.string().regex(/^\d{1,13}\.m4s$/)]),
});
const EpochMs = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);
const VodQuery = z.object({ from: EpochMs, to: EpochMs });

const MIME = {
  playlist: 'application/vnd.apple.mpegurl',
  init: 'video/mp4',
  segment: 'video/iso.segment',
} as const;
const CACHE = {
  /** Live playlists change every second; VOD ones must follow a camera that is renamed. */
  playlist: 'no-cache',
  /** Segment URLs carry the loop key and absolute sequence, so their bytes never change. */
  immutable: 'public, max-age=31536000, immutable',
  error: 'no-store',
} as const;

function send(reply: FastifyReply, status: number, type: string, cache: string, body: string | Buffer): FastifyReply {
  return reply
    .code(status)
    .header('Access-Control-Allow-Origin', '*')
    .header('Cache-Control', cache)
    .type(type)
    .send(body);
}

function fail(reply: FastifyReply, status: number, error: string, message: string, retryAfter?: number): FastifyReply {
  if (retryAfter !== undefined) reply.header('Retry-After', String(retryAfter));
  return send(reply, status, 'application/json; charset=utf-8', CACHE.error, JSON.stringify({ error, message }));
}

function findCamera(cameras: Iterable<Camera>, id: string): Camera | undefined {
  for (const camera of cameras) if (camera.id === id) return camera;
  return undefined;
}

/** Whether a loop in the cache is this camera stream's (a key from another camera answers 404). */
function belongsTo(manifest: LoopManifest, cameraId: string, stream: StreamKind): boolean {
  return manifest.cameraId === cameraId && (manifest.profile === 'sub') === (stream === 'sub');
}

/** Adds the HLS routes to `app`. */
export function registerHlsRoutes(app: FastifyInstance, ctx: HlsRouteContext): void {
  const { library } = ctx;

  /** Parses params, authorises, finds the camera; answers the error itself and returns null on failure. */
  async function admit<T extends { cameraId: string }>(
    request: FastifyRequest,
    reply: FastifyReply,
    schema: z.ZodType<T>,
    target: (params: T) => Omit<HlsTarget, 'cameraId'>,
  ): Promise<{ params: T; camera: Camera } | null> {
    const parsed = schema.safeParse(request.params);
    if (!parsed.success) {
      fail(reply, 400, 'invalid', `bad HLS path: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return null;
    }
    if (ctx.isClosed()) {
      fail(reply, 503, 'closed', 'video service is shutting down');
      return null;
    }
    const params = parsed.data;
    if (ctx.authorize && !(await ctx.authorize(request, { cameraId: params.cameraId, ...target(params) }))) {
      fail(reply, 403, 'forbidden', 'not allowed to view this camera');
      return null;
    }
    const camera = findCamera(ctx.cameras(), params.cameraId);
    if (!camera) {
      fail(reply, 404, 'not_found', `no camera ${params.cameraId}`);
      return null;
    }
    return { params, camera };
  }

  const offline = (reply: FastifyReply, camera: Camera) =>
    fail(reply, 503, 'offline', `camera ${camera.id} is offline`, 2);

  app.get('/hls/:cameraId/:file', async (request, reply) => {
    const stream = (p: z.infer<typeof MultivariantParams>): StreamKind => (p.file === 'sub.m3u8' ? 'sub' : 'main');
    const admitted = await admit(request, reply, MultivariantParams, (p) => ({
      stream: stream(p),
      resource: 'multivariant',
    }));
    if (!admitted) return reply;
    const { camera, params } = admitted;
    if (!camera.online) return offline(reply, camera);
    const which = stream(params);
    const profile = profileFor(camera, which);
    // Queue the encode now if it is not cached, but not urgently: a player that cannot decode the
    // codec (HEVC in Chromium) never asks for the media playlist, and its sub stream must not wait.
    library.status(library.plan(camera, which), { urgent: false }).catch((error: unknown) => {
      request.log.error({ err: error }, 'hls loop status failed');
    });
    const body = multivariantPlaylist({
      uri: `${which}/live.m3u8`,
      bandwidth: PROFILE_RECIPES[profile].bandwidth,
      codec: STREAM_PROFILES[profile].codec,
      width: STREAM_PROFILES[profile].width,
      height: STREAM_PROFILES[profile].height,
      frameRate: PROFILE_RECIPES[profile].fps,
    });
    return send(reply, 200, MIME.playlist, CACHE.playlist, body);
  });

  app.get('/hls/:cameraId/:stream/:file', async (request, reply) => {
    const admitted = await admit(request, reply, MediaParams, (p) => ({
      stream: p.stream,
      resource: p.file === 'live.m3u8' ? 'live' : 'vod',
    }));
    if (!admitted) return reply;
    const { camera, params } = admitted;
    const live = params.file === 'live.m3u8';
    // A cut camera lists no new segments; its recordings stay playable.
    if (live && !camera.online) return offline(reply, camera);
    let range: z.infer<typeof VodQuery> | null = null;
    if (!live) {
      const query = VodQuery.safeParse(request.query);
      if (!query.success) return fail(reply, 400, 'invalid', 'vod.m3u8 needs from and to in ms since the epoch');
      if (query.data.to - query.data.from > ctx.maxVodMs) {
        return fail(reply, 400, 'invalid', `a recorded range is at most ${ctx.maxVodMs} ms`);
      }
      range = query.data;
    }
    const status = await library.status(library.plan(camera, params.stream), { urgent: true });
    if (status.state === 'encoding') return fail(reply, 503, 'encoding', 'stream is being prepared', 1);
    // Why it failed is in the SMS log (LoopLibrary); the caller, perhaps not signed in, learns only that it did.
    if (status.state === 'failed') return fail(reply, 500, 'encode_failed', 'the stream could not be prepared');
    const { manifest } = status;
    const uris = { init: `${manifest.key}/${LOOP_FILES.init}`, segment: (k: number) => `${manifest.key}/${k}.m4s` };
    const now = ctx.now();
    if (!range) {
      return send(
        reply,
        200,
        MIME.playlist,
        CACHE.playlist,
        livePlaylist({ now, uris, windowSegments: ctx.windowSegments }),
      );
    }
    const body = vodPlaylist({ from: range.from, to: range.to, now, uris });
    if (body === null) return fail(reply, 404, 'not_found', 'no recorded segment in that range');
    return send(reply, 200, MIME.playlist, CACHE.playlist, body);
  });

  app.get('/hls/:cameraId/:stream/:key/:file', async (request, reply) => {
    const admitted = await admit(request, reply, FileParams, (p) => ({
      stream: p.stream,
      resource: p.file === 'init.mp4' ? 'init' : 'segment',
    }));
    if (!admitted) return reply;
    const { camera, params } = admitted;
    const manifest = await library.manifest(params.key);
    if (!manifest || !belongsTo(manifest, camera.id, params.stream)) {
      return fail(reply, 404, 'not_found', 'no such stream version');
    }
    const dir = loopDir(ctx.cacheDir, manifest.key);
    if (params.file === 'init.mp4') {
      return send(reply, 200, MIME.init, CACHE.immutable, await readFile(path.join(dir, LOOP_FILES.init)));
    }
    const sequence = Number(params.file.slice(0, -'.m4s'.length));
    if (sequence > lastCompleteSequence(ctx.now())) return fail(reply, 404, 'not_found', 'segment not complete yet');
    const source = segmentSource(sequence, loopTimeline(manifest.segmentCount, cameraLook(camera.id).phaseSeed));
    const loopFile = await readFile(path.join(dir, LOOP_FILES.segment(source.loopIndex)));
    const body = shiftFragmentTime(loopFile, BigInt(source.shiftSeconds) * BigInt(manifest.timescale));
    return send(reply, 200, MIME.segment, CACHE.immutable, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  });
}
