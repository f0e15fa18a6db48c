import { join } from 'node:path';
import { io } from 'socket.io-client';
import { UNAUTHORIZED } from '../../../shared/protocol';
import { connect, login, startTestSms, type Client, type TestSms } from '../support/sms';
import { disconnected, expectSoundAfterwards, Ledger, outcome, rawRequest, sleep } from './support';

// Forged and expired tokens, made without relying on the token format: random strings, a real
// token with one character changed, cut short, lengthened or 5,000 characters long, non-ASCII,
// an unsigned JWT (`alg: none`), a real token with its claims rewritten, and a real token of
// another SMS with another secret. Every authenticated route and the socket handshake refuse
// each with 401 / `unauthorized`; a token past its lifetime is refused everywhere, and its open
// socket is closed.

jest.setTimeout(30_000);

const bank = { lon: -0.0886, lat: 51.5134 };

let t: TestSms;
let other: TestSms;
let real: string;
let otherSmsToken: string;
const ledger = new Ledger();
beforeAll(async () => {
  // Video on, so /hls is guarded as in production.
  t = await startTestSms({});
  await t.restart({ video: true, videoCacheDir: join(t.dataDir, 'hls-cache') });
  other = await startTestSms({ secret: 'another-secret-of-another-sms-0123456789' });
  real = await login(t.url, 'dispatcher');
  otherSmsToken = await login(other.url, 'admin');
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** `token` with the character at `at` replaced by another of the same alphabet. */
function flip(token: string, at: number): string {
  const c = token[at]!;
  const replacement = c === 'A' ? 'Q' : c === '.' ? 'x' : 'A';
  return token.slice(0, at) + replacement + token.slice(at + 1);
}

/** The claims of a `<header>.<claims>.<signature>` token rewritten, signature kept (null if not that shape). */
function rewritten(token: string, change: Record<string, unknown>): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    return [parts[0], b64({ ...claims, ...change }), parts[2]].join('.');
  } catch {
    return null;
  }
}

