import type { EventEnvelope, Ready, Resync } from '../../shared/protocol';
import type { JournalRange } from '../core/core';

/** Journal events read and sent per step of a replay. */
export const REPLAY_CHUNK = 2_000;

/** What a replay needs from the SMS and from the client's connection. */
export interface ReplayPort {
  journalRange(): JournalRange;
  readEvents(afterSeq: number, limit: number): EventEnvelope[];
  send(event: EventEnvelope): void;
  resync(resync: Resync): void;
  ready(ready: Ready): void;
  /** Starts live delivery. Called in the same tick as the last journal read, so no event falls between. */
  joinLive(): void;
  /** Resolves when the connection can take more (its buffer has drained), or the client is gone. */
  drained(): Promise<void>;
  isConnected(): boolean;
}

/** Why a replay cannot serve `since`, if it cannot. */
export function resyncReason(since: number, range: JournalRange): Resync | null {
  const base = { requestedSince: since, oldestSeq: range.oldest, latestSeq: range.latest };
  if (since > range.latest) return { reason: 'ahead_of_journal', ...base };
  if (since < range.oldest - 1) return { reason: 'journal_truncated', ...base };
  return null;
}

/**
 * Brings a client from `since` to live: every event with seq > since in order, then live ones,
 * with no gap and no duplicate. Large backlogs go in chunks, pausing while the connection drains;
 * events committed meanwhile are simply in the next read. The last read and `joinLive` run in one
 * tick (the store is synchronous), which is what makes the hand-over exact. If the journal is
 * pruned under a slow replay, the client is told to resync instead.
 */
export async function replay(port: ReplayPort, since: number | undefined): Promise<void> {
  if (since === undefined) {
    port.joinLive();
    port.ready({ seq: port.journalRange().latest, replayed: 0 });
    return;
  }
  let after = since;
  let replayed = 0;
  for (;;) {
    const range = port.journalRange();
    const problem = resyncReason(after, range);
    if (problem) {
      port.joinLive();
      port.resync({ ...problem, requestedSince: since });
      return;
    }
    const events = port.readEvents(after, REPLAY_CHUNK);
    if (events.length > 0 && events[0]?.seq !== after + 1) {
      port.joinLive();
      port.resync({
        reason: 'journal_truncated',
        requestedSince: since,
        oldestSeq: range.oldest,
        latestSeq: range.latest,
      });
      return;
    }
    for (const e of events) port.send(e);
    replayed += events.length;
    after = events.at(-1)?.seq ?? after;
    if (events.length < REPLAY_CHUNK) {
      port.joinLive();
      port.ready({ seq: after, replayed });
      return;
    }
    await port.drained();
    if (!port.isConnected()) return;
  }
}
