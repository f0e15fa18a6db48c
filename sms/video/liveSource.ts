// What a live media playlist is made from, whatever makes the pictures: a camera's encoded loop laid
// over the clock (fixed cameras), or a live encoder following a PTZ camera's moves. Both give
// one-second segments cut into parts, so the same low-latency playlist code serves every camera.

/** Length of a part: a segment of `SEGMENT_MS` is `PARTS_PER_SEGMENT` parts. */
export const PART_MS = 200;
export const PARTS_PER_SEGMENT = 5;

/** The only keys a media URI may carry (`LiveMediaSource.key`). */
export const LIVE_KEY_PATTERN = /^[0-9a-f]{16}$/;

/** A part of a segment: media sequence number (segment k covers wall time [k s, k+1 s)) and part index. */
export interface PartRef {
  msn: number;
  /** In [0, PARTS_PER_SEGMENT). */
  part: number;
}

/** One camera stream's live media. Every method is cheap and never blocks the event loop. */
export interface LiveMediaSource {
  /**
   * Names the encoding the media comes from (it goes into media URIs, so a new encoding gets new
   * URLs and caches never mix them), or null while nothing can be served yet. Always
   * `LIVE_KEY_PATTERN` (16 lowercase hex digits): the HLS routes accept no other key in a path.
   */
  key(): string | null;
  /**
   * Optional: the encoding segment `msn` is listed with, when a source changes encodings while it
   * plays (the playlist writes a new EXT-X-MAP where it changes). Without it every segment is listed
   * under `key()`.
   */
  keyAt?(msn: number): string | null;
  /** The newest part that is complete at `now` (ms since the epoch), or null when none is. */
  newestPart(now: number): PartRef | null;
  /** The oldest segment still served (older ones have gone). */
  oldestSegment(now: number): number;
  /** Whether a part starts with a key frame (EXT-X-PART INDEPENDENT=YES). */
  independent(ref: PartRef): boolean;
  /** Duration of a part in ms (nominally PART_MS). */
  partDurationMs(ref: PartRef): number;
  /** The init segment of `key`, or null when that encoding is gone. */
  init(key: string): Promise<Uint8Array | null>;
  /** One part's bytes, or null when it does not exist (yet, or any more) under `key`. */
  part(key: string, ref: PartRef): Promise<Uint8Array | null>;
  /** A whole segment's bytes (its parts in order), or null. */
  segment(key: string, msn: number): Promise<Uint8Array | null>;
  /**
   * Resolves true once `ref` is complete, false after `timeoutMs` or when `signal` aborts: a
   * blocking playlist reload waits on this (timers or the encoder's progress, never a busy loop).
   */
  waitFor(ref: PartRef, timeoutMs: number, signal: AbortSignal): Promise<boolean>;
}
