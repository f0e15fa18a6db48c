import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AuditRecordSchema } from '../../shared/protocol';
import { parseCli, UsageError } from '../config';
import { openSqliteStorage } from '../storage/sqlite';
import type { NewAuditRecord, Storage } from '../storage/storage';
import { DEFAULT_AUDIT_ARCHIVE_DAYS, DEFAULT_AUDIT_HOT_DAYS, startAuditRetention } from './auditRetention';
import { silentLogger } from './log';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-03T12:00:00.000Z');

const record = (at: number, i: number, detail = `{"n":${i}}`): NewAuditRecord => ({
  at: new Date(at).toISOString(),
  userId: 'user-a',
  username: 'dispatcher',
  role: 'dispatcher',
  action: 'incident.note',
  targetId: `inc-${i}`,
  result: 'ok',
  reason: null,
  detail,
});

/** Every record of an archive file: one gzip stream of members, one JSON record a line. */
async function readArchive(path: string) {
  const text = gunzipSync(await readFile(path)).toString('utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => AuditRecordSchema.parse(JSON.parse(l)));
}

let dir = '';
let storage: Storage;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jccr-audit-'));
  storage = openSqliteStorage(join(dir, 'sms.sqlite'));
});
afterEach(async () => {
  storage.close();
  await rm(dir, { recursive: true, force: true });
});

const retention = (over: Partial<Parameters<typeof startAuditRetention>[0]> = {}) =>
  startAuditRetention({
    storage,
    archiveDir: join(dir, 'audit-archive'),
    now: () => NOW,
    log: silentLogger,
    intervalMs: 3_600_000,
    ...over,
  });

