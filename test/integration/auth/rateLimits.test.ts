import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { HttpErrorSchema, type CommandAck } from '../../../shared/protocol';
import { createLoginLimits } from '../../../sms/auth/loginLimits';
import { hashPassword, PUBLIC_PASSWORD_COST } from '../../../sms/auth/passwords';
import { createAuth } from '../../../sms/auth/sessions';
import type { NewAuditRecord } from '../../../sms/storage/storage';
import { openSqliteStorage } from '../../../sms/storage/sqlite';
import { registerSessionRoutes } from '../../../sms/http/sessionRoutes';
import { DEFAULT_COMMAND_RATE, DEFAULT_USER_COMMAND_RATE } from '../../../sms/socket/server';
import { connect, login, send, startTestSms, type Client, type TestSms } from '../support/sms';

jest.setTimeout(30_000);

describe('commands: per user across connections', () => {
  let t: TestSms;
  const open: Client[] = [];
  beforeEach(async () => {
    t = await startTestSms();
  });
  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    await t.close();
  });

  it('refuses a flood spread over 5 sockets of one user with rate_limited and a retry time', async () => {
    // Per connection (default 20/s, burst 50) only, all 5 x 50 would pass. The user's limit keeps
    // its default burst (100) but refills slowly here, so that a slow machine sending the 250 over
    // a second or two does not blur the count.
    await t.restart({ userCommandRate: { perSecond: 2, burst: DEFAULT_USER_COMMAND_RATE.burst } });
    const token = await login(t.url, 'dispatcher');
    for (let i = 0; i < 5; i++) open.push(await connect(t.url, token));
    const acks: CommandAck[] = (
      await Promise.all(
        open.map((c) =>
          Promise.all(
            Array.from({ length: 50 }, () => send(c.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' })),
          ),
        ),
      )
    ).flat();
    const served = acks.filter((a) => !a.ok && a.error.code === 'not_found').length;
    const limited = acks.filter((a) => !a.ok && a.error.code === 'rate_limited');
    expect(served).toBeGreaterThanOrEqual(100);
    // A little refills while 250 commands travel; far from the 250 a per-connection limit allows.
    expect(served).toBeLessThan(120);
    expect(limited.length).toBe(250 - served);
    for (const a of limited) {
      if (a.ok) continue;
      expect(a.error.message).toMatch(/across all connections/);
      expect(Number.isInteger(a.error.retryAfterMs)).toBe(true);
      expect(a.error.retryAfterMs).toBeGreaterThan(0);
      expect(a.error.retryAfterMs).toBeLessThanOrEqual(500);
    }
    // Another user is not held back by this one.
    const other = await connect(t.url, await login(t.url, 'supervisor'));
    open.push(other);
    expect(await send(other.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' })).toMatchObject({
      error: { code: 'not_found' },
    });
    // After the advertised wait the user is served again.
    await new Promise((r) => setTimeout(r, 600));
    expect(await send(open[0]!.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' })).toMatchObject({
      error: { code: 'not_found' },
    });
  });

  it('has the documented defaults: 20/s burst 50 per connection, 40/s burst 100 per user', () => {
    expect(DEFAULT_COMMAND_RATE).toEqual({ perSecond: 20, burst: 50 });
    expect(DEFAULT_USER_COMMAND_RATE).toEqual({ perSecond: 40, burst: 100 });
  });

  it('still limits one connection on its own, with a retry time', async () => {
    await t.restart({ commandRate: { perSecond: 5, burst: 10 } });
    const c = await connect(t.url, await login(t.url, 'dispatcher'));
    open.push(c);
    const acks = await Promise.all(
      Array.from({ length: 20 }, () => send(c.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' })),
    );
    const limited = acks.filter((a) => !a.ok && a.error.code === 'rate_limited');
    expect(limited.length).toBeGreaterThanOrEqual(8);
    expect(limited[0]).toMatchObject({ error: { message: expect.stringMatching(/on this connection/) } });
    expect(limited[0]?.ok === false && limited[0].error.retryAfterMs).toBeGreaterThan(0);
  });
});

/**
 * POSTs a login from the local address `ip` (any of 127.0.0.0/8 on Linux, where the whole block
 * is loopback): real HTTP from many client addresses. (Fastify's inject cannot load under this
 * jest setup: its cookie module is ESM-only.)
 */
function postFrom(port: number, ip: string, body: unknown) {
  return new Promise<{ statusCode: number; headers: Record<string, unknown>; json: () => unknown }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          localAddress: ip,
          method: 'POST',
          path: '/api/session',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () =>
            resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, json: () => JSON.parse(text) as unknown }),
          );
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    },
  );
}

