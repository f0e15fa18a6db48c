import { createCrashPolicy } from './crashPolicy';

const options = { firstDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 600_000 };

describe('crash reload policy', () => {
  it('reloads soon after a first crash', () => {
    expect(createCrashPolicy(options).onCrash(0)).toEqual({ delayMs: 1_000, recentCrashes: 1 });
  });

  it('doubles the wait for each further crash, up to the ceiling: no reload loop', () => {
    const policy = createCrashPolicy(options);
    const delays = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => policy.onCrash(i * 1_000).delayMs);
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('forgets crashes after a quiet spell', () => {
    const policy = createCrashPolicy(options);
    policy.onCrash(0);
    policy.onCrash(1_000);
    policy.onCrash(2_000);
    expect(policy.onCrash(2_000 + 600_001 + 2_000)).toEqual({ delayMs: 1_000, recentCrashes: 1 });
  });
});
