import { useSyncExternalStore } from 'react';

// One shared one-second clock for every ticking component; it runs only while subscribed.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of [...listeners]) l();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const still = () => () => undefined;

/** The time, refreshed every second while `ticking`; frozen (and costing nothing) otherwise. */
export function useNow(ticking: boolean): number {
  return useSyncExternalStore(ticking ? subscribe : still, () => now);
}
