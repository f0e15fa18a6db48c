import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { latestLogEntries, withLogEntries } from '../../shared/domain/incidentLog';
import { INCIDENT_LOG_TAIL, type Incident, type LogEntry } from '../../shared/protocol';
import { anIncident } from '../../test/support/records';
import { SQLITE_MIGRATIONS } from './migrations';
import { openSqliteStorage } from './sqlite';
import type { NewAuditRecord } from './storage';

const entry = (i: number, text = `note ${i}`): LogEntry => ({
  id: `log-${String(i).padStart(6, '0')}`,
  at: '2026-11-25T10:00:00.000Z',
  author: 'dispatcher',
  kind: 'note',
  text,
});

/** An incident as the SMS would store it after `n` notes, each added by one commit. */
function withNotes(base: Incident, from: number, to: number, text?: (i: number) => string): Incident[] {
  const states: Incident[] = [];
  let x = base;
  for (let i = from; i < to; i++) {
    x = withLogEntries(x, [entry(i, text?.(i))]);
    states.push(x);
  }
  return states;
}

const audit = (at: string, detail = ''): NewAuditRecord => ({
  at,
  userId: 'user-a',
  username: 'a',
  role: 'admin',
  action: 'incident.note',
  targetId: null,
  result: 'ok',
  reason: null,
  detail,
});

describe('an incident log kept whole in storage while the record carries its latest entries', () => {
  it('appends every entry once, whatever the record states stored, and reads pages backwards', () => {
    const s = openSqliteStorage(':memory:');
    const states = withNotes(anIncident({ log: [], logCount: 0 }), 0, 120);
    for (const x of states) s.commit({ records: { put: { incident: [x] } } });
    // Storing an old state again, or the latest twice, adds nothing.
    s.commit({ records: { put: { incident: [states[10]!, states.at(-1)!] } } });
    const stored = s.load().records.incident[0]!;
    expect(stored.log).toHaveLength(INCIDENT_LOG_TAIL);
    expect(stored.logCount).toBe(120);
    const all = s.readRecordLog('incident', 'inc-1', 1_000, 500, 1e9);
    expect(all.map((e) => e.n)).toEqual([...Array(120).keys()]);
    expect(all.map((e) => e.entry)).toEqual([...Array(120).keys()].map((i) => entry(i)));
    const page = s.readRecordLog('incident', 'inc-1', 70, 30, 1e9);
    expect(page.map((e) => e.n)).toEqual([...Array(30).keys()].map((i) => 40 + i));
    expect(s.readRecordLog('incident', 'other', 1_000, 10, 1e9)).toEqual([]);
    s.close();
  });

  it('stops a page at its character budget but always gives one entry', () => {
    const s = openSqliteStorage(':memory:');
    const states = withNotes(anIncident({ log: [], logCount: 0 }), 0, 20, () => 'x'.repeat(1_000));
    s.commit({ records: { put: { incident: states } } });
    expect(s.readRecordLog('incident', 'inc-1', 20, 20, 5_500).map((e) => e.n)).toEqual([15, 16, 17, 18, 19]);
    expect(s.readRecordLog('incident', 'inc-1', 20, 20, 10).map((e) => e.n)).toEqual([19]);
    s.close();
  });
});

describe('audit rows for the retention job', () => {
  it('reads the oldest rows before a time within a budget, and deletes them with the archive meta', () => {
    const s = openSqliteStorage(':memory:');
    s.appendAudit([
      audit('2026-01-03T00:00:00.000Z'),
      audit('2026-01-01T00:00:00.000Z', 'x'.repeat(1_000)),
      audit('2026-01-02T00:00:00.000Z'),
      audit('2026-06-01T00:00:00.000Z'),
    ]);
    const old = s.auditBefore('2026-02-01T00:00:00.000Z', 10, 1e9);
    expect(old.map((r) => r.at)).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-01-02T00:00:00.000Z',
      '2026-01-03T00:00:00.000Z',
    ]);
    expect(s.auditBefore('2026-02-01T00:00:00.000Z', 10, 100)).toHaveLength(1);
    expect(s.deleteAudit([...old.map((r) => r.id), 'audit-nonsense'], { k: 'v' })).toBe(3);
    expect(s.getMeta('k')).toBe('v');
    expect(s.queryAudit({ limit: 10 }).map((r) => r.at)).toEqual(['2026-06-01T00:00:00.000Z']);
    s.close();
  });
});

describe('migration 4 from a database of schema 2', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jccr-growth-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('moves whole logs to the log table and trims the records to their latest entries', () => {
    const path = join(dir, 'sms.sqlite');
    const raw = new Database(path);
    for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= 2)) raw.exec(m.sql);
    raw.pragma('user_version = 2');
    const long = [...Array(120).keys()].map((i) => entry(i, 'y'.repeat(i % 3 === 0 ? 9_000 : 100)));
    const short = [entry(0), entry(1)];
    const insert = raw.prepare('INSERT INTO incidents (id, data) VALUES (?, ?)');
    insert.run('inc-1', JSON.stringify(anIncident({ id: 'inc-1', log: long })));
    insert.run('inc-2', JSON.stringify(anIncident({ id: 'inc-2', log: short })));
    insert.run('inc-3', JSON.stringify(anIncident({ id: 'inc-3', log: [] })));
    raw.close();

    const s = openSqliteStorage(path);
    const byId = new Map(s.load().records.incident.map((i) => [i.id, i]));
    expect(byId.get('inc-1')).toEqual(anIncident({ id: 'inc-1', log: latestLogEntries(long), logCount: 120 }));
    expect(byId.get('inc-1')!.log.length).toBeLessThan(INCIDENT_LOG_TAIL);
    expect(byId.get('inc-2')).toEqual(anIncident({ id: 'inc-2', log: short, logCount: 2 }));
    expect(byId.get('inc-3')).toEqual(anIncident({ id: 'inc-3', log: [], logCount: 0 }));
    expect(s.readRecordLog('incident', 'inc-1', 1_000, 500, 1e9).map((e) => e.entry)).toEqual(long);
    // The next note follows on from the migrated count.
    s.commit({ records: { put: { incident: [withLogEntries(byId.get('inc-1')!, [entry(120)])] } } });
    expect(s.readRecordLog('incident', 'inc-1', 1_000, 2, 1e9)).toEqual([
      { n: 119, entry: long[119] },
      { n: 120, entry: entry(120) },
    ]);
    s.close();
  });
});
