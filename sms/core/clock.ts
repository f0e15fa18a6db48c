/**
 * An SMS clock running `speed` times faster than the wall clock, starting now or, if the journal
 * already holds later times (an earlier accelerated run), just after them: time never runs back
 * across a restart.
 */
export function acceleratedClock(speed: number, notBefore: number, wallClock: () => number = Date.now): () => number {
  const wallStart = wallClock();
  const start = Math.max(wallStart, notBefore);
  if (speed === 1 && start === wallStart) return wallClock;
  return () => Math.floor(start + (wallClock() - wallStart) * speed);
}