describe('audit retention', () => {
  it('moves records older than the hot days to monthly gzip archives and keeps the rest', async () => {
    const old = [record(NOW - 200 * DAY, 1), record(NOW - 120 * DAY, 2), record(NOW - 100 * DAY, 3)];
    const recent = [record(NOW - 89 * DAY, 4), record(NOW - DAY, 5)];
    storage.appendAudit([...old, ...recent]);
    const job = retention();
    const run = await job.run();
    await job.stop();
    expect(run.archived).toBe(3);
    expect(storage.queryAudit({ limit: 10 }).map((r) => r.targetId)).toEqual(['inc-5', 'inc-4']);
    const files = (await readdir(join(dir, 'audit-archive'))).sort();
    expect(files).toEqual(['2026-05.jsonl.gz', '2026-08.jsonl.gz']);
    const archived = [
      ...(await readArchive(join(dir, 'audit-archive', '2026-05.jsonl.gz'))),
      ...(await readArchive(join(dir, 'audit-archive', '2026-08.jsonl.gz'))),
    ];
    expect(archived.map(({ id: _id, ...r }) => r)).toEqual(old);
  });

  it('appends a gzip member per step and month, without blocking the event loop for long', async () => {
    // 3,000 records in one month, about 1,000 characters each: several steps.
    const at = Date.parse('2026-01-15T00:00:00.000Z');
    storage.appendAudit([...Array(3_000).keys()].map((i) => record(at + i, i, 'x'.repeat(1_000))));
    let longest = 0;
    let last = performance.now();
    let probing = true;
    const probe = () => {
      const t = performance.now();
      longest = Math.max(longest, t - last);
      last = t;
      if (probing) setImmediate(probe);
    };
    setImmediate(probe);
    const job = retention();
    const run = await job.run();
    probing = false;
    await job.stop();
    expect(run.archived).toBe(3_000);
    const archived = await readArchive(join(dir, 'audit-archive', '2026-01.jsonl.gz'));
    expect(archived.map((r) => r.targetId)).toEqual([...Array(3_000).keys()].map((i) => `inc-${i}`));
    expect(storage.queryAudit({ limit: 10 })).toEqual([]);
    // A step reads and deletes at most 500 rows / 256 kB: a few ms; generous for a shared CI machine.
    expect(longest).toBeLessThan(100);
  });

  it('cuts off bytes past the last complete step (a crash between writing and deleting) and archives those rows once', async () => {
    const at = Date.parse('2026-02-10T00:00:00.000Z');
    storage.appendAudit([record(at, 1)]);
    let job = retention();
    await job.run();
    await job.stop();
    const path = join(dir, 'audit-archive', '2026-02.jsonl.gz');
    const complete = (await stat(path)).size;
    // A later step wrote (part of) a member and crashed before deleting its rows.
    storage.appendAudit([record(at + 1, 2)]);
    await appendFile(path, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
    job = retention();
    await job.run();
    await job.stop();
    expect((await readArchive(path)).map((r) => r.targetId)).toEqual(['inc-1', 'inc-2']);
    expect((await stat(path)).size).toBeGreaterThan(complete);
  });

  it('keeps records whose archive write failed', async () => {
    storage.appendAudit([record(NOW - 100 * DAY, 1)]);
    await writeFile(join(dir, 'audit-archive'), 'not a folder');
    const job = retention();
    await expect(job.run()).rejects.toThrow();
    await job.stop();
    expect(storage.queryAudit({ limit: 10 })).toHaveLength(1);
  });

  it('deletes archive files whose month ended more than the archive days ago', async () => {
    const archive = join(dir, 'audit-archive');
    storage.appendAudit([record(NOW - 100 * DAY, 1)]);
    let job = retention();
    await job.run();
    await job.stop();
    for (const f of ['2019-10.jsonl.gz', '2019-11.jsonl.gz', 'notes.txt']) await writeFile(join(archive, f), '');
    // 2019-11 ended on 1 December 2019: seven years (2,557 days) later is 2 December 2026, before NOW.
    // 2019-12 ended 1 January 2020: kept. A file the SMS did not name is left alone.
    await writeFile(join(archive, '2019-12.jsonl.gz'), '');
    job = retention();
    const run = await job.run();
    await job.stop();
    expect(run.archivesDeleted).toEqual(['2019-10.jsonl.gz', '2019-11.jsonl.gz']);
    expect((await readdir(archive)).sort()).toEqual(['2019-12.jsonl.gz', '2026-08.jsonl.gz', 'notes.txt']);
  });

  it('just deletes old records in memory mode', async () => {
    storage.appendAudit([record(NOW - 100 * DAY, 1), record(NOW - 10 * DAY, 2)]);
    const job = retention({ archiveDir: null, hotDays: 30 });
    const run = await job.run();
    await job.stop();
    expect([run.archived, run.deleted]).toEqual([0, 1]);
    expect(storage.queryAudit({ limit: 10 }).map((r) => r.targetId)).toEqual(['inc-2']);
    expect(await readdir(dir)).not.toContain('audit-archive');
  });

  it('runs at start by itself', async () => {
    storage.appendAudit([record(NOW - 100 * DAY, 1)]);
    const job = retention();
    for (let i = 0; i < 50 && storage.queryAudit({ limit: 1 }).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await job.stop();
    expect(storage.queryAudit({ limit: 1 })).toEqual([]);
  });
});

describe('audit retention flags', () => {
  it('defaults to 90 days hot and seven years archived', () => {
    const c = parseCli([]);
    expect([c.auditHotDays, c.auditArchiveDays]).toEqual([undefined, undefined]);
    expect([DEFAULT_AUDIT_HOT_DAYS, DEFAULT_AUDIT_ARCHIVE_DAYS]).toEqual([90, 2_557]);
  });

  it('takes days, and refuses an archive shorter than the hot days or nonsense', () => {
    const c = parseCli(['--audit-hot-days', '30', '--audit-archive-days', '365']);
    expect([c.auditHotDays, c.auditArchiveDays]).toEqual([30, 365]);
    expect(() => parseCli(['--audit-hot-days', '100', '--audit-archive-days', '99'])).toThrow(UsageError);
    for (const bad of ['0', '-1', 'NaN', '1.5', '1e9']) {
      expect(() => parseCli(['--audit-hot-days', bad])).toThrow(UsageError);
    }
  });
});
