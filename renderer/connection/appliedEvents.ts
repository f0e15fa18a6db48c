import type { EventEnvelope } from '../../shared/protocol';

/**
 * A narrow tap on the events the window's live connection has just applied to the snapshot
 * cache (validated, in order, without duplicates). High-rate consumers such as the map read
 * `unit.positions` batches here instead of re-rendering React on every batch. One connection
 * per window, so one tap per window.
 */
export type AppliedEventsListener = (events: readonly EventEnvelope[]) => void;

const listeners = new Set<AppliedEventsListener>();

/** Calls `listener` with each run of events applied to the cache; returns an unsubscribe function. */
export function onAppliedEvents(listener: AppliedEventsListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the live connection after it applied `events` to the cache. */
export function publishAppliedEvents(events: readonly EventEnvelope[]): void {
  for (const listener of listeners) {
    try {
      listener(events);
    } catch (error) {
      // A consumer's bug must never stop the cache from being kept current.
      console.error('JCCR: an applied-events listener failed', error);
    }
  }
}
