import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import {
  AuditRecordSchema,
  AuditResponseSchema,
  INCIDENT_LOG_TAIL,
  IncidentLogResponseSchema,
  SnapshotSchema,
  type LogEntry,
} from '../../../shared/protocol';
import { startSms } from '../../../sms/app';
import { silentLogger } from '../../../sms/core/log';
import { SQLITE_MIGRATIONS } from '../../../sms/storage/migrations';
import { anIncident } from '../../support/records';
import { get, login, startTestSms, TEST_SECRET } from '../support/sms';

jest.setTimeout(30_000);

const DAY = 86_400_000;

async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('audit retention in a running SMS', () => {
  it('archives records older than the hot days at start and keeps the recent ones', async () => {
    const t = await startTestSms();
    try {
      const row = (at: number, action: string) => ({
        at: new Date(at).toISOString(),
        userId: 'user-a',
        username: 'dispatcher',
        role: 'dispatcher',
        action,
        targetId: null,
        result: 'ok',
        reason: null,
        detail: '{}',
      });
      t.sms.core.audit([row(Date.now() - 40 * DAY, 'old.one'), row(Date.now() - 10 * DAY, 'recent.one')]);
      await t.restart({ auditHotDays: 30 });
      const archive = join(t.dataDir, 'audit-archive');
      await until(async () => (await readdir(archive).catch(() => [])).length > 0, 'the archive');
      const [file] = await readdir(archive);
      expect(file).toMatch(/^\d{4}-\d{2}\.jsonl\.gz$/);
      const lines = gunzipSync(await readFile(join(archive, file!)))
        .toString('utf8')
        .trim()
        .split('\n')
        .map((l) => AuditRecordSchema.parse(JSON.parse(l)));
      expect(lines.map((r) => r.action)).toEqual(['old.one']);
      const supervisor = await login(t.url, 'supervisor');
      const records = AuditResponseSchema.parse((await get(`${t.url}/api/audit?limit=1000`, supervisor)).body).records;
      expect(records.map((r) => r.action)).toContain('recent.one');
      expect(records.map((r) => r.action)).not.toContain('old.one');
    } finally {
      await t.close();
    }
  });
});

describe('an SMS started on a database of schema 2', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jccr-growth-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves its long incident log bounded in the snapshot and whole from the log route', async () => {
    const entry = (i: number): LogEntry => ({
      id: `log-${i}`,
      at: '2026-11-25T10:00:00.000Z',
      author: 'dispatcher',
      kind: 'note',
      text: `note ${i}`,
    });
    const log = [...Array(300).keys()].map(entry);
    const raw = new Database(join(dir, 'sms.sqlite'));
    for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= 2)) raw.exec(m.sql);
    raw.pragma('user_version = 2');
    raw.prepare('INSERT INTO incidents (id, data) VALUES (?, ?)').run('inc-1', JSON.stringify(anIncident({ log })));
    raw.close();

    const sms = await startSms({
      dataDir: dir,
      demo: true,
      sim: false,
      video: false,
      appDir: null,
      secret: TEST_SECRET,
      logger: silentLogger,
    });
    try {
      const token = await login(sms.url, 'viewer');
      const snapshot = SnapshotSchema.parse((await get(`${sms.url}/api/snapshot`, token)).body);
      const incident = snapshot.incidents.find((i) => i.id === 'inc-1')!;
      expect([incident.logCount, incident.log]).toEqual([300, log.slice(-INCIDENT_LOG_TAIL)]);
      const page = IncidentLogResponseSchema.parse(
        (await get(`${sms.url}/api/incidents/inc-1/log?limit=500`, token)).body,
      );
      expect(page.total).toBe(300);
      expect(page.entries).toEqual(log.map((e, n) => ({ n, ...e })));
    } finally {
      await sms.close();
    }
  });
});
