/**
 * When to reload a window whose renderer crashed or hung. A control-room window must come back
 * on its own, but a page that crashes at load must not spin in a reload loop that eats the CPU
 * shared with the other windows: each crash within the memory window doubles the wait.
 */
export interface CrashPolicyOptions {
  /** Wait before the first reload. */
  firstDelayMs: number;
  /** Longest wait between reloads: a window keeps trying, slowly, for as long as the app runs. */
  maxDelayMs: number;
  /** Crashes older than this are forgotten: a window that ran fine for a while starts afresh. */
  forgetAfterMs: number;
}

export const DEFAULT_CRASH_POLICY: CrashPolicyOptions = {
  firstDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  forgetAfterMs: 10 * 60_000,
};

export interface CrashPolicy {
  /** Records a crash at `now` and answers how long to wait before reloading. */
  onCrash(now: number): { delayMs: number; recentCrashes: number };
}

export function createCrashPolicy(options: CrashPolicyOptions = DEFAULT_CRASH_POLICY): CrashPolicy {
  const crashes: number[] = [];
  return {
    onCrash(now) {
      while (crashes.length > 0 && now - (crashes[0] ?? now) > options.forgetAfterMs) crashes.shift();
      crashes.push(now);
      const exponent = Math.min(crashes.length - 1, 30);
      const delayMs = Math.min(options.maxDelayMs, options.firstDelayMs * 2 ** exponent);
      return { delayMs, recentCrashes: crashes.length };
    },
  };
}
