import Hls from 'hls.js';
import { BENCH_CONFIGS, LIVE_CONFIG, LOW_LATENCY_CONFIG, TUNED_1S_CONFIG } from './liveConfig';

describe('live configurations', () => {
  // hls.js checks a configuration when a player is made and throws on contradictions (e.g.
  // liveMaxLatencyDuration without liveSyncDuration): a tile would then never get a player.
  it.each(Object.entries(BENCH_CONFIGS))('hls.js accepts the %s configuration', (_name, config) => {
    const hls = new Hls(config);
    hls.destroy();
  });

  it('plays low-latency HLS on the wall and keeps the earlier tuning unchanged as the baseline', () => {
    expect(LIVE_CONFIG).toBe(LOW_LATENCY_CONFIG);
    expect(LOW_LATENCY_CONFIG.lowLatencyMode).toBe(true);
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
