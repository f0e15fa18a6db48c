import type { EventEnvelope } from '../../shared/protocol';
import { EventEnvelopeSchema } from '../../shared/protocol';

/** Where event sync reads and writes the client's copy of the SMS state. */
export interface SnapshotPort {
  /** `seq` of the snapshot held, or undefined before the first one is loaded. */
  currentSeq(): number | undefined;
  /** Applies events that directly follow the held snapshot, in order. */
  apply(events: readonly EventEnvelope[]): void;
  /** Fetches a fresh snapshot and holds it; resolves once it is in place. */
  reload(): Promise<void>;
}

/** What event sync has done so far. */
export interface EventSyncStats {
  applied: number;
  /** Already reflected by the snapshot (replays, duplicates). */
  skipped: number;
  /** Failed validation. */
  invalid: number;
  /** Held for a snapshot that did not cover the gap before them, or beyond the hold limit. */
  dropped: number;
  reloads: number;
}

/** Options of `EventSync`. */
export interface EventSyncOptions {
  /** A reload failed; the events that waited for it were dropped. */
  onReloadError?: (error: unknown) => void;
  /** Most events held while a snapshot loads; beyond it they are dropped and the next gap reloads again. */
  maxBuffered?: number;
}

/**
 * Keeps a snapshot in step with the SMS journal. Every inbound `event` is parsed from
 * `unknown` (invalid ones are counted and dropped, never thrown); events are applied strictly
 * in `seq` order: one already reflected is skipped, one after a gap triggers a snapshot
 * reload, and whatever arrives while a reload is in flight waits and is applied after it.
 */
export class EventSync {
  private readonly counters: EventSyncStats = { applied: 0, skipped: 0, invalid: 0, dropped: 0, reloads: 0 };
  private buffer: EventEnvelope[] = [];
  private reloading = false;
  private disposed = false;
  private readonly maxBuffered: number;

  constructor(
    private readonly port: SnapshotPort,
    private readonly options: EventSyncOptions = {},
  ) {
    this.maxBuffered = options.maxBuffered ?? 50_000;
  }

  /** Counters since creation (a copy). */
  get stats(): EventSyncStats {
    return { ...this.counters };
  }

  /** Takes one socket `event` message as received. */
  receive(raw: unknown): void {
    if (this.disposed) return;
    const parsed = EventEnvelopeSchema.safeParse(raw);
    if (!parsed.success) {
      this.counters.invalid += 1;
      return;
    }
    if (this.reloading) this.hold(parsed.data);
    else this.handle([parsed.data], true);
  }

  /** The SMS cannot replay from our `seq` (its `resync`): reload the snapshot. */
  resync(): void {
    if (!this.disposed) this.reload();
  }

  /** Stops applying anything, including the result of a reload in flight. */
  dispose(): void {
    this.disposed = true;
    this.buffer = [];
  }

  private handle(events: readonly EventEnvelope[], mayReload: boolean): void {
    const ready: EventEnvelope[] = [];
    let last = this.port.currentSeq();
    for (const [index, event] of events.entries()) {
      if (last !== undefined && event.seq <= last) {
        this.counters.skipped += 1;
      } else if (last !== undefined && event.seq === last + 1) {
        ready.push(event);
        last = event.seq;
      } else {
        // A gap (or nothing loaded yet): this and everything after it wait for a snapshot.
        for (const held of events.slice(index)) this.hold(held);
        break;
      }
    }
    if (ready.length > 0) {
      this.port.apply(ready);
      this.counters.applied += ready.length;
    }
    if (this.buffer.length === 0) return;
    if (mayReload) {
      this.reload();
    } else {
      // Still a gap right after a fresh snapshot: the SMS has not caught up with what it
      // sent. Drop the rest; the next live event finds the gap again, so retries are paced
      // by events and never spin.
      this.counters.dropped += this.buffer.length;
      this.buffer = [];
    }
  }

  private hold(event: EventEnvelope): void {
    if (this.buffer.length >= this.maxBuffered) {
      this.counters.dropped += this.buffer.length;
      this.buffer = [];
    }
    this.buffer.push(event);
  }

  private reload(): void {
    if (this.reloading) return;
    this.reloading = true;
    this.counters.reloads += 1;
    this.port.reload().then(
      () => {
        this.reloading = false;
        if (this.disposed) return;
        const held = this.buffer.sort((a, b) => a.seq - b.seq);
        this.buffer = [];
        this.handle(held, false);
      },
      (error: unknown) => {
        this.reloading = false;
        this.counters.dropped += this.buffer.length;
        this.buffer = [];
        if (!this.disposed) this.options.onReloadError?.(error);
      },
    );
  }
}
