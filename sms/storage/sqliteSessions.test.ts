import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStorage } from './sqlite';
import type { SessionRecord } from './storage';

const base: SessionRecord = {
  id: 's1',
  userId: 'user-a',
  username: 'a',
  role: 'dispatcher',
  createdAt: 1_000,
  expiresAt: 10_000,
  revokedAt: null,
  revokedWhy: null,
};

describe('sessions in SQLite', () => {
  it('lists live sessions only, and keeps renewals and revocations', () => {
    const storage = openSqliteStorage(':memory:');
    storage.insertSession(base);
    storage.insertSession({ ...base, id: 's2', expiresAt: 2_000 });
    storage.insertSession({ ...base, id: 's3' });
    storage.setSessionExpiry('s2', 20_000);
    storage.revokeSessions(['s3'], 5_000, 'logout');
    storage.revokeSessions(['s3'], 6_000, 'user_removed');
    expect(storage.liveSessions(3_000).map((s) => s.id)).toEqual(['s1', 's2']);
    expect(storage.liveSessions(15_000).map((s) => s.id)).toEqual(['s2']);
    expect(storage.findSession('s3')).toMatchObject({ revokedAt: 5_000, revokedWhy: 'logout' });
    expect(storage.findSession('nope')).toBeUndefined();
    storage.close();
  });

  it('prunes expired and revoked sessions in bounded steps', () => {
    const storage = openSqliteStorage(':memory:');
    for (let i = 0; i < 5; i++) storage.insertSession({ ...base, id: `old${i}`, expiresAt: 100 });
    storage.insertSession({ ...base, id: 'revoked' });
    storage.revokeSessions(['revoked'], 200, 'logout');
    storage.insertSession({ ...base, id: 'live' });
    expect(storage.pruneSessions(1_000, 4)).toBe(4);
    expect(storage.pruneSessions(1_000, 4)).toBe(2);
    expect(storage.findSession('live')).toBeDefined();
    storage.close();
  });

  it('keeps revocations across a reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jccr-sessions-'));
    try {
      const path = join(dir, 'sms.sqlite');
      const first = openSqliteStorage(path);
      first.insertSession(base);
      first.insertSession({ ...base, id: 's2' });
      first.revokeSessions(['s1'], 2_000, 'logout');
      first.close();
      const second = openSqliteStorage(path);
      expect(second.liveSessions(3_000).map((s) => s.id)).toEqual(['s2']);
      second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
