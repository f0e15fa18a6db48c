// TEST-ONLY (benchmark): N bare tiles, each a TilePlayer, with one of the benchmark's hls.js
// configurations (BENCH_TUNINGS: the wall's low-latency one, the wall before it, hls.js's
// defaults), and the figures the benchmark reads. No React, no wall state: the benchmark
// measures the players.
import type { CatchUpTuning } from '../catchUp';
import { BENCH_TUNINGS, type BenchMode, type LiveTuning } from '../liveConfig';
import { TilePlayer } from '../tilePlayer';

let collecting = true;
const errors: Record<string, number> = {};

/** Latency samples kept per tile at most (a frame each: 25 a second), so a long window stays bounded. */
const MAX_SAMPLES = 20_000;

interface TileProbe {
  startedAt: number;
  firstFrameMs: number | null;
  /** When the first frame was presented, ms since the epoch (the cold-start figure compares it with a process start). */
  firstFrameAt: number | null;
  /** Per presented frame: how old its picture was when it reached the screen, ms. */
  latencies: number[];
  video: HTMLVideoElement;
  player: TilePlayer;
}

export interface BenchFigures {
  firstFrameMs: (number | null)[];
  firstFrameAt: (number | null)[];
  frames: { decoded: number; dropped: number; currentTime: number }[];
  latencyMs: number[];
  /** Each tile's median latency over the window, ms (a tile that lags shows here, not in the pool). */
  tileLatencyP50Ms: (number | null)[];
  /**
   * Cross-checks at the moment of reading, per tile: now minus hls.js's playingDate (the PDT at the
   * playhead, ms) and hls.js's own latency estimate (live edge minus playhead, ms).
   */
  crossCheck: {
    playingDateMs: number | null;
    hlsLatencyMs: number | null;
    targetLatencyMs: number | null;
    bufferAheadMs: number | null;
    playbackRate: number;
  }[];
  /** hls.js errors over the page's life, by `fatal|details`, summed over tiles. */
  errors: Record<string, number>;
}

export const isBenchMode = (mode: string | null): mode is BenchMode =>
  mode !== null && Object.hasOwn(BENCH_TUNINGS, mode);

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]!);
};

/**
 * Starts one tile per URL in a grid filling the window; `mode` picks the hls.js configuration and
 * `override` (tuning experiments) is laid over it.
 */
export function startBench(
  urls: string[],
  token: string,
  mode: BenchMode,
  override: Record<string, unknown> = {},
): void {
  const columns = Math.ceil(Math.sqrt(urls.length));
  const grid = document.createElement('div');
  grid.style.cssText = `display:grid;gap:2px;height:100vh;grid-template-columns:repeat(${columns},1fr);grid-auto-rows:1fr;background:#000`;
  document.body.replaceChildren(grid);
  // `catchUp` in the override tunes the tile's catch-up (null: off); every other key is hls.js's.
  const { catchUp, ...hlsOverride } = override;
  const base = BENCH_TUNINGS[mode];
  const tuning: LiveTuning = {
    hls: { ...base.hls, ...hlsOverride },
    catchUp:
      catchUp === null
        ? null
        : typeof catchUp === 'object' && base.catchUp
          ? { ...base.catchUp, ...(catchUp as Partial<CatchUpTuning>) }
          : base.catchUp,
  };
  const probes: TileProbe[] = urls.map((url) => {
    const video = document.createElement('video');
    video.muted = true;
    video.style.cssText = 'width:100%;height:100%;min-height:0;object-fit:contain';
    grid.append(video);
    const startedAt = performance.now();
    const player = new TilePlayer(video, {
      url,
      token: () => token,
      tuning,
      onStats: () => undefined,
      onPlayerError: (details, fatal) => {
        const key = `${fatal ? 'fatal' : 'nonFatal'}|${details}`;
        errors[key] = (errors[key] ?? 0) + 1;
      },
      onFrame: (latencyMs) => {
        if (collecting && probe.latencies.length < MAX_SAMPLES) probe.latencies.push(latencyMs);
      },
    });
    const probe: TileProbe = { startedAt, firstFrameMs: null, firstFrameAt: null, latencies: [], video, player };
    video.requestVideoFrameCallback(() => {
      const now = performance.now();
      probe.firstFrameMs = now - startedAt;
      probe.firstFrameAt = performance.timeOrigin + now;
    });
    return probe;
  });
  const w = window as unknown as {
    __videoBench: { figures: () => BenchFigures; resetLatency: () => void; stopLatency: () => void };
  };
  w.__videoBench = {
    figures: () => ({
      firstFrameMs: probes.map((p) => p.firstFrameMs),
      firstFrameAt: probes.map((p) => p.firstFrameAt),
      frames: probes.map((p) => {
        const q = p.video.getVideoPlaybackQuality();
        return { decoded: q.totalVideoFrames, dropped: q.droppedVideoFrames, currentTime: p.video.currentTime };
      }),
      latencyMs: probes.flatMap((p) => p.latencies),
      tileLatencyP50Ms: probes.map((p) => median(p.latencies)),
      crossCheck: probes.map((p) => {
        const hls = p.player.instance;
        const date = hls?.playingDate?.getTime();
        const b = p.video.buffered;
        const target = hls?.targetLatency;
        return {
          playingDateMs: date === undefined || Number.isNaN(date) ? null : Math.round(Date.now() - date),
          hlsLatencyMs: hls ? Math.round(hls.latency * 1000) : null,
          targetLatencyMs: target === null || target === undefined ? null : Math.round(target * 1000),
          bufferAheadMs: b.length ? Math.round((b.end(b.length - 1) - p.video.currentTime) * 1000) : null,
          playbackRate: p.video.playbackRate,
        };
      }),
      errors: { ...errors },
    }),
    resetLatency: () => probes.forEach((p) => (p.latencies = [])),
    // The soak that follows the measured window keeps no samples, so the bench's own arrays do not
    // count as growth.
    stopLatency: () => {
      collecting = false;
    },
  };
}
