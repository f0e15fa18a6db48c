// A fixed camera's live media: its encoded loop laid over the clock (see livePlaylist.ts), cut into
// parts. Nothing is encoded per viewer: part j of segment k is part j of loop second
// (k + phase) mod N, its times moved by whole seconds, and it exists once its 200 ms have elapsed.
//
// A camera stream may change encodings while it plays: the quick first rendition served on a cold
// cache gives way to the full loop once that is encoded (and a renamed camera's new loop replaces
// the old one). Each change takes effect from a segment that no playlist has listed yet, so a part
// once listed keeps its URI; the playlist writes a new EXT-X-MAP there. Media times stay wall time.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Camera } from '../../shared/protocol';
import { LOOP_KEY_PATTERN, loopDir, type LoopManifest } from './encoder';
import { shiftFragmentTime } from './fragmentTime';
import { lastCompleteSequence, loopTimeline, segmentSource } from './livePlaylist';
import { PART_MS, PARTS_PER_SEGMENT, type LiveMediaSource, type PartRef } from './liveSource';
import type { LoopLibrary } from './loopLibrary';
import { newestPartAt, partCompleteAt, waitForClock } from './partTime';
import { cameraLook, LOOP_FILES, type StreamKind } from './recipe';

/** What loop sources need. */
export interface LoopSourceContext {
  library: LoopLibrary;
  cacheDir: string;
  now: () => number;
  /** Complete segments a live playlist lists. */
  windowSegments: number;
}

/** One encoding of a camera stream, in use from segment `from` on. */
interface Span {
  from: number;
  manifest: LoopManifest;
}

/** Whether a loop in the cache is this camera stream's (a key from another camera serves nothing). */
export function loopBelongsTo(manifest: LoopManifest, cameraId: string, stream: StreamKind): boolean {
  return manifest.cameraId === cameraId && (manifest.profile === 'sub') === (stream === 'sub');
}

/** The live media of one fixed camera's stream, from its loops in the cache. */
export class LoopLiveSource implements LiveMediaSource {
  readonly #ctx: LoopSourceContext;
  readonly #cameraId: string;
  readonly #stream: StreamKind;
  readonly #phaseSeed: number;
  /** Encodings in use, oldest first; a few at most (older ones are dropped once out of every window). */
  #spans: Span[] = [];

  constructor(ctx: LoopSourceContext, cameraId: string, stream: StreamKind) {
    this.#ctx = ctx;
    this.#cameraId = cameraId;
    this.#stream = stream;
    this.#phaseSeed = cameraLook(cameraId).phaseSeed;
  }

  /** Whether any encoding can be served yet. */
  get hasMedia(): boolean {
    return this.#spans.length > 0;
  }

  /** The rendition now in use for new segments (null before any). */
  get current(): LoopManifest | null {
    return this.#spans.at(-1)?.manifest ?? null;
  }

