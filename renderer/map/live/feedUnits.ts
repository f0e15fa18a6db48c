import type { Snapshot } from '../../../shared/protocol';
import { onAppliedEvents } from '../../connection/appliedEvents';
import { onSnapshotReplaced } from '../../connection/snapshotReplaced';
import type { MapUnits } from './mapUnits';

/**
 * Keeps a unit layer current from the connection, never through React: seeded from the snapshot
 * held when the map opens (`current`) or from the first one loaded after, reseeded whenever the
 * connection replaces the snapshot (a gap or a `resync`), and fed every applied event in between.
 * Returns the function that stops it.
 */
export function feedUnits(units: MapUnits, current: () => Snapshot | undefined): () => void {
  const seedFrom = (snapshot: Snapshot | undefined): boolean => {
    if (snapshot) units.seed(snapshot.units);
    return snapshot !== undefined;
  };
  let seeded = seedFrom(current());
  const stopEvents = onAppliedEvents((events) => {
    if (!seeded) seeded = seedFrom(current());
    else units.receive(events);
  });
  const stopReplaced = onSnapshotReplaced((snapshot) => {
    seeded = seedFrom(snapshot);
  });
  return () => {
    stopEvents();
    stopReplaced();
  };
}
