import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { anAlert, anIncident } from '../../test/support/records';
import { SQLITE_MIGRATIONS } from './migrations';
import { openSqliteStorage } from './sqlite';

const iso = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString();
const ref = (n: number) => `CAD-2026-${String(n).padStart(6, '0')}`;

describe('history search (SQLite)', () => {
  it('answers newest first, live and archived, and never reads more than its scan bound', () => {
    const s = openSqliteStorage(':memory:');
    const incidents = Array.from({ length: 30 }, (_, i) =>
      anIncident({ id: `inc-${i}`, ref: ref(i), createdAt: iso(i), summary: i % 10 === 0 ? 'Bicycle' : 'Phone' }),
    );
    s.commit({ records: { put: { incident: incidents } } });
    s.commit({ records: { removed: { incident: ['inc-20'] } } });

    const all = s.searchHistory('incident', { limit: 100, maxChars: 1e6, scan: 1_000 });
    expect(all.items.map((x) => (x.record as { id: string }).id)).toEqual(incidents.map((i) => i.id).reverse());
    expect(all.items.find((x) => (x.record as { id: string }).id === 'inc-20')?.archived).toBe(true);
    expect(all.next).toBeNull();

    // Three bicycles among 30 rows; a scan of 12 rows reaches back to inc-18 and finds only inc-20.
    const first = s.searchHistory('incident', { text: 'bicycle', limit: 10, maxChars: 1e6, scan: 12 });
    expect(first.items.map((x) => (x.record as { id: string }).id)).toEqual(['inc-20']);
    expect(first.next).toEqual({ at: iso(18), id: 'inc-18' });
    const rest = s.searchHistory('incident', {
      text: 'bicycle',
      limit: 10,
      maxChars: 1e6,
      scan: 100,
      after: first.next!,
    });
    expect(rest.items.map((x) => (x.record as { id: string }).id)).toEqual(['inc-10', 'inc-0']);
    expect(rest.next).toBeNull();

    // A full page stops at the next match, resuming after the rows between it and its last item.
    const paged = s.searchHistory('incident', { text: 'bicycle', limit: 1, maxChars: 1e6, scan: 100 });
    expect(paged.next).toEqual({ at: iso(11), id: 'inc-11' });
    const after = s.searchHistory('incident', {
      text: 'bicycle',
      limit: 1,
      maxChars: 1e6,
      scan: 100,
      after: paged.next!,
    });
    expect(after.items.map((x) => (x.record as { id: string }).id)).toEqual(['inc-10']);
    expect(s.searchHistory('incident', { ref: ref(7), limit: 10, maxChars: 1e6, scan: 100 }).items).toHaveLength(1);
    s.close();
  });

  it('back-fills the archive clocks of closed incidents and handled alerts of a schema-4 database', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jccr-history-'));
    try {
      const path = join(dir, 'sms.sqlite');
      const raw = new Database(path);
      for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= 4)) raw.exec(m.sql);
      raw.pragma('user_version = 4');
      const put = raw.prepare('INSERT INTO incidents (id, data) VALUES (?, ?)');
      const closedAt = iso(5);
      put.run('inc-1', JSON.stringify(anIncident({ id: 'inc-1', status: 'closed', closedAt, updatedAt: closedAt })));
      put.run('inc-2', JSON.stringify(anIncident({ id: 'inc-2', ref: ref(2) })));
      const alert = raw.prepare('INSERT INTO alerts (id, data) VALUES (?, ?)');
      alert.run('alert-1', JSON.stringify(anAlert({ id: 'alert-1', status: 'dismissed', acknowledgedAt: iso(7) })));
      alert.run('alert-2', JSON.stringify(anAlert({ id: 'alert-2', status: 'raised' })));
      raw.close();

      const s = openSqliteStorage(path);
      expect(s.dueForArchive(Date.parse(iso(6)), 10)).toEqual([{ kind: 'incident', id: 'inc-1' }]);
      expect(s.dueForArchive(Date.parse(iso(60)), 10)).toEqual([
        { kind: 'incident', id: 'inc-1' },
        { kind: 'alert', id: 'alert-1' },
      ]);
      expect(s.load().records.incident.map((i) => i.id)).toEqual(['inc-1', 'inc-2']);
      s.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
