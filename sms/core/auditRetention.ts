import { mkdir, open, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { AuditRecord } from '../../shared/protocol';
import type { Storage } from '../storage/storage';
import type { Logger } from './log';

/** Days an audit record stays in the SMS's database, where the audit view and the HLS gate read it. */
export const DEFAULT_AUDIT_HOT_DAYS = 90;
/** Days an archived audit record is kept: seven years (of 365.25 days), the force's records policy. */
export const DEFAULT_AUDIT_ARCHIVE_DAYS = 2_557;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/**
 * One step reads, archives and deletes at most this many rows and about this many characters:
 * reading and deleting them takes a few milliseconds on the event loop; compressing and writing
 * run off it (zlib's thread pool, async file I/O).
 */
const STEP_ROWS = 500;
const STEP_CHARS = 256_000;

/** Archive files: one per calendar month of the records' time (UTC), gzip members appended. */
const ARCHIVE_FILE = /^(\d{4})-(\d{2})\.jsonl\.gz$/;
/** Meta key of an archive file's length as of the last step whose rows were then deleted. */
const committedKey = (file: string) => `audit-archive:${file}`;

const gzipAsync = promisify(gzip);

export interface AuditRetentionOptions {
  storage: Pick<Storage, 'auditBefore' | 'deleteAudit' | 'getMeta' | 'setMeta'>;
  /** Folder of the archive (`<data>/audit-archive`), or null in memory mode: old rows are then just deleted. */
  archiveDir: string | null;
  hotDays?: number;
  archiveDays?: number;
  /**
   * The wall clock, not the SMS clock. Records are stamped with the SMS clock, which runs ahead of
   * the wall clock under `--speed` and never behind it: with the wall clock a record is kept at
   * least `hotDays` of real time, whatever the simulation's speed; with the SMS clock a day of a
   * demonstration at speed 60 would archive two months of real records.
   */
  now?: () => number;
  log: Logger;
  /** Between runs (default an hour); a run also starts at once. */
  intervalMs?: number;
}

/** What one run did. */
export interface AuditRetentionRun {
  archived: number;
  deleted: number;
  archivesDeleted: string[];
}

export interface AuditRetention {
  /** Runs now, or waits for the run in progress; resolves with what that run did. */
  run(): Promise<AuditRetentionRun>;
  /** Stops the timer and waits for a run in progress to end its step. */
  stop(): Promise<void>;
}

/**
 * Keeps the audit table to its hot retention: rows stamped more than `hotDays` ago move, a step
 * at a time, to `<archiveDir>/YYYY-MM.jsonl.gz` (one JSON audit record per line, the month of its
 * time), and archive files whose month ended more than `archiveDays` ago are deleted. A step
 * appends one gzip member per month it holds (a file of members is one valid gzip stream: `zcat`
 * and `zlib.gunzip` read it whole) and fsyncs it, and only then deletes the rows, in the same
 * transaction as it records each file's new length. A crash between the two leaves the rows in the
 * table and bytes past the recorded length, which the next step cuts off before appending: every
 * record ends up in the archive exactly once, and none is deleted before it is on disk. Appending
 * keeps a step's cost independent of the month's size (one file per run would scatter a month over
 * hundreds of files).
 */
export function startAuditRetention(opts: AuditRetentionOptions): AuditRetention {
  const { storage, archiveDir, log } = opts;
  const hotDays = opts.hotDays ?? DEFAULT_AUDIT_HOT_DAYS;
  const archiveDays = opts.archiveDays ?? DEFAULT_AUDIT_ARCHIVE_DAYS;
  const now = opts.now ?? Date.now;
  let stopped = false;
  let running: Promise<AuditRetentionRun> | null = null;

  /** Appends `text` gzipped to an archive file past its committed length; returns the new length. */
  const append = async (file: string, text: string): Promise<number> => {
    const dir = archiveDir!;
    const committed = Number(storage.getMeta(committedKey(file)) ?? '0');
    const gz = await gzipAsync(Buffer.from(text, 'utf8'));
    const handle = await open(join(dir, file), 'a');
    try {
      let size = (await handle.stat()).size;
      if (size > committed) {
        log.warn(`audit archive ${file}: ${size - committed} bytes past its last complete step cut off (re-archived)`);
        await handle.truncate(committed);
        size = committed;
      } else if (size < committed) {
        log.warn(`audit archive ${file} is shorter than the SMS wrote it (${size} < ${committed} bytes)`);
      }
      await handle.write(gz);
      await handle.sync();
      return size + gz.length;
    } finally {
      await handle.close();
    }
  };

  /** One step: archives (or, in memory mode, just deletes) up to a chunk of old rows; returns rows deleted. */
  const step = async (beforeIso: string): Promise<{ archived: number; deleted: number }> => {
    const rows = storage.auditBefore(beforeIso, STEP_ROWS, STEP_CHARS);
    if (rows.length === 0) return { archived: 0, deleted: 0 };
    const meta: Record<string, string> = {};
    if (archiveDir !== null) {
      const byFile = new Map<string, AuditRecord[]>();
      for (const r of rows) {
        const month = /^\d{4}-\d{2}/.exec(r.at)?.[0] ?? '0000-00';
        const file = `${month}.jsonl.gz`;
        const list = byFile.get(file);
        if (list) list.push(r);
        else byFile.set(file, [r]);
      }
      await mkdir(archiveDir, { recursive: true });
      for (const [file, records] of byFile) {
        const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
        meta[committedKey(file)] = String(await append(file, text));
      }
    }
    const deleted = storage.deleteAudit(
      rows.map((r) => r.id),
      meta,
    );
    return { archived: archiveDir === null ? 0 : rows.length, deleted };
  };

  /** Deletes archive files whose month ended more than `archiveDays` ago. */
  const deleteExpiredArchives = async (): Promise<string[]> => {
    if (archiveDir === null) return [];
    const names = await readdir(archiveDir).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [] as string[];
      throw e;
    });
    const deleted: string[] = [];
    for (const name of names.sort()) {
      const m = ARCHIVE_FILE.exec(name);
      if (!m) continue;
      const monthEnd = Date.UTC(Number(m[1]), Number(m[2]), 1);
      if (monthEnd + archiveDays * DAY_MS > now()) continue;
      await unlink(join(archiveDir, name));
      storage.setMeta(committedKey(name), '0');
      deleted.push(name);
    }
    if (deleted.length > 0) log.info(`audit archive: deleted ${deleted.join(', ')} (past ${archiveDays} days)`);
    return deleted;
  };

  const runOnce = async (): Promise<AuditRetentionRun> => {
    const beforeIso = new Date(now() - hotDays * DAY_MS).toISOString();
    const total = { archived: 0, deleted: 0, archivesDeleted: [] as string[] };
    while (!stopped) {
      const done = await step(beforeIso);
      if (done.deleted === 0) break;
      total.archived += done.archived;
      total.deleted += done.deleted;
      // Let sockets and commands in between steps.
      await nextTurn();
    }
    if (!stopped) total.archivesDeleted = await deleteExpiredArchives();
    if (total.deleted > 0) {
      log.info(
        `audit retention: ${total.deleted} records older than ${hotDays} days ${archiveDir === null ? 'deleted' : 'archived'}`,
      );
    }
    return total;
  };

  const run = (): Promise<AuditRetentionRun> =>
    (running ??= runOnce().finally(() => {
      running = null;
    }));

  const safeRun = () => {
    if (stopped) return;
    run().catch((e: unknown) => log.error('audit retention failed (will retry within the hour)', e));
  };
  const first = setImmediate(safeRun);
  const timer = setInterval(safeRun, opts.intervalMs ?? HOUR_MS);
  timer.unref();

  return {
    run,
    async stop() {
      stopped = true;
      clearImmediate(first);
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
