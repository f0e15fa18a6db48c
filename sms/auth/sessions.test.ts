import { openSqliteStorage } from '../storage/sqlite';
import type { Storage, StoredUser } from '../storage/storage';
import { hashPassword, PUBLIC_PASSWORD_COST } from './passwords';
import { createAuth, type AuthService, type Revocation } from './sessions';
import { signToken, verifyToken } from './tokens';

const SECRET = 'unit-test-secret-0123456789-abcdefgh';
const TTL = 3_600_000;
const MAX_AGE = 4 * TTL;
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword('long enough', PUBLIC_PASSWORD_COST);
});

const user = (username: string, role: StoredUser['role']): StoredUser => ({
  id: `user-${username}`,
  username,
  role,
  passwordHash,
});

let storage: Storage;
let clock: number;
let revoked: Revocation[];
const start = (users: StoredUser[], disabled: string[] = []): AuthService =>
  createAuth({
    users,
    disabled,
    store: storage,
    secret: SECRET,
    tokenTtlMs: TTL,
    sessionMaxAgeMs: MAX_AGE,
    now: () => clock,
    onRevoked: (r) => revoked.push(r),
  });

beforeEach(() => {
  storage = openSqliteStorage(':memory:');
  clock = 1_000_000;
  revoked = [];
});
afterEach(() => storage.close());

async function signedIn(auth: AuthService, username = 'ann') {
  const issued = await auth.login(username, 'long enough');
  if (!issued) throw new Error('login failed');
  return issued;
}

