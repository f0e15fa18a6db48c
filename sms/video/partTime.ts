// Parts over the clock: segment k covers wall time [k s, (k+1) s) and its part j covers
// [k s + j·200 ms, k s + (j+1)·200 ms), complete once that interval has elapsed. Parts are also
// counted on one line (k·5 + j), which is how blocking reloads compare "how far ahead".
import { PART_MS, PARTS_PER_SEGMENT, type PartRef } from './liveSource';

/** A part's position on one line: k·PARTS_PER_SEGMENT + j. */
export function partIndex(ref: PartRef): number {
  return ref.msn * PARTS_PER_SEGMENT + ref.part;
}

/** The part at position `index` of the line (the inverse of partIndex). */
export function partAt(index: number): PartRef {
  const msn = Math.floor(index / PARTS_PER_SEGMENT);
  return { msn, part: index - msn * PARTS_PER_SEGMENT };
}

/** When part j of segment k is complete (ms since the epoch). */
export function partCompleteAt(ref: PartRef): number {
  return (partIndex(ref) + 1) * PART_MS;
}

/** The newest part complete at `now`, or null before the first part of the epoch ends. */
export function newestPartAt(now: number): PartRef | null {
  const index = Math.floor(now / PART_MS) - 1;
  return index < 0 ? null : partAt(index);
}

/** Whether `a` comes after `b`. @internal Used by tests. */
export function isAfter(a: PartRef, b: PartRef): boolean {
  return partIndex(a) > partIndex(b);
}

/**
 * Resolves true once `now()` reaches `at`, false after `timeoutMs` of real time or when `signal`
 * aborts. One timer at a time, set for the time left by `now()`, so a clock that is not the wall
 * clock (tests) is re-read rather than trusted; never a busy loop.
 */
export function waitForClock(now: () => number, at: number, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  if (now() >= at) return Promise.resolve(true);
  if (signal.aborted || timeoutMs <= 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const deadline = performance.now() + timeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (reached: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', aborted);
      resolve(reached);
    };
    const aborted = () => finish(false);
    const check = () => {
      if (now() >= at) return finish(true);
      const left = deadline - performance.now();
      if (left <= 0) return finish(false);
      // At least 1 ms: a timer may fire a hair early, and the clock is read again then.
      timer = setTimeout(check, Math.max(1, Math.min(at - now(), left)));
    };
    signal.addEventListener('abort', aborted, { once: true });
    check();
  });
}
