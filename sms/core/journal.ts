import type { EventEnvelope } from '../../shared/protocol';
import type { Commit, Storage } from '../storage/storage';
import type { PendingEvent } from './draft';
import type { Publisher } from './publisher';

/** The journal positions a resuming client can be served from. */
export interface JournalRange {
  /** Oldest seq still journaled (latest + 1 when the journal is empty). */
  oldest: number;
  latest: number;
}

/**
 * The one place that appends to the journal: it numbers events, stores them with the rest of
 * their commit in one transaction, updates memory, then publishes, all in this tick. A transport
 * that reads the journal and then subscribes in one tick can therefore neither miss nor repeat
 * an event.
 */
export class Journal {
  private latest: number;
  private oldest: number | null;

  constructor(
    private readonly storage: Storage,
    private readonly publisher: Publisher,
    loadedSeq: number,
    /** Called after every append that journaled events (journal pruning watches the length). */
    private readonly onAppended: () => void,
  ) {
    this.latest = loadedSeq;
    this.oldest = storage.oldestSeq();
  }

  get seq(): number {
    return this.latest;
  }

  get oldestSeq(): number | null {
    return this.oldest;
  }

  append(pending: readonly PendingEvent[], ts: number, rest: Omit<Commit, 'events'>, apply: () => void): void {
    const events = pending.map((e, i) => ({ seq: this.latest + 1 + i, ts, ...e }) as EventEnvelope);
    this.storage.commit({ ...rest, events });
    apply();
    if (events.length === 0) return;
    this.latest += events.length;
    if (this.oldest === null) this.oldest = events[0]?.seq ?? null;
    this.publisher.publish(events);
    this.onAppended();
  }

  read(afterSeq: number, limit: number): EventEnvelope[] {
    return this.storage.readEvents(afterSeq, limit);
  }

  range(): JournalRange {
    return { oldest: this.oldest ?? this.latest + 1, latest: this.latest };
  }

  /** Deletes up to `maxRows` events older than `beforeSeq`; returns how many. */
  prune(beforeSeq: number, maxRows: number): number {
    const deleted = this.storage.pruneJournal(beforeSeq, maxRows);
    this.oldest = this.storage.oldestSeq();
    return deleted;
  }
}
