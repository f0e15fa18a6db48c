import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditRecordSchema, SessionResponseSchema, UNAUTHORIZED, type Role } from '../../../shared/protocol';
import { startSms, type RunningSms } from '../../../sms/app';
import { hashPassword, PUBLIC_PASSWORD_COST } from '../../../sms/auth/passwords';
import type { Logger } from '../../../sms/core/log';
import { connect, get, post, TEST_SECRET, type Client } from '../support/sms';

// The users file is polled every 2 s (the default, as in production): each change takes a few seconds.
jest.setTimeout(60_000);

const PASSWORD = 'long enough password';
let dir: string;
let usersPath: string;
let sms: RunningSms;
let hash: string;
const errors: string[] = [];
const open: Client[] = [];
const logger: Logger = { info: () => {}, warn: () => {}, error: (m) => errors.push(m) };

interface Entry {
  username: string;
  role: Role;
  disabled?: boolean;
}
async function writeUsers(entries: Entry[]): Promise<void> {
  await writeFile(usersPath, JSON.stringify({ users: entries.map((e) => ({ ...e, passwordHash: hash })) }));
}

beforeAll(async () => {
  hash = await hashPassword(PASSWORD, PUBLIC_PASSWORD_COST);
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jccr-users-file-'));
  usersPath = join(dir, 'users.json');
  errors.length = 0;
  await writeUsers([
    { username: 'ann', role: 'dispatcher' },
    { username: 'bob', role: 'dispatcher' },
    { username: 'cat', role: 'dispatcher' },
    { username: 'dan', role: 'supervisor' },
    { username: 'eve', role: 'admin' },
  ]);
  sms = await startSms({
    dataDir: join(dir, 'data'),
    usersFile: usersPath,
    secret: TEST_SECRET,
    appDir: null,
    logger,
  });
});
afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await sms.close();
  await rm(dir, { recursive: true, force: true });
});

async function signIn(username: string) {
  const res = await post(`${sms.url}/api/session`, { username, password: PASSWORD });
  if (res.status !== 200) throw new Error(`${username}: ${res.status}`);
  const token = SessionResponseSchema.parse(res.body).token;
  const socket = await connect(sms.url, token);
  open.push(socket);
  return { token, socket };
}

const until = async (check: () => boolean | Promise<boolean>, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('the users file at run time', () => {
  it('revokes the sessions of users removed, disabled or given another role within a few seconds', async () => {
    const ann = await signIn('ann');
    const bob = await signIn('bob');
    const cat = await signIn('cat');
    const dan = await signIn('dan');
    const changedAt = Date.now();
    await writeUsers([
      // ann removed
      { username: 'bob', role: 'dispatcher', disabled: true },
      { username: 'cat', role: 'supervisor' },
      { username: 'dan', role: 'supervisor' },
      { username: 'eve', role: 'admin' },
    ]);
    await until(
      () => !ann.socket.socket.connected && !bob.socket.socket.connected && !cat.socket.socket.connected,
      6_000,
      'sockets of changed users disconnected',
    );
    expect(Date.now() - changedAt).toBeLessThan(6_000);
    for (const s of [ann, bob, cat]) {
      expect((await get(`${sms.url}/api/snapshot`, s.token)).status).toBe(401);
      await expect(connect(sms.url, s.token)).rejects.toThrow(UNAUTHORIZED);
    }
    // Unchanged users keep their sessions.
    expect(dan.socket.socket.connected).toBe(true);
    expect((await get(`${sms.url}/api/snapshot`, dan.token)).status).toBe(200);
    // bob is disabled, ann gone; cat signs in again in the new role.
    expect((await post(`${sms.url}/api/session`, { username: 'bob', password: PASSWORD })).status).toBe(401);
    expect((await post(`${sms.url}/api/session`, { username: 'ann', password: PASSWORD })).status).toBe(401);
    const again = await post(`${sms.url}/api/session`, { username: 'cat', password: PASSWORD });
    expect(SessionResponseSchema.parse(again.body).user.role).toBe('supervisor');

    const eve = await post(`${sms.url}/api/session`, { username: 'eve', password: PASSWORD });
    const audit = await get(`${sms.url}/api/audit?action=session.revoked`, SessionResponseSchema.parse(eve.body).token);
    const records = (audit.body as { records: unknown[] }).records.map((r) => AuditRecordSchema.parse(r));
    expect(records.map((r) => [r.username, r.reason]).sort()).toEqual([
      ['ann', 'user_removed'],
      ['bob', 'user_disabled'],
      ['cat', 'role_changed'],
    ]);
  });

  it('keeps the users in force when the file is broken, and says so', async () => {
    const ann = await signIn('ann');
    await writeFile(usersPath, '{"users": [ {"username": "ann"');
    await until(() => errors.length > 0, 6_000, 'an error logged');
    expect(errors[0]).toMatch(/users file NOT reloaded.*previous users stay in force/);
    expect(ann.socket.socket.connected).toBe(true);
    expect((await get(`${sms.url}/api/snapshot`, ann.token)).status).toBe(200);
    expect((await post(`${sms.url}/api/session`, { username: 'bob', password: PASSWORD })).status).toBe(200);

    // An empty list, a removed file: still not "no users".
    await writeFile(usersPath, '{"users": []}');
    await until(() => errors.length > 1, 6_000, 'a second error logged');
    await rm(usersPath);
    await until(() => errors.length > 2, 6_000, 'a third error logged');
    expect((await post(`${sms.url}/api/session`, { username: 'bob', password: PASSWORD })).status).toBe(200);
    expect(ann.socket.socket.connected).toBe(true);
  });

  it('reloads on request (SIGHUP) and reports whether the new users are in force', async () => {
    const dan = await signIn('dan');
    await writeUsers([{ username: 'dan', role: 'viewer' }]);
    expect(await sms.reloadUsers()).toBe(true);
    await until(() => !dan.socket.socket.connected, 2_000, 'dan disconnected');
    await writeFile(usersPath, 'not json');
    expect(await sms.reloadUsers()).toBe(false);
  });
});
