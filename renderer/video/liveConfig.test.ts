import Hls from 'hls.js';
import { CATCH_UP } from './catchUp';
import { BENCH_TUNINGS, LIVE_TUNING, LOW_LATENCY_CONFIG, TUNED_1S_CONFIG } from './liveConfig';

describe('live configurations', () => {
  // hls.js checks a configuration when a player is made and throws on contradictions (e.g.
  // liveMaxLatencyDuration without liveSyncDuration): a tile would then never get a player.
  it.each(Object.entries(BENCH_TUNINGS))('hls.js accepts the %s configuration', (_name, tuning) => {
    const hls = new Hls(tuning.hls);
    hls.destroy();
  });

  it('plays low-latency HLS on the wall and keeps the earlier tuning unchanged as the baseline', () => {
    expect(LIVE_TUNING).toEqual({ hls: LOW_LATENCY_CONFIG, catchUp: CATCH_UP });
    expect(LOW_LATENCY_CONFIG.lowLatencyMode).toBe(true);
    // hls.js's own catch-up is off: it would reset the tile's rate on every timeupdate.
    expect(LOW_LATENCY_CONFIG.maxLiveSyncPlaybackRate).toBe(1);
    expect(TUNED_1S_CONFIG).toMatchObject({
      liveSyncDuration: 1.8,
      liveMaxLatencyDuration: 4,
      maxLiveSyncPlaybackRate: 1.05,
    });
  });

  it('keeps a bounded back buffer, so memory stays flat over days', () => {
    expect(LOW_LATENCY_CONFIG.backBufferLength).toBeLessThanOrEqual(4);
  });
});
