import { io } from 'socket.io-client';
import { HttpErrorSchema, UNAUTHORIZED } from '../../../shared/protocol';
import { signToken } from '../../../sms/auth/tokens';
import {
  connect,
  get,
  login,
  post,
  send,
  sendRaw,
  startTestSms,
  TEST_SECRET,
  type Client,
  type TestSms,
} from '../support/sms';

// Real servers and sockets: generous limits for a loaded CI machine (no test measures time).
jest.setTimeout(20_000);

let t: TestSms;
let dispatcher: Client;
beforeEach(async () => {
  t = await startTestSms();
  dispatcher = await connect(t.url, await login(t.url, 'dispatcher'));
});
afterEach(async () => {
  dispatcher.close();
  await t.close();
});

const location = { lon: -0.0886, lat: 51.5134 };

/** The SMS still logs in, serves snapshots and runs commands. */
async function expectStillServing(): Promise<void> {
  expect((await get(`${t.url}/api/health`)).status).toBe(200);
  const c = await connect(t.url, await login(t.url, 'dispatcher'));
  const ack = await send(c.socket, 'incident.create', { type: 'theft', grade: 3, location, summary: 'after' });
  expect(ack.ok).toBe(true);
  c.close();
}

function code(body: unknown): string {
  return HttpErrorSchema.parse(body).error.code;
}

describe('HTTP bad input', () => {
  it('answers malformed JSON with 400 invalid', async () => {
    const res = await post(`${t.url}/api/session`, '{"username": "dispatcher", ');
    expect(res.status).toBe(400);
    expect(code(res.body)).toBe('invalid');
    await expectStillServing();
  });

  it('answers wrong types with 400 invalid', async () => {
    const res = await post(`${t.url}/api/session`, { username: 42, password: ['x'] });
    expect(res.status).toBe(400);
    expect(code(res.body)).toBe('invalid');
  });

  it('answers an oversized body with 413', async () => {
    const res = await post(`${t.url}/api/session`, { username: 'x', password: 'y'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(code(res.body)).toBe('too_large');
    await expectStillServing();
  });

  it('answers a non-JSON body with 415', async () => {
    const res = await post(`${t.url}/api/session`, 'username=x', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(code(res.body)).toBe('unsupported_media_type');
  });

  it('answers an unknown API path with 404 in the error shape', async () => {
    const res = await get(`${t.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(code(res.body)).toBe('not_found');
  });
});

describe('tokens', () => {
  it('refuses a forged token at the socket handshake with unauthorized', async () => {
    const forged = signToken(
      { sid: 'AAAAAAAAAAAAAAAAAAAAAA', sub: 'user-admin', usr: 'admin', role: 'admin', exp: Date.now() + 60_000 },
      'another-secret-of-sufficient-length!!',
    );
    await expect(connect(t.url, forged)).rejects.toThrow(UNAUTHORIZED);
    await expect(connect(t.url, 'garbage')).rejects.toThrow(UNAUTHORIZED);
    expect((await get(`${t.url}/api/snapshot`, forged)).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const expired = signToken(
      { sid: 'AAAAAAAAAAAAAAAAAAAAAA', sub: 'user-admin', usr: 'admin', role: 'admin', exp: Date.now() - 1 },
      TEST_SECRET,
    );
    await expect(connect(t.url, expired)).rejects.toThrow(UNAUTHORIZED);
    expect((await get(`${t.url}/api/snapshot`, expired)).status).toBe(401);
  });

  it('refuses a handshake without a token', async () => {
    const socket = io(t.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.close();
    expect(error.message).toBe(UNAUTHORIZED);
  });

  it('refuses a malformed since with a clear connect_error', async () => {
    const token = await login(t.url, 'viewer');
    await expect(connect(t.url, token, -5)).rejects.toThrow(/^invalid handshake/);
  });

  it('keeps a token valid across a restart with the same secret', async () => {
    const token = await login(t.url, 'viewer');
    await t.restart();
    expect((await get(`${t.url}/api/snapshot`, token)).status).toBe(200);
  });
});

describe('socket bad input', () => {
  it('answers a malformed command envelope with invalid', async () => {
    for (const bad of [null, 'incident.create', { id: 'short', type: 'incident.note', payload: {} }, { type: 'x' }]) {
      const ack = await sendRaw(dispatcher.socket, bad);
      expect(ack).toEqual({ ok: false, error: { code: 'invalid', message: expect.any(String) } });
    }
    await expectStillServing();
  });

  it('answers an unknown command type with invalid', async () => {
    const ack = await sendRaw(dispatcher.socket, { id: 'cmd-unknown-0001', type: 'incident.explode', payload: {} });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid', message: 'Unknown command incident.explode.' } });
  });

  it('answers wrong payload types with invalid and changes nothing', async () => {
    const ack = await sendRaw(dispatcher.socket, {
      id: 'cmd-types-0001',
      type: 'incident.create',
      payload: { type: 'theft', grade: '1', location: { lon: 'x', lat: 91 }, summary: 5 },
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(t.sms.core.seq).toBe(0);
  });

  it('answers a payload over 64 KiB with invalid', async () => {
    const ack = await sendRaw(dispatcher.socket, {
      id: 'cmd-big-0001',
      type: 'incident.note',
      payload: { incidentId: 'inc-1', text: 'x'.repeat(70 * 1024) },
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('larger') } });
    await expectStillServing();
  });

  it('drops a connection that sends a message over 1 MiB, and keeps serving', async () => {
    const closed = new Promise<string>((resolve) => dispatcher.socket.once('disconnect', resolve));
    dispatcher.socket.emit(
      'command',
      { id: 'cmd-huge-0001', type: 'incident.note', payload: { text: 'x'.repeat(1_200_000) } },
      () => {},
    );
    expect(await closed).toBe('transport close');
    await expectStillServing();
  });

  it('answers a flood with rate_limited and serves the connection again later', async () => {
    await t.restart({ commandRate: { perSecond: 5, burst: 10 } });
    const c = await connect(t.url, await login(t.url, 'dispatcher'));
    const acks = await Promise.all(
      Array.from({ length: 30 }, () => send(c.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' })),
    );
    const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((x) => x === 'rate_limited').length).toBeGreaterThanOrEqual(15);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('not_found'));
    await new Promise((r) => setTimeout(r, 400));
    expect(await send(c.socket, 'incident.note', { incidentId: 'inc-404', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    c.close();
    await expectStillServing();
  });

  it('ignores a command without an acknowledgement callback', async () => {
    // The typed client insists on an acknowledgement; a hostile one need not.
    const untyped = dispatcher.socket as unknown as { emit(event: string, command: unknown): void };
    untyped.emit('command', {
      id: 'cmd-noack-0001',
      type: 'incident.create',
      payload: { type: 'theft', grade: 3, location, summary: 'x' },
    });
    await expectStillServing();
    expect(t.sms.core.incidents.size).toBe(1);
  });
});
