import { useSyncExternalStore } from 'react';
import { workstationBus } from './selection';

/** A request from some window of the workstation to show cameras on the wall. */
export interface WallRequest {
  cameraIds: string[];
  /** Counts requests, so the same cameras asked for twice still read as a new request. */
  serial: number;
}

let latest: WallRequest | null = null;
const listeners = new Set<() => void>();
workstationBus.subscribe((message) => {
  if (message.type !== 'showOnWall') return;
  latest = { cameraIds: message.cameraIds, serial: (latest?.serial ?? 0) + 1 };
  for (const listener of listeners) listener();
});

/** The latest "show on wall" request seen by this window (null before the first). */
export function useWallRequest(): WallRequest | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => latest,
  );
}
