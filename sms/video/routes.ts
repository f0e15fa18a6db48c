// The /hls/... GET routes: multivariant and media playlists computed from the clock, segments and
// parts read from a LiveMediaSource (a fixed camera's loop cache, or what `liveSources` gives, e.g.
// a PTZ camera's live encode). The live playlist is low-latency HLS with blocking reloads (see
// llPlaylist.ts, blockingReload.ts). Every path parameter is parsed before use; only cache keys
// (hex) and loop indexes (integers) ever reach a file path.
//
// Access: every request needs a signed-in user (bearer token; 401 without). A playlist is served
// only if `access.mayView` agrees (the reason-for-viewing gate; 403). A media playlist writes a
// grant into every init and segment URI (see grants.ts), and init and segments are served only
// with a valid, unexpired grant for the same user, camera and stream (403): their paths alone,
// which derive from public inputs, open nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Camera } from '../../shared/protocol';
import type { BlockedRequests, HeldRequest } from './blockedRequests';
import { ADVANCE_PART_LIMIT, BLOCKING_RELOAD_TIMEOUT_MS, decideReload } from './blockingReload';
import { grantExpiry, LIVE_GRANT_MS, VOD_GRANT_MS, type GrantRefusal, type SegmentGrants } from './grants';
import { lowLatencyPlaylist } from './llPlaylist';
import { lastCompleteSequence, vodPlaylist } from './livePlaylist';
import { LIVE_KEY_PATTERN, type LiveMediaSource, type PartRef } from './liveSource';
import type { LoopLibrary } from './loopLibrary';
import { loopBelongsTo, type LoopSources } from './loopSource';
import { multivariantPlaylist } from './multivariant';
import { partIndex } from './partTime';
import { STREAM_PROFILES } from './profiles';
import { LOOP_FILES, PROFILE_RECIPES, profileFor, type StreamKind } from './recipe';

/** A playlist a request asks for, as passed to `HlsAccess.mayView`. */
export interface HlsTarget {
  cameraId: string;
  stream: StreamKind;
  resource: 'multivariant' | 'live' | 'vod';
}

/** The signed-in user an HLS request speaks for. */
export interface HlsViewer {
  userId: string;
}

/** Who may have which stream: the SMS's sign-in and its reason-for-viewing gate. */
export interface HlsAccess {
  /** The user of the request's bearer token, or null when it is missing or invalid (401). */
  viewer: (request: FastifyRequest) => HlsViewer | null;
  /** Whether `viewer` may have the playlist `target` now; false answers 403. Init and segments are gated by grants. */
  mayView: (viewer: HlsViewer, target: HlsTarget) => boolean | Promise<boolean>;
}

/** Picks a camera stream's live media other than its loop (a PTZ camera's live encode), or null for the loop. */
export type LiveSourcePicker = (camera: Camera, stream: StreamKind) => LiveMediaSource | null;

/** What the routes need from `registerHls`. */
export interface HlsRouteContext {
  library: LoopLibrary;
  loops: LoopSources;
  liveSources?: LiveSourcePicker;
  /** Requests held open (blocked reloads, hinted parts, first playlists): bounded, ended on close. */
  blocked: BlockedRequests;
  /** How long a live playlist with nothing to serve yet waits for its quick first rendition. */
  firstMediaWaitMs: number;
  cameras: () => Iterable<Camera>;
  now: () => number;
  windowSegments: number;
  maxVodMs: number;
  access: HlsAccess;
  grants: SegmentGrants;
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
/** Segment `<msn>.m4s` or part `<msn>.<part>.m4s`, msn up to 13 digits (seconds since the epoch for 300,000 years). */
const MEDIA_FILE = /^(\d{1,13})(?:\.([0-4]))?\.m4s$/;
const FileParams = z.object({
  cameraId: CameraIdParam,
  stream: StreamParam,
  key: z.string().regex(LIVE_KEY_PATTERN),
  file: z.union([z.literal('init.mp4'), z.string().regex(MEDIA_FILE)]),
});
const EpochMs = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);
const VodQuery = z.object({ from: EpochMs, to: EpochMs });
/** The grant of an init or segment request; checked by `SegmentGrants.check`, which takes anything. */
const GrantQuery = z.object({ grant: z.unknown() });