describe('logins: per account across addresses', () => {
  let app: FastifyInstance;
  let audit: NewAuditRecord[];
  let clock: number;
  const storage = openSqliteStorage(':memory:');
  afterAll(() => storage.close());

  beforeEach(async () => {
    audit = [];
    clock = 1_000_000;
    const passwordHash = await hashPassword('right password', PUBLIC_PASSWORD_COST);
    const auth = createAuth({
      users: [{ id: 'user-ann', username: 'ann', role: 'dispatcher', passwordHash }],
      store: storage,
      secret: 'integration-secret-0123456789-abcdef',
      now: () => clock,
    });
    app = Fastify();
    registerSessionRoutes(app, {
      core: { audit: (records) => audit.push(...records), now: () => clock },
      auth,
      loginLimits: createLoginLimits(),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    await app.close();
  });

  const attempt = (ip: string, password: string, username = 'ann') =>
    postFrom((app.server.address() as AddressInfo).port, ip, { username, password });

  it('refuses an account after 10 failures from 10 addresses, even the right password, with Retry-After', async () => {
    for (let i = 0; i < 10; i++) expect((await attempt(`127.0.0.${i + 10}`, 'wrong password')).statusCode).toBe(401);
    const refused = await attempt('127.0.1.1', 'right password');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    const body = HttpErrorSchema.parse(refused.json());
    expect(body.error).toMatchObject({ code: 'rate_limited', retryAfterMs: 30_000 });
    expect(body.error.message).toMatch(/account.*30 seconds/);
    // Another account from the same address is not held back.
    expect((await attempt('127.0.1.1', 'x', 'bob')).statusCode).toBe(401);
    // One more attempt per 30 s; a success costs nothing.
    clock += 30_000;
    expect((await attempt('127.0.1.2', 'right password')).statusCode).toBe(200);
    expect((await attempt('127.0.1.3', 'right password')).statusCode).toBe(200);
  });

  it('does not check the password while the account is limited', async () => {
    for (let i = 0; i < 10; i++) await attempt(`127.0.0.${i + 10}`, 'wrong password');
    const started = process.hrtime.bigint();
    for (let i = 0; i < 20; i++) expect((await attempt(`127.0.2.${i + 10}`, 'wrong password')).statusCode).toBe(429);
    // scrypt would take milliseconds each; a refusal takes far less.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1_000);
  });

  it('answers 429 with Retry-After per address, and audits refusals at most once a minute per address and account', async () => {
    for (let i = 0; i < 20; i++) await attempt('127.9.9.9', 'right password');
    const refused = await attempt('127.9.9.9', 'right password');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('2');
    expect(HttpErrorSchema.parse(refused.json()).error).toMatchObject({ retryAfterMs: 2_000 });
    for (let i = 0; i < 50; i++) await attempt('127.9.9.9', 'right password');
    const limitedRows = () => audit.filter((r) => r.result === 'rate_limited');
    expect(limitedRows()).toHaveLength(1);
    clock += 60_000;
    // The address has refilled by now; drain it again.
    for (let i = 0; i < 25; i++) await attempt('127.9.9.9', 'right password');
    expect(limitedRows()).toHaveLength(2);
    expect(JSON.parse(limitedRows()[1]!.detail)).toMatchObject({ ip: '127.9.9.9', limit: 'ip', refused: 51 });
  });
});
