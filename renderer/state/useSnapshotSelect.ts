import { useQuery } from '@tanstack/react-query';
import type { Snapshot } from '../../shared/protocol';
import { snapshotQuery } from './snapshotQuery';

/**
 * Reads a derived value of the cached snapshot and re-renders only when that value changes.
 * It never fetches (the live connection owns loading); pass a stable `select` (module-level
 * function) so react-query can memoise it. `undefined` until the first snapshot is in.
 */
export function useSnapshotSelect<T>(smsUrl: string, token: string, select: (snapshot: Snapshot) => T): T | undefined {
  return useQuery({ ...snapshotQuery(smsUrl, token), enabled: false, select }).data;
}
