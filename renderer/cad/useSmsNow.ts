import { useMemo, useState } from 'react';
import type { Incident } from '../../shared/protocol';
import { incremental } from '../state/incremental';
import { newestUpdate } from '../state/indexes';
import { useNow } from '../status/useNow';

/**
 * The SMS's time, ticking every second. A demo or training SMS may run its clock faster than the
 * wall clock; timers must count in the SMS's time, so the newest record time seen moves "now"
 * forward when it is ahead of this machine's clock (a live SMS's is not, and nothing changes).
 * Between records it then stands still, which errs on the side of showing more time left only
 * for as long as the accelerated SMS is quiet. The newest time follows the incidents' changes
 * (state/indexes.ts) instead of reading every incident's date on each update.
 */
export function useSmsNow(incidents: readonly Incident[]): number {
  const wall = useNow(true);
  const [newestOf] = useState(() => incremental(newestUpdate));
  const newest = useMemo(() => newestOf(incidents), [newestOf, incidents]);
  return Math.max(wall, newest);
}
