import type { Unit } from '../../shared/protocol';

/** How often unit rows take the positions reported since (the journal has every report). */
export const POSITION_ROWS_MS = 5_000;

/**
 * Decides when unit rows are rewritten with reported positions. The journal event is the durable
 * record of every report; unit rows, which a restart starts from, take positions at most every
 * POSITION_ROWS_MS: rewriting 20,000 rows a second was most of the SMS's work at scale, and a
 * restarted SMS is at most that stale until the next report a second later.
 */
export class PositionRows {
  private readonly unwritten = new Set<string>();
  private writtenAt = 0;

  constructor(private readonly current: (id: string) => Unit | undefined) {}

  /** Notes moved units and returns the rows due now (none between checkpoints). */
  moved(ts: number, latest: ReadonlyMap<string, Unit>): Unit[] {
    for (const id of latest.keys()) this.unwritten.add(id);
    return ts - this.writtenAt >= POSITION_ROWS_MS ? this.take(ts, latest) : [];
  }

  get pending(): boolean {
    return this.unwritten.size > 0;
  }

  /** The latest record of each unit with an unwritten position (`latest` first: not yet applied). */
  take(ts: number, latest: ReadonlyMap<string, Unit> = new Map()): Unit[] {
    const rows = [...this.unwritten].flatMap((id) => latest.get(id) ?? this.current(id) ?? []);
    this.unwritten.clear();
    this.writtenAt = ts;
    return rows;
  }
}