/** Every forgery, by what it is. Built after login, from the real tokens. */
function forgeries(): [string, string][] {
  const exp = Math.floor(Date.now() / 1000) + 3_600;
  const claims = { sub: 'user-admin', usr: 'admin', role: 'admin', sid: 'AAAAAAAAAAAAAAAAAAAAAA', exp, iat: exp - 60 };
  const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}`;
  const list: [string, string | null][] = [
    ['a random string', 'garbage'],
    ['three random segments', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
    ['a real token of another SMS (another secret)', otherSmsToken],
    ['the first character changed', flip(real, 0)],
    ['a character a third in changed', flip(real, Math.floor(real.length / 3))],
    ['the middle character changed', flip(real, Math.floor(real.length / 2))],
    ['a character two thirds in changed', flip(real, Math.floor((real.length * 2) / 3))],
    ['the last but one character changed', flip(real, real.length - 2)],
    ['cut short by 5', real.slice(0, -5)],
    ['cut in half', real.slice(0, Math.floor(real.length / 2))],
    ['its signature removed', real.slice(0, real.lastIndexOf('.') + 1)],
    ['lengthened', `${real}AAAA`],
    ['5,000 characters', 'a'.repeat(5_000)],
    ['itself repeated to 5,000 characters', real.repeat(Math.ceil(5_000 / real.length)).slice(0, 5_000)],
    ['alg none, no signature', `${unsigned}.`],
    ['alg none, no last dot', unsigned],
    ['alg none, with the real signature', `${unsigned}.${real.split('.').at(-1)}`],
    ['its claims made admin', rewritten(real, { role: 'admin', sub: 'user-admin', usr: 'admin' })],
    ['its expiry pushed a year on', rewritten(real, { exp: exp + 31_536_000, expiresAt: Date.now() + 3e10 })],
  ];
  return list.filter((entry): entry is [string, string] => entry[1] !== null);
}

/** Non-ASCII tokens: a header carries them as Latin-1 bytes at most, the handshake as any string. */
const NON_ASCII = ['tökén', `${'é'.repeat(40)}.${'ü'.repeat(40)}.${'ß'.repeat(40)}`];

/** Routes that need a token, and how they are called. */
const GUARDED = [
  { method: 'GET', path: '/api/snapshot' },
  { method: 'GET', path: '/api/audit' },
  { method: 'GET', path: '/api/incidents/inc-000001/log' },
  { method: 'GET', path: '/hls/cam-1/main.m3u8' },
  { method: 'POST', path: '/api/session/renew' },
  { method: 'DELETE', path: '/api/session' },
];

/** Status of `route` with `authorization`, sent byte for byte. */
async function statusWith(route: (typeof GUARDED)[number], authorization: string): Promise<number> {
  const res = await rawRequest(t.url, route.path, {
    method: route.method,
    headers: { authorization },
    ...(route.method === 'POST' ? { body: '' } : {}),
  });
  return res.status;
}

/** The socket handshake's answer to an `auth` object: 'connected' or the connect_error message. */
function handshake(auth: unknown): Promise<string> {
  const socket = io(t.url, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (e) => {
      socket.close();
      resolve(e.message);
    });
  });
}

describe('forged tokens', () => {
  it('a real token works everywhere (so the refusals below are about the token)', async () => {
    expect(await statusWith(GUARDED[0]!, `Bearer ${real}`)).toBe(200);
    expect(await handshake({ token: real })).toBe('connected');
  });

  it('every forgery is refused by every guarded route with 401', async () => {
    const problems: string[] = [];
    for (const [what, token] of forgeries()) {
      for (const route of GUARDED) {
        const status = await statusWith(route, `Bearer ${token}`);
        if (status !== 401) problems.push(`${what}: ${route.method} ${route.path} answered ${status}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every forgery is refused at the socket handshake with unauthorized', async () => {
    const answers = await Promise.all(forgeries().map(async ([what, token]) => [what, await handshake({ token })]));
    expect(answers.filter(([, answer]) => answer !== UNAUTHORIZED)).toEqual([]);
  });

  it('non-ASCII tokens are refused by the routes and the handshake', async () => {
    for (const token of NON_ASCII) {
      // Latin-1 bytes in the header, as a careless client would send them, and the UTF-8 bytes.
      for (const header of [`Bearer ${token}`, `Bearer ${Buffer.from(token, 'utf8').toString('latin1')}`]) {
        for (const route of GUARDED) expect([route.path, await statusWith(route, header)]).toEqual([route.path, 401]);
      }
      expect(await handshake({ token })).toBe(UNAUTHORIZED);
    }
    expect(await handshake({ token: '😀\u0000\ud800' })).toBe(UNAUTHORIZED);
  });

  it('malformed authorization headers are refused with 401', async () => {
    for (const header of ['Bearer', 'Bearer ', `Bearer  ${real}`, `Basic ${real}`, `${real}`, `Bearer ${real} x`]) {
      expect([header.slice(0, 12), await statusWith(GUARDED[0]!, header)]).toEqual([header.slice(0, 12), 401]);
    }
  });

  it('handshakes without a string token are refused with unauthorized', async () => {
    for (const auth of [
      {},
      { token: null },
      { token: 42 },
      { token: [real] },
      { token: { token: real } },
      { tok: real },
    ]) {
      expect(await handshake(auth)).toBe(UNAUTHORIZED);
    }
  });
});

describe('expired tokens', () => {
  let short: TestSms;
  beforeAll(async () => {
    short = await startTestSms({ tokenTtlMs: 1_500 });
  });
  afterAll(() => short.close());

  it('refuses a token past its lifetime on REST and the handshake, and closes its open socket', async () => {
    const shortLedger = new Ledger();
    const token = await login(short.url, 'dispatcher');
    const client: Client = await connect(short.url, token);
    const ack = await shortLedger.submit(client.socket, 'incident.create', {
      type: 'theft',
      grade: 3,
      location: bank,
      summary: 'Before the token expired',
    });
    expect(outcome(ack)).toBe('ok');
    const closed = disconnected(client.socket);
    await sleep(1_700);
    expect(await closed).toBe('io server disconnect');
    for (const route of GUARDED.filter((r) => r.path.startsWith('/api/'))) {
      const res = await rawRequest(short.url, route.path, {
        method: route.method,
        headers: { authorization: `Bearer ${token}` },
        ...(route.method === 'POST' ? { body: '' } : {}),
      });
      expect([route.path, res.status]).toEqual([route.path, 401]);
      expect(res.body.toString('utf8')).not.toContain('"token"');
    }
    await expect(connect(short.url, token)).rejects.toThrow(UNAUTHORIZED);
    await expectSoundAfterwards(short, shortLedger);
  });
});

it('ends sound: alive, the journal contiguous, nothing lost', async () => {
  const client = await connect(t.url, real);
  const ack = await ledger.submit(client.socket, 'incident.create', {
    type: 'theft',
    grade: 3,
    location: bank,
    summary: 'After the forged tokens',
  });
  expect(outcome(ack)).toBe('ok');
  client.close();
  await expectSoundAfterwards(t, ledger);
});
