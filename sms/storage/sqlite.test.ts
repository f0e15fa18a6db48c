import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ENTITY_KINDS, type EventEnvelope } from '../../shared/protocol';
import { testUnit } from '../../test/support/world';
import { entityTable, SQLITE_MIGRATIONS } from './migrations';
import { openSqliteStorage, StorageCorruptError } from './sqlite';
import type { NewAuditRecord } from './storage';

const positions = (seq: number): EventEnvelope => ({
  seq,
  ts: 1_000 + seq,
  type: 'unit.positions',
  payload: { positions: [{ id: 'u1', lon: 0, lat: 0, heading: 0, speed: 0 }] },
});
const audit = (action: string): NewAuditRecord => ({
  at: '2026-11-25T10:00:00.000Z',
  userId: 'user-a',
  username: 'a',
  role: 'admin',
  action,
  targetId: null,
  result: 'ok',
  reason: null,
  detail: '',
});

describe('openSqliteStorage', () => {
  it('stores records, events and counters in one transaction, or none of them', () => {
    const s = openSqliteStorage(':memory:');
    s.commit({ records: { put: { unit: [testUnit('u1')] } }, events: [positions(1)], counters: { incident: 1 } });
    expect(() =>
      s.commit({ records: { put: { unit: [testUnit('u2')] } }, events: [positions(3)], counters: { incident: 2 } }),
    ).toThrow(StorageCorruptError);
    const state = s.load();
    expect([state.seq, state.records.unit.map((u) => u.id), state.counters]).toEqual([1, ['u1'], { incident: 1 }]);
    s.close();
  });

  it('reads the journal after a seq, in order, up to a limit', () => {
    const s = openSqliteStorage(':memory:');
    s.commit({ events: [1, 2, 3, 4, 5].map(positions) });
    expect(s.readEvents(2, 2)).toEqual([positions(3), positions(4)]);
    s.close();
  });

  it('prunes the oldest events, at most a chunk at a time', () => {
    const s = openSqliteStorage(':memory:');
    s.commit({ events: [1, 2, 3, 4, 5].map(positions) });
    expect(s.pruneJournal(5, 3)).toBe(3);
    expect(s.oldestSeq()).toBe(4);
    expect(s.pruneJournal(5, 3)).toBe(1);
    expect(s.load().seq).toBe(5);
    s.close();
  });

  it('keeps command answers', () => {
    const s = openSqliteStorage(':memory:');
    const ack = { ok: false as const, error: { code: 'not_found' as const, message: 'No incident.' } };
    const command = { id: 'cmd-1', userId: 'user-a', type: 'incident.note', ack, at: 5, payloadHash: 'ab12' };
    s.commit({ command });
    expect(s.findCommand('cmd-1')).toEqual(command);
    expect(s.pruneCommands(6)).toBe(1);
    expect(s.findCommand('cmd-1')).toBeUndefined();
    s.close();
  });

  it('answers audit queries newest first, by action', () => {
    const s = openSqliteStorage(':memory:');
    s.appendAudit([audit('session.login'), audit('incident.create'), audit('session.login')]);
    expect(s.queryAudit({ limit: 10, action: 'session.login' }).map((r) => r.id)).toEqual([
      'audit-00000003',
      'audit-00000001',
    ]);
    expect(s.queryAudit({ limit: 1 }).map((r) => r.action)).toEqual(['session.login']);
    s.close();
  });

  it('answers audit queries by action, user and target together', () => {
    const s = openSqliteStorage(':memory:');
    const view = (userId: string, targetId: string | null) => ({ ...audit('camera.view'), userId, targetId });
    s.appendAudit([view('user-a', 'cam-1'), view('user-b', 'cam-1'), view('user-a', 'cam-2'), view('user-a', 'cam-1')]);
    s.appendAudit([{ ...audit('camera.viewEnd'), targetId: 'cam-1' }]);
    const ids = (q: Parameters<typeof s.queryAudit>[0]) => s.queryAudit(q).map((r) => r.id);
    expect(ids({ limit: 10, action: 'camera.view', userId: 'user-a', targetId: 'cam-1' })).toEqual([
      'audit-00000004',
      'audit-00000001',
    ]);
    expect(ids({ limit: 10, userId: 'user-b' })).toEqual(['audit-00000002']);
    expect(ids({ limit: 10, targetId: 'cam-1' })).toEqual([
      'audit-00000005',
      'audit-00000004',
      'audit-00000002',
      'audit-00000001',
    ]);
    s.close();
  });

  it('replaces the users', () => {
    const s = openSqliteStorage(':memory:');
    s.replaceUsers([{ id: 'user-a', username: 'a', role: 'admin', passwordHash: 'h' }]);
    s.replaceUsers([{ id: 'user-b', username: 'b', role: 'viewer', passwordHash: 'h' }]);
    expect(s.listUsers().map((u) => u.username)).toEqual(['b']);
    s.close();
  });

  describe('on disk', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'jccr-storage-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('uses the write-ahead log and keeps everything across a reopen', () => {
      const path = join(dir, 'sms.sqlite');
      const s = openSqliteStorage(path);
      s.commit({ records: { put: { unit: [testUnit('u1')] } }, events: [positions(1)] });
      s.setMeta('k', 'v');
      s.close();
      const raw = new Database(path, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      raw.close();
      const again = openSqliteStorage(path);
      expect([again.load().seq, again.load().records.unit.length, again.getMeta('k')]).toEqual([1, 1, 'v']);
      again.close();
    });

    it('refuses a database written by a newer SMS', () => {
      const path = join(dir, 'sms.sqlite');
      const raw = new Database(path);
      raw.pragma('user_version = 99');
      raw.close();
      expect(() => openSqliteStorage(path)).toThrow(StorageCorruptError);
    });

    it('runs numbered migrations once, in order, and records the version', () => {
      const path = join(dir, 'sms.sqlite');
      const migrations = [...SQLITE_MIGRATIONS, { version: SQLITE_MIGRATIONS.length + 1, sql: entityTable('things') }];
      openSqliteStorage(path, { migrations }).close();
      // A reopen runs nothing again (a second CREATE TABLE would throw).
      openSqliteStorage(path, { migrations }).close();
      const raw = new Database(path, { readonly: true });
      expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'things'").get()).toEqual({ name: 'things' });
      raw.close();
    });

    it('opens a database of schema 1 made before numbered migrations (tables added in place)', () => {
      const path = join(dir, 'sms.sqlite');
      const raw = new Database(path);
      raw.exec(SQLITE_MIGRATIONS[0]!.sql);
      raw.pragma('user_version = 1');
      raw.close();
      const s = openSqliteStorage(path);
      expect(s.load().records.wallPreset).toEqual([]);
      s.close();
    });

    it('keeps the command answers of schema 1 without a payload fingerprint', () => {
      const path = join(dir, 'sms.sqlite');
      const raw = new Database(path);
      raw.exec(SQLITE_MIGRATIONS[0]!.sql);
      raw.pragma('user_version = 1');
      const ack = { ok: true, result: { viewId: 'view-1', cameraId: 'cam-1' } };
      raw
        .prepare('INSERT INTO commands (id, user_id, type, ack, at) VALUES (?, ?, ?, ?, ?)')
        .run('cmd-old', 'user-a', 'camera.view', JSON.stringify(ack), 5);
      raw.close();
      const s = openSqliteStorage(path);
      expect(s.findCommand('cmd-old')).toEqual({
        id: 'cmd-old',
        userId: 'user-a',
        type: 'camera.view',
        ack,
        at: 5,
        payloadHash: null,
      });
      s.close();
    });

    it('refuses to start when a kind has no table (a kind added without its migration)', () => {
      const kinds = { ...ENTITY_KINDS, thing: { ...ENTITY_KINDS.camera, table: 'things' } };
      expect(() => openSqliteStorage(join(dir, 'sms.sqlite'), { kinds })).toThrow(/No table things/);
    });

    it('refuses a record that does not match its schema', () => {
      const path = join(dir, 'sms.sqlite');
      openSqliteStorage(path).close();
      const raw = new Database(path);
      raw
        .prepare('INSERT INTO units (id, data) VALUES (?, ?)')
        .run('u1', JSON.stringify({ id: 'u1', status: 'flying' }));
      raw.close();
      const s = openSqliteStorage(path);
      expect(() => s.load()).toThrow(StorageCorruptError);
      s.close();
    });
  });
});