  /**
   * Serves `manifest` from the first segment no playlist can have listed yet at `now` (the one after
   * the segment in progress, whose parts and preload hint may be out), or from the start when it is
   * the first encoding. A manifest already current changes nothing.
   */
  adopt(manifest: LoopManifest, now: number): void {
    if (!loopBelongsTo(manifest, this.#cameraId, this.#stream)) {
      throw new RangeError(`loop ${manifest.key} is not ${this.#cameraId} ${this.#stream}`);
    }
    if (this.current?.key === manifest.key) return;
    const newest = newestPartAt(now);
    const from = this.#spans.length === 0 ? 0 : (newest?.msn ?? 0) + 2;
    this.#spans.push({ from, manifest });
    // Keep the spans any playlist window (and a player just behind it) can still reach.
    const oldestListed = this.oldestSegment(now) - this.#ctx.windowSegments;
    while (this.#spans.length > 1 && (this.#spans[1]?.from ?? 0) <= oldestListed) this.#spans.shift();
  }

  /** The encoding segment `msn` is listed with, or null before any encoding is ready. */
  keyAt(msn: number): string | null {
    let key: string | null = null;
    for (const span of this.#spans) if (span.from <= msn) key = span.manifest.key;
    return key ?? this.#spans[0]?.manifest.key ?? null;
  }

  key(): string | null {
    const newest = newestPartAt(this.#ctx.now());
    return newest ? this.keyAt(newest.msn) : (this.current?.key ?? null);
  }

  newestPart(now: number): PartRef | null {
    return this.hasMedia ? newestPartAt(now) : null;
  }

  oldestSegment(now: number): number {
    return Math.max(0, lastCompleteSequence(now) - this.#ctx.windowSegments + 1);
  }

  independent(ref: PartRef): boolean {
    // Every loop second starts with a key frame (checked when it was encoded), and no other part does.
    return ref.part === 0;
  }

  partDurationMs(): number {
    return PART_MS;
  }

  async init(key: string): Promise<Uint8Array | null> {
    const manifest = await this.#manifest(key);
    if (!manifest) return null;
    return readFile(path.join(loopDir(this.#ctx.cacheDir, key), LOOP_FILES.init));
  }

  async part(key: string, ref: PartRef): Promise<Uint8Array | null> {
    if (!validRef(ref) || partCompleteAt(ref) > this.#ctx.now()) return null;
    const read = await this.#loopSecond(key, ref.msn);
    if (!read) return null;
    const sizes = read.manifest.partBytes[read.loopIndex] ?? [];
    const start = sizes.slice(0, ref.part).reduce((a, b) => a + b, 0);
    const bytes = read.file.subarray(start, start + (sizes[ref.part] ?? 0));
    return shiftFragmentTime(bytes, BigInt(read.shiftSeconds) * BigInt(read.manifest.timescale));
  }

  async segment(key: string, msn: number): Promise<Uint8Array | null> {
    if (!Number.isSafeInteger(msn) || msn < 0) return null;
    if (partCompleteAt({ msn, part: PARTS_PER_SEGMENT - 1 }) > this.#ctx.now()) return null;
    const read = await this.#loopSecond(key, msn);
    if (!read) return null;
    return shiftFragmentTime(read.file, BigInt(read.shiftSeconds) * BigInt(read.manifest.timescale));
  }

  waitFor(ref: PartRef, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
    return waitForClock(this.#ctx.now, partCompleteAt(ref), timeoutMs, signal);
  }

  /** A loop of this camera stream by key, or null (unknown key, another camera's, not in the cache). */
  async #manifest(key: string): Promise<LoopManifest | null> {
    if (!LOOP_KEY_PATTERN.test(key)) return null;
    const manifest = await this.#ctx.library.manifest(key);
    return manifest && loopBelongsTo(manifest, this.#cameraId, this.#stream) ? manifest : null;
  }

  /** The loop file that plays as segment `msn` under `key`, and how far its times move. */
  async #loopSecond(key: string, msn: number) {
    const manifest = await this.#manifest(key);
    if (!manifest) return null;
    const { loopIndex, shiftSeconds } = segmentSource(msn, loopTimeline(manifest.segmentCount, this.#phaseSeed));
    const file = await readFile(path.join(loopDir(this.#ctx.cacheDir, key), LOOP_FILES.segment(loopIndex)));
    return { manifest, loopIndex, shiftSeconds, file };
  }
}

function validRef(ref: PartRef): boolean {
  return (
    Number.isSafeInteger(ref.msn) &&
    ref.msn >= 0 &&
    Number.isInteger(ref.part) &&
    ref.part >= 0 &&
    ref.part < PARTS_PER_SEGMENT
  );
}

/** What `LoopSources.open` found: a source with media, or why there is none yet. */
export type OpenedLoop = { state: 'ready'; source: LoopLiveSource } | { state: 'encoding' } | { state: 'failed' };

/** Every fixed camera stream's loop source, made on first use, with the encodes they need. */
export class LoopSources {
  readonly #ctx: LoopSourceContext;
  readonly #sources = new Map<string, LoopLiveSource>();

  constructor(ctx: LoopSourceContext) {
    this.#ctx = ctx;
  }

  /** The source of a camera stream (it may have no media yet). */
  source(camera: Pick<Camera, 'id'>, stream: StreamKind): LoopLiveSource {
    const id = `${camera.id}\u0000${stream}`;
    let source = this.#sources.get(id);
    if (!source) {
      source = new LoopLiveSource(this.#ctx, camera.id, stream);
      this.#sources.set(id, source);
    }
    return source;
  }

  /**
   * The source of a camera stream with its newest ready encoding adopted. Queues the full loop
   * urgently; while a stream has nothing to serve, also the quick first rendition, and waits up to
   * `waitMs` (or until `signal` aborts) for it, so a cold camera's first playlist request is answered
   * with media rather than a retry.
   */
  async open(
    camera: Pick<Camera, 'id' | 'name' | 'owner' | 'streams'>,
    stream: StreamKind,
    waitMs: number,
    signal: AbortSignal,
  ): Promise<OpenedLoop> {
    const { library } = this.#ctx;
    const source = this.source(camera, stream);
    const full = library.plan(camera, stream, 'full');
    const status = await library.status(full, { urgent: true });
    if (status.state === 'ready') {
      source.adopt(status.manifest, this.#ctx.now());
      return { state: 'ready', source };
    }
    if (source.hasMedia) return { state: 'ready', source };
    const quick = library.plan(camera, stream, 'quick');
    let quickStatus = await library.status(quick, { urgent: true });
    if (quickStatus.state === 'encoding' && waitMs > 0) {
      await library.settled(quick.key, waitMs, signal);
      const ready = library.ready(full.key) ?? library.ready(quick.key);
      if (ready) {
        source.adopt(ready, this.#ctx.now());
        return { state: 'ready', source };
      }
      quickStatus = await library.status(quick, { urgent: true });
    }
    if (quickStatus.state === 'ready') {
      source.adopt(quickStatus.manifest, this.#ctx.now());
      return { state: 'ready', source };
    }
    return status.state === 'failed' && quickStatus.state === 'failed' ? { state: 'failed' } : { state: 'encoding' };
  }
}
