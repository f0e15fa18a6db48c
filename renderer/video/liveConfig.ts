import type { HlsConfig, LoadPolicy } from 'hls.js';
import { CATCH_UP, type CatchUpTuning } from './catchUp';

/**
 * hls.js configurations of the wall's tiles. `LOW_LATENCY_CONFIG` is what the wall plays;
 * `TUNED_1S_CONFIG` is the wall as it was before low-latency HLS (1 s segments, ~2.1 s behind
 * live), kept unchanged as the benchmark's baseline; `{}` (hls.js's defaults) is the other.
 * Every figure in a comment here is from `npm run bench:video` (16 tiles, same run; see the
 * README's "Latency" section for the runs).
 */

/** A load policy whose own retries stay short: recovery beyond them is the watchdog's job. */
function policy(
  ttfbMs: number,
  loadMs: number,
  timeoutRetries: number,
  errorRetries: number,
  retryDelayMs: number,
): LoadPolicy {
  return {
    default: {
      maxTimeToFirstByteMs: ttfbMs,
      maxLoadTimeMs: loadMs,
      timeoutRetry: { maxNumRetry: timeoutRetries, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: errorRetries, retryDelayMs, maxRetryDelayMs: retryDelayMs * 2 },
    },
  };
}

/**
 * The wall before issue 15, kept as it was (the benchmark's `tuned` baseline): sit 1.8 s behind the
 * end of the newest 1 s segment, catch up at most 5 % faster, 6 s ahead and 4 s behind buffered.
 */
export const TUNED_1S_CONFIG: Partial<HlsConfig> = {
  liveSyncDuration: 1.8,
  liveMaxLatencyDuration: 4,
  maxLiveSyncPlaybackRate: 1.05,
  maxBufferLength: 6,
  maxMaxBufferLength: 8,
  backBufferLength: 4,
  capLevelToPlayerSize: true,
  enableWorker: true,
  manifestLoadPolicy: policy(4_000, 8_000, 1, 1, 500),
  playlistLoadPolicy: policy(4_000, 8_000, 1, 2, 500),
};

/**
 * Low-latency HLS (200 ms parts, blocking playlist reload, preload hints).
 *
 * - Target latency: `liveSyncDuration` 0.6 s behind the newest part's end, the SMS's PART-HOLD-BACK
 *   (three 200 ms parts, what RFC 8216bis recommends). It has to be set here, not taken from the
 *   playlist: hls.js refuses `liveMaxLatencyDuration` without `liveSyncDuration`, and it uses
 *   PART-HOLD-BACK only when neither is set, which would leave a tile far behind with no way back
 *   to live but the slow catch-up.
 * - After a stall hls.js moves its target back by `liveSyncOnStallIncrease` per stall (capped at one
 *   target duration, 1 s): one part (0.2 s) instead of the default 1 s, so one hiccup on a busy
 *   machine does not cost a whole second of latency for the rest of the tile's life.
 * - Catch-up is the tile's own (catchUp.ts), so hls.js's is off (`maxLiveSyncPlaybackRate` 1): hls.js
 *   plays faster only with more than 1 s buffered ahead, which a tile 0.6 s behind never has, so a
 *   tile that joined at the key frame before its target stayed ~0.5 s behind it for good (measured:
 *   1.2 s instead of 0.6 s + the pipeline). hls.js also resets any other rate on every timeupdate
 *   unless its own catch-up is off.
 * - Further than `liveMaxLatencyDuration` (3 s) behind, hls.js jumps back to the live edge at once.
 * - Buffers: the live edge is at most a second ahead anyway; 4 s behind the playhead is kept, so
 *   memory stays flat however long a tile runs.
 * - Loads: a blocking playlist reload is answered when the next part exists (about 200 ms); hls.js
 *   times such a request out after max(3 parts, 0.8 × target duration) = 0.8 s and retries at once
 *   without the blocking directives, so timeouts get 3 quick retries before they are fatal. Parts
 *   and segments (a preload hint is held by the server until the part exists) time out after 3 s to
 *   first byte, so a stuck request reaches the watchdog long before its 4 s stall limit would.
 */
export const LOW_LATENCY_CONFIG: Partial<HlsConfig> = {
  lowLatencyMode: true,
  liveSyncDuration: 0.6,
  liveSyncOnStallIncrease: 0.2,
  liveMaxLatencyDuration: 3,
  maxLiveSyncPlaybackRate: 1,
  maxBufferLength: 4,
  maxMaxBufferLength: 6,
  backBufferLength: 4,
  capLevelToPlayerSize: true,
  enableWorker: true,
  manifestLoadPolicy: policy(4_000, 8_000, 1, 1, 500),
  playlistLoadPolicy: policy(4_000, 8_000, 3, 2, 250),
  fragLoadPolicy: policy(3_000, 6_000, 2, 3, 250),
};

/** A tile's tuning: hls.js's configuration, and the tile's own catch-up (null: none). */
export interface LiveTuning {
  hls: Partial<HlsConfig>;
  catchUp: CatchUpTuning | null;
}

/** What the wall plays. */
export const LIVE_TUNING: LiveTuning = { hls: LOW_LATENCY_CONFIG, catchUp: CATCH_UP };

/** The benchmark's modes, by name: the wall's, the wall before issue 15, and hls.js's defaults. */
export const BENCH_TUNINGS = {
  lowLatency: LIVE_TUNING,
  tuned: { hls: TUNED_1S_CONFIG, catchUp: null },
  hlsDefault: { hls: {}, catchUp: null },
} as const satisfies Record<string, LiveTuning>;

/** @internal The benchmark harness's modes. */
export type BenchMode = keyof typeof BENCH_TUNINGS;
