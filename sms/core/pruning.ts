import type { Storage } from '../storage/storage';
import type { Journal } from './journal';
import type { Logger } from './log';

/** Journal events kept by default: about a week of a busy room plus a simulator. */
export const DEFAULT_JOURNAL_RETENTION = 500_000;
/** How long a command id is remembered: far longer than any client retries. */
const COMMAND_ID_TTL_MS = 30 * 24 * 3_600_000;
/** Journal rows deleted per background step, so that pruning never blocks the loop for long. */
const PRUNE_CHUNK = 5_000;

/**
 * Keeps the journal to its retention, in chunks on `setImmediate` so that a large backlog never
 * blocks the event loop, and forgets command ids older than their TTL once an hour.
 */
export class JournalPruner {
  private timer: NodeJS.Immediate | null = null;
  private lastCommandPrune = Number.NEGATIVE_INFINITY;
  private stopped = false;
  private readonly retention: number;
  /** How far past the retention the journal may grow before a background prune starts. */
  private readonly slack: number;

  constructor(
    private readonly journal: Journal,
    private readonly storage: Storage,
    private readonly clock: () => number,
    private readonly log: Logger,
    retention = DEFAULT_JOURNAL_RETENTION,
  ) {
    this.retention = Math.max(1, Math.floor(retention));
    this.slack = Math.min(1_000, Math.ceil(this.retention / 100));
  }

  /** Prunes down to the retention now; returns rows deleted. */
  pruneAll(): number {
    let deleted = 0;
    for (;;) {
      const step = this.step();
      deleted += step;
      if (step < PRUNE_CHUNK) return deleted;
    }
  }

  /** Starts a background prune when the journal has grown past its retention and slack. */
  maybeSchedule(): void {
    const oldest = this.journal.oldestSeq;
    if (this.timer !== null || this.stopped || oldest === null) return;
    if (this.journal.seq - oldest + 1 <= this.retention + this.slack) return;
    const step = () => {
      this.timer = null;
      if (this.stopped) return;
      try {
        if (this.step() === PRUNE_CHUNK) this.timer = setImmediate(step);
        else this.pruneOldCommands();
      } catch (e) {
        this.log.error('journal pruning failed (will retry later)', e);
      }
    };
    this.timer = setImmediate(step);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearImmediate(this.timer);
    this.timer = null;
  }

  /** Deletes up to one chunk of journal rows beyond the retention; returns how many. */
  private step(): number {
    const oldest = this.journal.oldestSeq;
    if (oldest === null) return 0;
    const keepFrom = this.journal.seq - this.retention + 1;
    if (oldest >= keepFrom) return 0;
    return this.journal.prune(keepFrom, PRUNE_CHUNK);
  }

  private pruneOldCommands(): void {
    const now = this.clock();
    if (now - this.lastCommandPrune < 3_600_000) return;
    this.lastCommandPrune = now;
    this.storage.pruneCommands(now - COMMAND_ID_TTL_MS);
  }
}