describe('createAuth', () => {
  it('issues a token naming a new session, stored and checked', async () => {
    const auth = start([user('ann', 'dispatcher')]);
    const issued = await signedIn(auth);
    expect(issued.expiresAt).toBe(clock + TTL);
    expect(auth.verify(issued.token)).toEqual({
      ok: true,
      session: {
        sessionId: issued.sessionId,
        userId: 'user-ann',
        username: 'ann',
        role: 'dispatcher',
        expiresAt: clock + TTL,
      },
    });
    expect(storage.findSession(issued.sessionId)).toMatchObject({ userId: 'user-ann', revokedAt: null });
    expect(await auth.login('ann', 'wrong password')).toBeNull();
    expect(await auth.login('bob', 'long enough')).toBeNull();
  });

  it('checks tokens from memory: no store read after start', async () => {
    const auth = start([user('ann', 'dispatcher')]);
    const { token } = await signedIn(auth);
    const spy = jest.spyOn(storage, 'liveSessions');
    const find = jest.spyOn(storage, 'findSession');
    for (let i = 0; i < 100; i++) expect(auth.verify(token).ok).toBe(true);
    expect(spy).not.toHaveBeenCalled();
    expect(find).not.toHaveBeenCalled();
  });

  it('refuses a validly signed token whose session does not exist', () => {
    const auth = start([user('ann', 'dispatcher')]);
    const token = signToken(
      { sid: 'AAAAAAAAAAAAAAAAAAAAAA', sub: 'user-ann', usr: 'ann', role: 'dispatcher', exp: clock + 1_000 },
      SECRET,
    );
    expect(auth.verify(token)).toEqual({ ok: false, problem: 'no_session' });
  });

  it('refuses a token whose claims disagree with its session', async () => {
    const auth = start([user('ann', 'dispatcher'), user('bob', 'admin')]);
    const { sessionId } = await signedIn(auth);
    const token = signToken({ sid: sessionId, sub: 'user-bob', usr: 'bob', role: 'admin', exp: clock + 1_000 }, SECRET);
    expect(auth.verify(token)).toEqual({ ok: false, problem: 'unknown_user' });
  });

  it('renews: a fresh token, the expiry slid to now + TTL, stored', async () => {
    const auth = start([user('ann', 'dispatcher')]);
    const first = await signedIn(auth);
    clock += TTL / 2;
    const renewed = auth.renew(first.token);
    expect(renewed).toMatchObject({ ok: true, moved: true, issued: { expiresAt: clock + TTL } });
    if (!renewed.ok) throw new Error('renewal refused');
    expect(storage.findSession(first.sessionId)?.expiresAt).toBe(clock + TTL);
    // The first token ends at its own expiry; the session and the new token go on.
    clock = first.expiresAt;
    expect(auth.verify(first.token)).toMatchObject({ ok: false, problem: 'expired' });
    expect(auth.verify(renewed.issued.token)).toMatchObject({ ok: true, session: { expiresAt: clock + TTL / 2 } });
  });

  it('renews no further than the session cap, then the session ends', async () => {
    const auth = start([user('ann', 'dispatcher')]);
    let { token } = await signedIn(auth);
    const loginAt = clock;
    for (let i = 0; i < 10; i++) {
      clock += TTL / 2;
      const renewed = auth.renew(token);
      if (!renewed.ok) break;
      token = renewed.issued.token;
      expect(renewed.issued.expiresAt).toBeLessThanOrEqual(loginAt + MAX_AGE);
    }
    clock = loginAt + MAX_AGE;
    expect(auth.renew(token)).toMatchObject({ ok: false });
    expect(auth.verify(token)).toMatchObject({ ok: false });
  });

  it('stores renewals at most about once a minute', async () => {
    const auth = start([user('ann', 'dispatcher')]);
    const { token } = await signedIn(auth);
    const write = jest.spyOn(storage, 'setSessionExpiry');
    for (let i = 0; i < 50; i++) {
      clock += 1_000;
      expect(auth.renew(token).ok).toBe(true);
    }
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('signs out: the token and every other token of the session are refused, renewal too', async () => {
    const auth = start([user('ann', 'dispatcher')]);
    const first = await signedIn(auth);
    const renewed = auth.renew(first.token);
    if (!renewed.ok) throw new Error('renewal refused');
    expect(auth.logout(first.token)).toMatchObject({ ok: true, session: { sessionId: first.sessionId } });
    expect(auth.verify(first.token)).toEqual({ ok: false, problem: 'no_session' });
    expect(auth.verify(renewed.issued.token)).toEqual({ ok: false, problem: 'no_session' });
    expect(auth.renew(renewed.issued.token)).toMatchObject({ ok: false });
    expect(auth.logout(first.token)).toMatchObject({ ok: false });
    expect(revoked).toEqual([expect.objectContaining({ sessionId: first.sessionId, why: 'logout' })]);
    expect(storage.findSession(first.sessionId)).toMatchObject({ revokedAt: clock, revokedWhy: 'logout' });
  });

  it('keeps sign-outs across a restart with the same store and secret', async () => {
    const auth = start([user('ann', 'dispatcher')]);
    const out = await signedIn(auth);
    const still = await signedIn(auth);
    auth.logout(out.token);
    const restarted = start([user('ann', 'dispatcher')]);
    expect(restarted.verify(out.token)).toMatchObject({ ok: false });
    expect(restarted.verify(still.token)).toMatchObject({ ok: true });
  });

  it('revokes the sessions of users removed, disabled or given another role, and only theirs', async () => {
    const auth = start([
      user('ann', 'dispatcher'),
      user('bob', 'dispatcher'),
      user('cat', 'viewer'),
      user('dan', 'admin'),
    ]);
    const ann = await signedIn(auth, 'ann');
    const bob = await signedIn(auth, 'bob');
    const cat = await signedIn(auth, 'cat');
    const dan = await signedIn(auth, 'dan');
    const ended = auth.setUsers([user('bob', 'dispatcher'), user('cat', 'supervisor')], ['dan']);
    expect(ended.map((r) => [r.username, r.why])).toEqual([
      ['ann', 'user_removed'],
      ['dan', 'user_disabled'],
      ['cat', 'role_changed'],
    ]);
    expect(revoked).toHaveLength(3);
    for (const s of [ann, cat, dan]) expect(auth.verify(s.token)).toMatchObject({ ok: false });
    expect(auth.verify(bob.token)).toMatchObject({ ok: true });
    expect(await auth.login('dan', 'long enough')).toBeNull();
    expect(await auth.login('cat', 'long enough')).toMatchObject({ user: { role: 'supervisor' } });
  });

  it('revokes at start the sessions of users changed while the SMS was down', async () => {
    const auth = start([user('ann', 'dispatcher')]);
    const { token, sessionId } = await signedIn(auth);
    revoked = [];
    const restarted = start([user('ann', 'viewer')]);
    expect(revoked).toEqual([expect.objectContaining({ sessionId, why: 'role_changed' })]);
    expect(restarted.verify(token)).toMatchObject({ ok: false });
  });

  it('ends a session at its expiry and forgets it', async () => {
    const auth = start([user('ann', 'dispatcher')]);
    const { token, sessionId, expiresAt } = await signedIn(auth);
    expect(auth.current(sessionId)).not.toBeNull();
    clock = expiresAt;
    expect(auth.current(sessionId)).toBeNull();
    expect(auth.verify(token)).toMatchObject({ ok: false });
    auth.sweep();
    clock += 31 * 24 * 3_600_000;
    auth.sweep();
    expect(storage.findSession(sessionId)).toBeUndefined();
  });

  it('never throws on hostile tokens', () => {
    const auth = start([user('ann', 'dispatcher')]);
    for (const token of [null, undefined, 1, {}, [], '', 'x'.repeat(1_000_000), 'v1.é.ü', 'Bearer x']) {
      expect(auth.verify(token)).toMatchObject({ ok: false });
      expect(auth.renew(token)).toMatchObject({ ok: false });
      expect(auth.logout(token)).toMatchObject({ ok: false });
    }
    expect(verifyToken('v1..', SECRET, 0)).toMatchObject({ ok: false });
  });
});