const MIME = {
  playlist: 'application/vnd.apple.mpegurl',
  init: 'video/mp4',
  segment: 'video/iso.segment',
} as const;
const CACHE = {
  /** Served per signed-in user (gated), and checked again each time: it must follow a camera's changes. */
  multivariant: 'private, no-cache',
  /** Live playlists change every second, and media playlists carry this user's grants: keep none. */
  media: 'no-store',
  error: 'no-store',
} as const;
/**
 * Init and segments: their bytes never change (the URL carries the loop key and absolute sequence),
 * but they are served only to a signed-in user with a grant, so no shared cache may keep them
 * (`private`; a public cache would hand them to anyone with the URL), and the browser keeps them
 * only as long as the grant in their URL lasts.
 */
const mediaCache = (grantExpiresAt: number, now: number) =>
  `private, max-age=${Math.max(0, Math.floor((grantExpiresAt - now) / 1000))}, immutable`;

/** What a refused grant answers (always 403: the user is signed in, the URL does not entitle them). */
const GRANT_REFUSALS: Record<GrantRefusal, string> = {
  missing: 'segments need the grant their media playlist gives them',
  malformed: 'the grant is malformed',
  mismatch: 'the grant is not valid for this user, camera and stream',
  expired: 'the grant expired: load the media playlist again',
};

// CORS is the app's (the cors plugin of sms/http/server.ts, as for /api): no header here.
function send(reply: FastifyReply, status: number, type: string, cache: string, body: string | Buffer): FastifyReply {
  return reply.code(status).header('Cache-Control', cache).type(type).send(body);
}

function fail(reply: FastifyReply, status: number, error: string, message: string, retryAfter?: number): FastifyReply {
  if (retryAfter !== undefined) reply.header('Retry-After', String(retryAfter));
  if (status === 401) reply.header('WWW-Authenticate', 'Bearer');
  return send(
    reply,
    status,
    'application/json; charset=utf-8',
    CACHE.error,
    JSON.stringify({ error: { code: error, message } }),
  );
}

function findCamera(cameras: Iterable<Camera>, id: string): Camera | undefined {
  for (const camera of cameras) if (camera.id === id) return camera;
  return undefined;
}

/** What a request's own check decided: go on with `value`, or answer 403 with `message`. */
type Checked<R> = { ok: true; value: R } | { ok: false; message: string };

