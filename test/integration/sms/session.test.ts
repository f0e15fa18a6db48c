import {
  AuditRecordSchema,
  HttpErrorSchema,
  PROTOCOL_VERSION,
  SessionResponseSchema,
  SnapshotSchema,
} from '../../../shared/protocol';
import { get, login, post, startTestSms, type TestSms } from '../support/sms';

// Real servers and sockets: generous limits for a loaded CI machine (no test measures time).
jest.setTimeout(20_000);

let t: TestSms;
beforeEach(async () => {
  t = await startTestSms();
});
afterEach(async () => {
  await t.close();
});

describe('POST /api/session', () => {
  it('answers a token, the user and the protocol version for valid credentials', async () => {
    const res = await post(`${t.url}/api/session`, { username: 'dispatcher', password: 'jccr-demo' });
    expect(res.status).toBe(200);
    const body = SessionResponseSchema.parse(res.body);
    expect(body.user).toEqual({ id: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' });
    expect(body.protocolVersion).toBe(PROTOCOL_VERSION);
    // When the session ends unless renewed: a 12-hour shift from now.
    expect(Date.parse(body.expiresAt ?? '') - Date.now()).toBeGreaterThan(11.9 * 3_600_000);
  });

  it('answers 401 for a wrong password and for an unknown user', async () => {
    const wrong = await post(`${t.url}/api/session`, { username: 'dispatcher', password: 'nope-nope' });
    const unknown = await post(`${t.url}/api/session`, { username: 'mallory', password: 'jccr-demo' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(HttpErrorSchema.parse(wrong.body).error.code).toBe('unauthorized');
  });

  it('has one demo user per role', async () => {
    for (const role of ['dispatcher', 'supervisor', 'commander', 'viewer', 'admin']) {
      const res = await post(`${t.url}/api/session`, { username: role, password: 'jccr-demo' });
      expect(SessionResponseSchema.parse(res.body).user.role).toBe(role);
    }
  });

  it('limits login attempts per client address, then still serves others', async () => {
    await t.restart({ loginRate: { perSecond: 0.001, burst: 3 } });
    const attempts = [];
    for (let i = 0; i < 4; i++) attempts.push(await post(`${t.url}/api/session`, { username: 'x', password: 'y' }));
    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 429]);
    expect(HttpErrorSchema.parse(attempts[3]?.body).error).toMatchObject({
      code: 'rate_limited',
      retryAfterMs: expect.any(Number),
    });
    expect((await get(`${t.url}/api/health`)).status).toBe(200);
  });
});

describe('GET /api/snapshot', () => {
  it('answers the whole state and its seq with a valid token', async () => {
    const token = await login(t.url, 'viewer');
    const res = await get(`${t.url}/api/snapshot`, token);
    expect(res.status).toBe(200);
    const snapshot = SnapshotSchema.parse(res.body);
    expect(snapshot.seq).toBe(0);
    expect(snapshot.units.map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(snapshot.cameras).toHaveLength(2);
    expect(snapshot.servicePoints).toHaveLength(1);
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await get(`${t.url}/api/snapshot`)).status).toBe(401);
    expect((await get(`${t.url}/api/snapshot`, 'v1.e30.AAAA')).status).toBe(401);
  });
});

describe('GET /api/health', () => {
  it('answers without a token', async () => {
    const res = await get(`${t.url}/api/health`);
    expect(res).toEqual({ status: 200, body: { status: 'ok', seq: 0, protocolVersion: PROTOCOL_VERSION } });
  });
});

describe('GET /api/audit', () => {
  it('lists login attempts, newest first, to admins and supervisors', async () => {
    await post(`${t.url}/api/session`, { username: 'dispatcher', password: 'wrong-password' });
    const token = await login(t.url, 'admin');
    const res = await get(`${t.url}/api/audit?action=session.login&limit=10`, token);
    expect(res.status).toBe(200);
    const records = AuditRecordSchema.array().parse((res.body as { records: unknown }).records);
    expect(records.map((r) => [r.username, r.result])).toEqual([
      ['admin', 'ok'],
      ['dispatcher', 'unauthorized'],
    ]);
    expect((await get(`${t.url}/api/audit`, await login(t.url, 'supervisor'))).status).toBe(200);
  });

  it('is forbidden to other roles and needs a token', async () => {
    expect((await get(`${t.url}/api/audit`, await login(t.url, 'dispatcher'))).status).toBe(403);
    expect((await get(`${t.url}/api/audit`, await login(t.url, 'viewer'))).status).toBe(403);
    expect((await get(`${t.url}/api/audit`)).status).toBe(401);
  });

  it('refuses a bad query', async () => {
    const res = await get(`${t.url}/api/audit?limit=-3`, await login(t.url, 'admin'));
    expect(res.status).toBe(400);
    expect(HttpErrorSchema.parse(res.body).error.code).toBe('invalid');
  });
});
