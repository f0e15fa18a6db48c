// TEST-ONLY (benchmark): N bare tiles, each a TilePlayer, with either the wall's live tuning or
// hls.js's default configuration, and the figures the benchmark reads. No React, no wall state:
// the benchmark measures the players.
import { TilePlayer } from '../tilePlayer';

let collecting = true;

interface TileProbe {
  startedAt: number;
  firstFrameMs: number | null;
  latencies: number[];
  video: HTMLVideoElement;
  player: TilePlayer;
}

export interface BenchFigures {
  firstFrameMs: (number | null)[];
  frames: { decoded: number; dropped: number; currentTime: number }[];
  latencyMs: number[];
}

/** Starts one tile per URL in a grid filling the window; `mode` picks the hls.js configuration. */
export function startBench(urls: string[], token: string, mode: 'live' | 'default'): void {
  const columns = Math.ceil(Math.sqrt(urls.length));
  const grid = document.createElement('div');
  grid.style.cssText = `display:grid;gap:2px;height:100vh;grid-template-columns:repeat(${columns},1fr);grid-auto-rows:1fr;background:#000`;
  document.body.replaceChildren(grid);
  const probes: TileProbe[] = urls.map((url) => {
    const video = document.createElement('video');
    video.muted = true;
    video.style.cssText = 'width:100%;height:100%;min-height:0;object-fit:contain';
    grid.append(video);
    const startedAt = performance.now();
    const player = new TilePlayer(video, {
      url,
      token: () => token,
      ...(mode === 'default' ? { config: {} } : {}),
      onStats: (s) => {
        if (collecting && s.latencyMs !== null && s.phase === 'playing') probe.latencies.push(s.latencyMs);
      },
    });
    const probe: TileProbe = { startedAt, firstFrameMs: null, latencies: [], video, player };
    video.requestVideoFrameCallback(() => {
      probe.firstFrameMs = performance.now() - startedAt;
    });
    return probe;
  });
  const w = window as unknown as {
    __videoBench: { figures: () => BenchFigures; resetLatency: () => void; stopLatency: () => void };
  };
  w.__videoBench = {
    figures: () => ({
      firstFrameMs: probes.map((p) => p.firstFrameMs),
      frames: probes.map((p) => {
        const q = p.video.getVideoPlaybackQuality();
        return { decoded: q.totalVideoFrames, dropped: q.droppedVideoFrames, currentTime: p.video.currentTime };
      }),
      latencyMs: probes.flatMap((p) => p.latencies),
    }),
    resetLatency: () => probes.forEach((p) => (p.latencies = [])),
    // The soak that follows the measured window keeps no samples, so the bench's own arrays do not
    // count as growth.
    stopLatency: () => {
      collecting = false;
    },
  };
}
