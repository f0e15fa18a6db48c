import type { Snapshot } from '../../shared/protocol';

/**
 * Tells whoever holds state derived from the snapshot outside React (the map's units) that the
 * connection has put a whole new snapshot in place: the first load, and every reload after a gap
 * or a `resync`. Events applied afterwards follow on from it. One connection per window, so one
 * signal per window.
 */
export type SnapshotReplacedListener = (snapshot: Snapshot) => void;

const listeners = new Set<SnapshotReplacedListener>();

/** Calls `listener` with each snapshot the connection loads; returns an unsubscribe function. */
export function onSnapshotReplaced(listener: SnapshotReplacedListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the live connection once a freshly loaded snapshot is in the cache. */
export function publishSnapshotReplaced(snapshot: Snapshot): void {
  for (const listener of listeners) {
    try {
      listener(snapshot);
    } catch (error) {
      // A consumer's bug must never stop the connection from syncing.
      console.error('JCCR: a snapshot-replaced listener failed', error);
    }
  }
}
