import {
  AuditRecordSchema,
  HttpErrorSchema,
  SessionResponseSchema,
  UNAUTHORIZED,
  type SessionResponse,
} from '../../../shared/protocol';
import { signToken } from '../../../sms/auth/tokens';
import { connect, get, post, send, startTestSms, TEST_SECRET, type Client, type TestSms } from '../support/sms';

// Real servers and sockets: generous limits for a loaded CI machine.
jest.setTimeout(30_000);

let t: TestSms;
const open: Client[] = [];
beforeEach(async () => {
  t = await startTestSms();
});
afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await t.close();
});

async function signIn(username: string): Promise<SessionResponse> {
  const res = await post(`${t.url}/api/session`, { username, password: 'jccr-demo' });
  expect(res.status).toBe(200);
  return SessionResponseSchema.parse(res.body);
}

async function request(method: 'POST' | 'DELETE', path: string, token?: string) {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown), headers: res.headers };
}

async function connected(token: string): Promise<Client> {
  const c = await connect(t.url, token);
  open.push(c);
  return c;
}

/** Resolves with the disconnect reason, or rejects after `ms`. */
function disconnectedWithin(c: Client, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!c.socket.connected) return resolve('already');
    const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
    c.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describe('POST /api/session', () => {
  it('answers when the session ends, a shift from now', async () => {
    const before = Date.now();
    const session = await signIn('dispatcher');
    const expires = Date.parse(session.expiresAt ?? '');
    expect(expires).toBeGreaterThanOrEqual(before + 12 * 3_600_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 12 * 3_600_000);
    expect(session.expiresAt).toMatch(/Z$/);
  });
});

describe('DELETE /api/session (sign-out)', () => {
  it('refuses the token at once over REST and disconnects its sockets within 2 s', async () => {
    const { token } = await signIn('dispatcher');
    const a = await connected(token);
    const b = await connected(token);
    const other = await signIn('dispatcher');
    const otherSocket = await connected(other.token);

    const out = await request('DELETE', '/api/session', token);
    expect(out.status).toBe(204);
    expect(out.body).toBeUndefined();
    await Promise.all([disconnectedWithin(a, 2_000), disconnectedWithin(b, 2_000)]);

    expect((await get(`${t.url}/api/snapshot`, token)).status).toBe(401);
    await expect(connect(t.url, token)).rejects.toThrow(UNAUTHORIZED);
    // The same user's other session goes on.
    expect(otherSocket.socket.connected).toBe(true);
    expect((await get(`${t.url}/api/snapshot`, other.token)).status).toBe(200);
    expect(await send(otherSocket.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' })).toMatchObject({
      error: { code: 'not_found' },
    });
  });

  it('is audited as session.logout', async () => {
    const { token } = await signIn('dispatcher');
    await request('DELETE', '/api/session', token);
    const admin = await signIn('admin');
    const res = await get(`${t.url}/api/audit?action=session.logout`, admin.token);
    const records = (res.body as { records: unknown[] }).records.map((r) => AuditRecordSchema.parse(r));
    expect(records).toEqual([expect.objectContaining({ username: 'dispatcher', result: 'ok' })]);
  });

  it('answers 401 without a token, with a bad one, and for a session already ended', async () => {
    const { token } = await signIn('viewer');
    expect((await request('DELETE', '/api/session')).status).toBe(401);
    expect((await request('DELETE', '/api/session', 'garbage')).status).toBe(401);
    expect((await request('DELETE', '/api/session', token)).status).toBe(204);
    const again = await request('DELETE', '/api/session', token);
    expect(again.status).toBe(401);
    expect(HttpErrorSchema.parse(again.body).error.code).toBe('unauthorized');
  });

  it('keeps a signed-out token refused after a restart on the same data and secret', async () => {
    const out = await signIn('dispatcher');
    const kept = await signIn('dispatcher');
    expect((await request('DELETE', '/api/session', out.token)).status).toBe(204);
    await t.restart();
    expect((await get(`${t.url}/api/snapshot`, out.token)).status).toBe(401);
    await expect(connect(t.url, out.token)).rejects.toThrow(UNAUTHORIZED);
    expect((await request('POST', '/api/session/renew', out.token)).status).toBe(401);
    expect((await get(`${t.url}/api/snapshot`, kept.token)).status).toBe(200);
  });
});