/** Adds the HLS routes to `app`. */
export function registerHlsRoutes(app: FastifyInstance, ctx: HlsRouteContext): void {
  const { library, loops, access, grants, blocked } = ctx;

  /**
   * After a wait: a response answered while the server closes says `Connection: close`, so its
   * keep-alive socket ends with it instead of holding the close for the keep-alive timeout.
   */
  function afterWait(reply: FastifyReply): void {
    if (ctx.isClosed()) reply.header('Connection', 'close');
  }

  /** Holds a request, or answers 503 busy and returns null when too many are held already. */
  function hold(reply: FastifyReply): HeldRequest | null {
    const held = blocked.hold(reply);
    if (!held) fail(reply, 503, 'busy', 'too many requests are waiting for video; retry shortly', 1);
    return held;
  }

  /**
   * The live media of a camera stream whose encoding is `key`: the picked live source when that
   * key is its own, else the loop when the key is one of this camera stream's loops, else null.
   */
  async function sourceOf(camera: Camera, stream: StreamKind, key: string): Promise<LiveMediaSource | null> {
    const live = ctx.liveSources?.(camera, stream) ?? null;
    if (live && (live.key() === key || (await live.init(key)) !== null)) return live;
    const manifest = await library.manifest(key);
    return manifest && loopBelongsTo(manifest, camera.id, stream) ? loops.source(camera, stream) : null;
  }

  /**
   * Parses params, requires a signed-in user, runs the route's own check, finds the camera; answers
   * the error itself and returns null on failure.
   */
  async function admit<T extends { cameraId: string }, R>(
    request: FastifyRequest,
    reply: FastifyReply,
    schema: z.ZodType<T>,
    check: (params: T, viewer: HlsViewer) => Checked<R> | Promise<Checked<R>>,
  ): Promise<{ params: T; camera: Camera; viewer: HlsViewer; checked: R } | null> {
    const parsed = schema.safeParse(request.params);
    if (!parsed.success) {
      fail(reply, 400, 'invalid', `bad HLS path: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return null;
    }
    if (ctx.isClosed()) {
      fail(reply, 503, 'closed', 'video service is shutting down');
      return null;
    }
    const viewer = access.viewer(request);
    if (!viewer) {
      fail(reply, 401, 'unauthorized', 'sign in to view cameras (Authorization: Bearer <token>)');
      return null;
    }
    const params = parsed.data;
    const checked = await check(params, viewer);
    if (!checked.ok) {
      fail(reply, 403, 'forbidden', checked.message);
      return null;
    }
    const camera = findCamera(ctx.cameras(), params.cameraId);
    if (!camera) {
      fail(reply, 404, 'not_found', `no camera ${params.cameraId}`);
      return null;
    }
    return { params, camera, viewer, checked: checked.value };
  }

  /** The playlists' check: the access gate (an open view, for a gated stream). */
  const mayView =
    <T extends { cameraId: string }>(target: (params: T) => Omit<HlsTarget, 'cameraId'>) =>
    async (params: T, viewer: HlsViewer): Promise<Checked<null>> =>
      (await access.mayView(viewer, { cameraId: params.cameraId, ...target(params) }))
        ? { ok: true, value: null }
        : { ok: false, message: 'not allowed to view this camera' };

  const offline = (reply: FastifyReply, camera: Camera) =>
    fail(reply, 503, 'offline', `camera ${camera.id} is offline`, 2);

  app.get('/hls/:cameraId/:file', async (request, reply) => {
    const stream = (p: z.infer<typeof MultivariantParams>): StreamKind => (p.file === 'sub.m3u8' ? 'sub' : 'main');
    const admitted = await admit(
      request,
      reply,
      MultivariantParams,
      mayView((p) => ({ stream: stream(p), resource: 'multivariant' })),
    );
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
    return send(reply, 200, MIME.playlist, CACHE.multivariant, body);
  });

  app.get('/hls/:cameraId/:stream/:file', async (request, reply) => {
    const admitted = await admit(
      request,
      reply,
      MediaParams,
      mayView((p) => ({ stream: p.stream, resource: p.file === 'live.m3u8' ? 'live' : 'vod' })),
    );
    if (!admitted) return reply;
    const { camera, params, viewer } = admitted;
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
    // Grants are issued only below, after the gate above agreed: once a gated view ends, its user
    // gets no new grants, and those already issued run out within their life (LIVE_GRANT_MS, or
    // VOD_GRANT_MS for a recording); segments and parts do not ask the gate again.
    const issue = (life: number) =>
      grants.issue({ userId: viewer.userId, cameraId: camera.id, stream: params.stream }, grantExpiry(ctx.now(), life));
    if (range) {
      // Recordings always come from the loop, whatever serves the camera live.
      const opened = await loops.open(camera, params.stream, 0, new AbortController().signal);
      if (opened.state === 'encoding') return fail(reply, 503, 'encoding', 'stream is being prepared', 1);
      // Why it failed is in the SMS log (LoopLibrary); the caller learns only that it did.
      if (opened.state === 'failed') return fail(reply, 500, 'encode_failed', 'the stream could not be prepared');
      const key = opened.source.current?.key ?? '';
      const grant = issue(VOD_GRANT_MS);
      const body = vodPlaylist({
        from: range.from,
        to: range.to,
        now: ctx.now(),
        uris: { init: `${key}/${LOOP_FILES.init}?grant=${grant}`, segment: (k) => `${key}/${k}.m4s?grant=${grant}` },
      });
      if (body === null) return fail(reply, 404, 'not_found', 'no recorded segment in that range');
      return send(reply, 200, MIME.playlist, CACHE.media, body);
    }

    const held = hold(reply);
    if (!held) return reply;
    try {
      let source = ctx.liveSources?.(camera, params.stream) ?? null;
      if (!source) {
        const opened = await loops.open(camera, params.stream, ctx.firstMediaWaitMs, held.signal);
        afterWait(reply);
        if (opened.state === 'encoding') return fail(reply, 503, 'encoding', 'stream is being prepared', 1);
        if (opened.state === 'failed') return fail(reply, 500, 'encode_failed', 'the stream could not be prepared');
        source = opened.source;
      }
      const newest = source.newestPart(ctx.now());
      if (!newest || source.key() === null) return fail(reply, 503, 'encoding', 'stream is being prepared', 1);
      const decision = decideReload(request.query, newest);
      if (decision.kind === 'refuse') return fail(reply, 400, 'invalid', decision.message);
      if (decision.kind === 'wait') {
        const arrived = await source.waitFor(decision.until, BLOCKING_RELOAD_TIMEOUT_MS, held.signal);
        afterWait(reply);
        // A client that went away gets nothing; a server closing answers below.
        if (reply.raw.destroyed) return reply;
        if (ctx.isClosed()) return fail(reply, 503, 'closed', 'video service is shutting down');
        if (!arrived) {
          return fail(reply, 503, 'timeout', `part ${decision.until.part} of segment ${decision.until.msn} is late`, 1);
        }
      }
      const grant = issue(LIVE_GRANT_MS);
      const body = lowLatencyPlaylist({
        source,
        now: ctx.now(),
        windowSegments: ctx.windowSegments,
        uris: {
          init: (key) => `${key}/${LOOP_FILES.init}?grant=${grant}`,
          segment: (key, msn) => `${key}/${msn}.m4s?grant=${grant}`,
          part: (key, ref) => `${key}/${ref.msn}.${ref.part}.m4s?grant=${grant}`,
        },
        // No EXT-X-RENDITION-REPORT: each multivariant playlist (main.m3u8, sub.m3u8) has one variant,
        // so a media playlist has no sibling rendition to report.
      });
      if (body === null) return fail(reply, 503, 'encoding', 'stream is being prepared', 1);
      return send(reply, 200, MIME.playlist, CACHE.media, body);
    } finally {
      held.release();
    }
  });

  app.get('/hls/:cameraId/:stream/:key/:file', async (request, reply) => {
    const admitted = await admit(request, reply, FileParams, (params, viewer): Checked<number> => {
      const query = GrantQuery.safeParse(request.query);
      const checked = grants.check(
        query.success ? query.data.grant : undefined,
        { userId: viewer.userId, cameraId: params.cameraId, stream: params.stream },
        ctx.now(),
      );
      return checked.ok ? { ok: true, value: checked.expiresAt } : { ok: false, message: GRANT_REFUSALS[checked.why] };
    });
    if (!admitted) return reply;
    const { camera, params, checked: grantExpiresAt } = admitted;
    const source = await sourceOf(camera, params.stream, params.key);
    if (!source) return fail(reply, 404, 'not_found', 'no such stream version');
    const cache = () => mediaCache(grantExpiresAt, ctx.now());
    if (params.file === 'init.mp4') {
      const init = await source.init(params.key);
      if (!init) return fail(reply, 404, 'not_found', 'no such stream version');
      return send(reply, 200, MIME.init, cache(), toBuffer(init));
    }
    const [, msnText = '', partText] = MEDIA_FILE.exec(params.file) ?? [];
    const msn = Number(msnText);
    if (partText === undefined) {
      if (msn > lastCompleteSequence(ctx.now())) return fail(reply, 404, 'not_found', 'segment not complete yet');
      const segment = await source.segment(params.key, msn);
      if (!segment) return fail(reply, 404, 'not_found', 'no such segment');
      return send(reply, 200, MIME.segment, cache(), toBuffer(segment));
    }
    const ref: PartRef = { msn, part: Number(partText) };
    const newest = source.newestPart(ctx.now());
    if (!newest || partIndex(ref) > partIndex(newest) + ADVANCE_PART_LIMIT) {
      return fail(reply, 404, 'not_found', 'part not complete yet');
    }
    if (partIndex(ref) > partIndex(newest)) {
      // A preload hint: the player asks for the next part before it exists; it is sent once it does.
      const held = hold(reply);
      if (!held) return reply;
      try {
        const arrived = await source.waitFor(ref, BLOCKING_RELOAD_TIMEOUT_MS, held.signal);
        afterWait(reply);
        if (reply.raw.destroyed) return reply;
        if (!arrived) return fail(reply, 503, 'timeout', 'part is late', 1);
      } finally {
        held.release();
      }
    }
    const part = await source.part(params.key, ref);
    if (!part) return fail(reply, 404, 'not_found', 'no such part');
    return send(reply, 200, MIME.segment, cache(), toBuffer(part));
  });
}

/** The bytes as a Buffer without copying (fastify sends Buffers as they are). */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
