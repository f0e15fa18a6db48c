import type { EntityKindTable, KindName } from '../../shared/protocol';
import type { RecordChanges, SettledRecord, Storage } from '../storage/storage';
import type { KindMaps } from './draft';
import type { Logger } from './log';

const HOUR_MS = 3_600_000;
/** How long a closed incident or a handled alert stays live after its latest change: the rest of a shift. */
export const DEFAULT_ARCHIVE_AFTER_MS = 8 * HOUR_MS;
/**
 * Records archived per step: one transaction and one small event each, a few milliseconds on the
 * event loop; a backlog (a restart after days off, a shorter window) drains step by step.
 */
export const ARCHIVE_BATCH = 200;
/** Wall-clock time between looks for due records (an indexed read that usually finds none). */
const DEFAULT_POLL_MS = 1_000;

type AnyRecord = { id: string };

/**
 * When a record of an archiving kind is settled, so that it may leave the live state: an incident
 * once closed, an alert once handled (acknowledged, dismissed or converted into an incident).
 */
const SETTLED: Partial<Record<KindName, (record: AnyRecord) => boolean>> = {
  incident: (r) => (r as { status?: unknown }).status === 'closed',
  alert: (r) => (r as { status?: unknown }).status !== 'raised',
};

/**
 * The archive clocks a commit sets (see `SettledRecord`): a record of an archiving kind settled
 * after the change starts (or restarts: a late note on a closed incident) its clock at `now`; one
 * that was settled and no longer is (a reopened incident) stops it. Records neither settled before
 * nor after need no write.
 */
export function settledChanges(
  kinds: EntityKindTable,
  before: KindMaps,
  changes: RecordChanges,
  now: number,
): SettledRecord[] {
  const out: SettledRecord[] = [];
  const put = (changes.put ?? {}) as Readonly<Record<string, readonly AnyRecord[] | undefined>>;
  for (const [kind, records] of Object.entries(put)) {
    const settled = kinds[kind]?.archives ? SETTLED[kind as KindName] : undefined;
    if (!settled || !records) continue;
    for (const r of records) {
      if (settled(r)) out.push({ kind: kind as KindName, id: r.id, at: now });
      else {
        const previous = before[kind]?.get(r.id);
        if (previous && settled(previous)) out.push({ kind: kind as KindName, id: r.id, at: null });
      }
    }
  }
  return out;
}

/** The answer to a command naming an archived record: what happened to it and where to find it. */
export function archivedMessage(kind: KindName, record: unknown, afterMs: number, historyPath: string): string {
  const r = (typeof record === 'object' && record !== null ? record : {}) as { id?: unknown; ref?: unknown };
  const name = typeof r.ref === 'string' ? r.ref : String(r.id);
  const noun = kind === 'incident' ? 'Incident' : kind === 'alert' ? 'Alert' : `Record of kind ${kind}`;
  const settled = kind === 'incident' ? 'closed' : 'handled';
  const hours = Math.round((afterMs / HOUR_MS) * 100) / 100;
  return `${noun} ${name} is archived: it left the live state ${hours} h after it was ${settled} and last changed. It can no longer be changed; find it with GET ${historyPath}.`;
}

export interface ArchiverOptions {
  storage: Pick<Storage, 'dueForArchive'>;
  /** The SMS clock: archiving follows simulated time under `--speed`. */
  clock: () => number;
  /** How long after its latest change a settled record is archived. */
  afterMs: number;
  /**
   * Archives these records (live ones are removed through one journaled commit, which also clears
   * their clocks; ids no longer live just have their clocks cleared); returns how many were given.
   */
  archive(due: readonly { kind: KindName; id: string }[]): void;
  log: Logger;
  /** Wall-clock ms between looks (default 1 s). */
  pollMs?: number;
}

/**
 * Takes closed incidents and handled alerts out of the live state `afterMs` after their latest
 * change, in steps of at most `ARCHIVE_BATCH` on `setImmediate` until none is due, looked for
 * every `pollMs`. What is due is read from storage (`archive_due`, written in the transaction of
 * each change), so it survives a restart, and archiving clears it in the transaction that archives:
 * a record is archived once.
 */
export class Archiver {
  private poll: NodeJS.Timeout | null = null;
  private next: NodeJS.Immediate | null = null;
  private stopped = false;

  constructor(private readonly opts: ArchiverOptions) {}

  start(): void {
    if (this.poll !== null || this.stopped) return;
    this.poll = setInterval(() => this.schedule(), this.opts.pollMs ?? DEFAULT_POLL_MS);
    this.poll.unref();
    this.schedule();
  }

  /** Archives everything due now, step by step but synchronously (tests, benchmarks); returns how many. */
  runAll(): number {
    let total = 0;
    for (;;) {
      const n = this.step();
      total += n;
      if (n < ARCHIVE_BATCH) return total;
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.poll !== null) clearInterval(this.poll);
    if (this.next !== null) clearImmediate(this.next);
    this.poll = null;
    this.next = null;
  }

  /** One step: archives up to a batch of due records; returns how many were due. */
  step(): number {
    const due = this.opts.storage.dueForArchive(this.opts.clock() - this.opts.afterMs, ARCHIVE_BATCH);
    if (due.length > 0) this.opts.archive(due);
    return due.length;
  }

  private schedule(): void {
    if (this.next !== null || this.stopped) return;
    this.next = setImmediate(() => {
      this.next = null;
      if (this.stopped) return;
      try {
        if (this.step() === ARCHIVE_BATCH) this.schedule();
      } catch (e) {
        this.opts.log.error('archiving failed (will retry)', e);
      }
    });
  }
}
