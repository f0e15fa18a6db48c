// What docs/protocol.md states about `/api/audit` (limit, order, filter) and about `ready` and
// `resync` (what `ready.seq` means; no `ready` after a `resync`), held against a real SMS.
import { AuditResponseSchema, HttpErrorSchema, type Ready } from '../../../shared/protocol';
import { AUDIT_LIMIT } from '../../../shared/protocol';
import type { NewAuditRecord } from '../../../sms/storage/storage';
import { commandId, connect, get, login, sendRaw, startTestSms, type TestSms } from '../support/sms';

jest.setTimeout(20_000);

let t: TestSms;
beforeEach(async () => {
  t = await startTestSms();
});
afterEach(async () => {
  await t.close();
});

function record(i: number): NewAuditRecord {
  return {
    at: new Date(Date.parse('2026-11-25T10:00:00.000Z') + i).toISOString(),
    userId: 'user-test',
    username: 'test',
    role: 'dispatcher',
    action: i % 2 === 0 ? 'test.even' : 'test.odd',
    targetId: null,
    result: 'ok',
    reason: null,
    detail: JSON.stringify({ i }),
  };
}

describe('GET /api/audit', () => {
  it('answers the newest first, 100 by default, limit 1 to 1000, filtered by action; other parameters are refused', async () => {
    t.sms.core.audit(Array.from({ length: AUDIT_LIMIT.default + 50 }, (_, i) => record(i)));
    const token = await login(t.url, 'supervisor');
    const audit = async (query: string) => {
      const res = await get(`${t.url}/api/audit${query}`, token);
      return { status: res.status, body: res.body };
    };
    const all = AuditResponseSchema.parse((await audit('')).body).records;
    expect(all).toHaveLength(AUDIT_LIMIT.default);
    const ids = all.map((r) => r.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(JSON.parse(all.find((r) => r.action.startsWith('test.'))?.detail ?? '{}')).toEqual({
      i: AUDIT_LIMIT.default + 49,
    });

    for (const bad of [
      `${AUDIT_LIMIT.min - 1}`,
      `${AUDIT_LIMIT.max + 1}`,
      'abc',
      '1.5',
      '0x10',
      '%20%205',
      '-1',
      '1e2',
    ]) {
      const res = await audit(`?limit=${bad}`);
      expect([bad, res.status, HttpErrorSchema.parse(res.body).error.code]).toEqual([bad, 400, 'invalid']);
    }
    expect(
      AuditResponseSchema.parse((await audit(`?limit=${AUDIT_LIMIT.max}`)).body).records.length,
    ).toBeLessThanOrEqual(AUDIT_LIMIT.max);
    expect(AuditResponseSchema.parse((await audit(`?limit=${AUDIT_LIMIT.min}`)).body).records).toHaveLength(1);

    const odd = AuditResponseSchema.parse((await audit('?action=test.odd&limit=1000')).body).records;
    expect(odd).toHaveLength((AUDIT_LIMIT.default + 50) / 2);
    expect(new Set(odd.map((r) => r.action))).toEqual(new Set(['test.odd']));
    const misspelt = await audit('?limit=5&colour=blue');
    expect(misspelt.status).toBe(400);
    expect(HttpErrorSchema.parse(misspelt.body).error.message).toContain('colour');
  });

  it('is for supervisors and admins only', async () => {
    expect((await get(`${t.url}/api/audit`, await login(t.url, 'dispatcher'))).status).toBe(403);
    expect((await get(`${t.url}/api/audit`)).status).toBe(401);
    expect((await get(`${t.url}/api/audit`, await login(t.url, 'admin'))).status).toBe(200);
  });
});

describe('ready and resync', () => {
  it('ready.seq is the latest seq when live delivery began; no ready follows a resync', async () => {
    const token = await login(t.url, 'dispatcher');
    const writer = await connect(t.url, token);
    const incident = { type: 'theft', grade: 3, location: { lon: -0.0886, lat: 51.5134 }, summary: 'x' };
    for (let i = 0; i < 3; i++)
      await sendRaw(writer.socket, { id: commandId(), type: 'incident.create', payload: incident });
    const latest = t.sms.core.seq;
    const readyOf = async (since?: number): Promise<Ready> => {
      const c = await connect(t.url, token, since);
      const ready = await c.ready;
      c.close();
      return ready;
    };
    expect(await readyOf()).toEqual({ seq: latest, replayed: 0 });
    expect(await readyOf(latest - 2)).toEqual({ seq: latest, replayed: 2 });
    expect(await readyOf(latest)).toEqual({ seq: latest, replayed: 0 });

    const ahead = await connect(t.url, token, latest + 100);
    let readies = 0;
    ahead.socket.on('ready', () => (readies += 1));
    expect((await ahead.resynced).reason).toBe('ahead_of_journal');
    await sendRaw(writer.socket, { id: commandId(), type: 'incident.create', payload: incident });
    await ahead.waitForSeq(latest + 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(readies).toBe(0);
    ahead.close();
    writer.close();
  });
});