describe('POST /api/session/renew', () => {
  it('answers a fresh token for the same session with a later expiry', async () => {
    await t.restart({ tokenTtlMs: 60_000 });
    const first = await signIn('dispatcher');
    await new Promise((r) => setTimeout(r, 700));
    const res = await request('POST', '/api/session/renew', first.token);
    expect(res.status).toBe(200);
    const renewed = SessionResponseSchema.parse(res.body);
    expect(renewed.user).toEqual(first.user);
    expect(renewed.token).not.toBe(first.token);
    expect(Date.parse(renewed.expiresAt ?? '')).toBeGreaterThan(Date.parse(first.expiresAt ?? ''));
    expect((await get(`${t.url}/api/snapshot`, renewed.token)).status).toBe(200);
    // One session: signing out with the new token ends the old one too.
    expect((await request('DELETE', '/api/session', renewed.token)).status).toBe(204);
    expect((await get(`${t.url}/api/snapshot`, first.token)).status).toBe(401);
  });

  it('keeps a socket open past its token’s first expiry while the session is renewed', async () => {
    await t.restart({ tokenTtlMs: 2_000 });
    const first = await signIn('dispatcher');
    const c = await connected(first.token);
    const firstExpiry = Date.parse(first.expiresAt ?? '');
    let token = first.token;
    while (Date.now() < firstExpiry + 500) {
      await new Promise((r) => setTimeout(r, 400));
      const res = await request('POST', '/api/session/renew', token);
      expect(res.status).toBe(200);
      token = SessionResponseSchema.parse(res.body).token;
    }
    // Past the first token's expiry, the connection is still there and still commands.
    expect(c.socket.connected).toBe(true);
    expect(await send(c.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' })).toMatchObject({
      error: { code: 'not_found' },
    });
    // Without renewals the session ends and the socket with it.
    await disconnectedWithin(c, 5_000);
  });

  it('answers 401 for a revoked, expired, forged or missing token', async () => {
    const { token } = await signIn('dispatcher');
    await request('DELETE', '/api/session', token);
    const forged = signToken(
      { sid: 'AAAAAAAAAAAAAAAAAAAAAA', sub: 'user-admin', usr: 'admin', role: 'admin', exp: Date.now() + 60_000 },
      'another-secret-of-sufficient-length!!',
    );
    const unknownSession = signToken(
      { sid: 'AAAAAAAAAAAAAAAAAAAAAA', sub: 'user-admin', usr: 'admin', role: 'admin', exp: Date.now() + 60_000 },
      TEST_SECRET,
    );
    for (const bad of [token, forged, unknownSession, undefined, 'v1.x.y', 'x'.repeat(5_000)]) {
      const res = await request('POST', '/api/session/renew', bad);
      expect(res.status).toBe(401);
      expect(HttpErrorSchema.parse(res.body).error.code).toBe('unauthorized');
    }
  });
});

describe('hostile tokens', () => {
  const header = (alg: string) => Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
  const claims = Buffer.from(
    JSON.stringify({ sub: 'user-admin', usr: 'admin', role: 'admin', exp: Date.now() + 60_000 }),
  ).toString('base64url');

  it('refuses forged, alg-none, huge, non-ASCII and expired tokens on REST and at the handshake', async () => {
    const { token } = await signIn('admin');
    const [, body, mac] = token.split('.');
    const expired = signToken(
      { sid: 'AAAAAAAAAAAAAAAAAAAAAA', sub: 'user-admin', usr: 'admin', role: 'admin', exp: Date.now() - 1 },
      TEST_SECRET,
    );
    const hostile = [
      signToken(
        { sid: 'AAAAAAAAAAAAAAAAAAAAAA', sub: 'user-admin', usr: 'admin', role: 'admin', exp: Date.now() + 60_000 },
        'another-secret-of-sufficient-length!!',
      ),
      `${header('none')}.${claims}.`,
      `${header('HS256')}.${claims}.${mac}`,
      `v1.${body}.${'A'.repeat(43)}`,
      `v1.${'A'.repeat(4_000)}.${mac}`,
      `v1.${body}é.${mac}`,
      expired,
    ];
    for (const bad of hostile) {
      expect((await get(`${t.url}/api/snapshot`, bad)).status).toBe(401);
      await expect(connect(t.url, bad)).rejects.toThrow(UNAUTHORIZED);
    }
    // A non-ASCII Authorization header cannot even be sent by fetch; a huge one is refused too.
    expect((await get(`${t.url}/api/snapshot`, 'x'.repeat(10_000))).status).toBe(401);
    expect((await get(`${t.url}/api/snapshot`, token)).status).toBe(200);
  });
});
