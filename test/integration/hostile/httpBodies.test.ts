import { HttpErrorSchema } from '../../../shared/protocol';
import { connect, login, startTestSms, type Client, type TestSms } from '../support/sms';
import { expectSoundAfterwards, Ledger, rawRequest, type RawResponse } from './support';

// Hostile HTTP bodies, sent byte for byte as a third party could: malformed and poisoned JSON,
// wrong content types, arrays and scalars where an object belongs, bodies just over the limit,
// lying lengths. Each answer is a clear 4xx in the API's error shape; nothing reaches the state.

jest.setTimeout(30_000);

const JSON_TYPE = { 'content-type': 'application/json' };
/** The API's body limit (sms/http/server.ts MAX_BODY_BYTES), as a third party reads it in the docs. */
const LIMIT = 64 * 1024;

let t: TestSms;
let watcher: Client;
const ledger = new Ledger();
beforeAll(async () => {
  // Every case is a login attempt: the per-IP login limit would otherwise answer 429 before the body is read.
  t = await startTestSms({ loginRate: { perSecond: 1_000, burst: 1_000 } });
  watcher = await connect(t.url, await login(t.url, 'viewer'));
});
afterAll(async () => {
  watcher.close();
  await t.close();
});

const post = (body: string, headers: Record<string, string> = JSON_TYPE) =>
  rawRequest(t.url, '/api/session', { method: 'POST', headers, body });

/** The answer's status and error code (the body must be the API's error shape). */
function refusal(res: RawResponse): [number, string] {
  const body = HttpErrorSchema.parse(JSON.parse(res.body.toString('utf8')));
  expect(body.error.message.length).toBeGreaterThan(0);
  return [res.status, body.error.code];
}

describe('malformed JSON', () => {
  it.each([
    ['a truncated object', '{"username": "dispatcher", '],
    ['an unclosed array', '[1, 2'],
    ['a trailing brace', '{"username":"a","password":"b"}}'],
    ['a bare word', 'nul'],
    ['single quotes', "{'username':'a','password':'b'}"],
    ['a trailing comma', '{"username":"a","password":"b",}'],
    ['a comment', '{"username":"a" /* hi */, "password":"b"}'],
    ['NaN', '{"username":"a","password":NaN}'],
    ['a lone surrogate half-escaped', '{"username":"\\ud8","password":"b"}'],
    ['a BOM and garbage', '\ufeff\u0000\u0001'],
  ])('answers %s with 400 invalid', async (_, body) => {
    expect(refusal(await post(body))).toEqual([400, 'invalid']);
  });

  it('answers an empty JSON body with 400 invalid', async () => {
    expect(refusal(await post(''))).toEqual([400, 'invalid']);
  });

  it.each([
    ['__proto__', '{"__proto__":{"role":"admin"},"username":"dispatcher","password":"jccr-demo"}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"role":"admin"}},"username":"a","password":"b"}'],
  ])('refuses prototype poisoning through %s with 400 invalid', async (_, body) => {
    expect(refusal(await post(body))).toEqual([400, 'invalid']);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('answers JSON nested 30,000 deep with 400 invalid, at once', async () => {
    const t0 = performance.now();
    expect(refusal(await post('['.repeat(30_000) + ']'.repeat(30_000)))).toEqual([400, 'invalid']);
    expect(refusal(await post('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)))).toEqual([400, 'invalid']);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe('wrong content types', () => {
  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['a JSON-ish vendor type', 'application/vnd.api+json'],
    ['XML', 'application/xml'],
    ['octets', 'application/octet-stream'],
  ])('answers %s with 415 unsupported_media_type', async (_, type) => {
    const body = '{"username":"dispatcher","password":"jccr-demo"}';
    expect(refusal(await post(body, { 'content-type': type }))).toEqual([415, 'unsupported_media_type']);
  });

  it('answers a body without a content type with 415', async () => {
    expect(refusal(await post('{"username":"dispatcher","password":"jccr-demo"}', {}))).toEqual([
      415,
      'unsupported_media_type',
    ]);
  });
});

describe('arrays and scalars where an object belongs', () => {
  it.each([
    ['an empty array', '[]'],
    ['the login inside an array', '[{"username":"dispatcher","password":"jccr-demo"}]'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"dispatcher:jccr-demo"'],
    ['true', 'true'],
    ['arrays for the fields', '{"username":["dispatcher"],"password":["jccr-demo"]}'],
    ['objects for the fields', '{"username":{"$ne":""},"password":{"$gt":""}}'],
    ['numbers for the fields', '{"username":1e308,"password":-0}'],
    ['a 10,000-entry array', JSON.stringify(Array.from({ length: 10_000 }, (_, i) => i))],
  ])('answers %s with 400 invalid, and does not log in', async (_, body) => {
    const res = await post(body);
    expect(refusal(res)).toEqual([400, 'invalid']);
    expect(res.body.toString('utf8')).not.toContain('token');
  });
});

describe('sizes and lengths', () => {
  /** A login body of exactly `bytes` bytes (padded with JSON whitespace). */
  const sized = (bytes: number) =>
    JSON.stringify({ username: 'dispatcher', password: 'x'.repeat(LIMIT - 100) }).padEnd(bytes, ' ');

  it('reads a body of exactly 64 KiB (refused for what it says, not for its size)', async () => {
    expect(refusal(await post(sized(LIMIT)))).toEqual([400, 'invalid']);
  });

  it('answers 64 KiB + 1 with 413 too_large', async () => {
    expect(refusal(await post(sized(LIMIT + 1)))).toEqual([413, 'too_large']);
  });

  it('answers a 1 MB body with 413 too_large', async () => {
    expect(refusal(await post(sized(1_000_000)))).toEqual([413, 'too_large']);
  });

  it('answers 413 at once to a content length announcing 100 GB, without waiting for the body', async () => {
    const res = await rawRequest(t.url, '/api/session', {
      method: 'POST',
      headers: { ...JSON_TYPE, 'content-length': '99999999999' },
    });
    expect(refusal(res)).toEqual([413, 'too_large']);
  });

  it('answers a chunked body over the limit with 413 too_large', async () => {
    const chunk = 'x'.repeat(16 * 1024);
    const body = `{"username":"a","password":"${chunk.repeat(5)}"}`;
    const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const res = await rawRequest(t.url, '/api/session', {
      method: 'POST',
      headers: { ...JSON_TYPE, 'transfer-encoding': 'chunked' },
      body: chunked,
    });
    expect(refusal(res)).toEqual([413, 'too_large']);
  });

  it('answers a body with both a length and chunks (request smuggling) with 400', async () => {
    const body = '{"username":"a","password":"b"}';
    const res = await rawRequest(t.url, '/api/session', {
      method: 'POST',
      headers: { ...JSON_TYPE, 'content-length': '5', 'transfer-encoding': 'chunked' },
      body: `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    });
    expect(res.status).toBe(400);
  });

  it('answers a negative or non-numeric content length with 400 (from the HTTP parser)', async () => {
    for (const length of ['-1', 'abc', '1e3']) {
      const res = await rawRequest(t.url, '/api/session', {
        method: 'POST',
        headers: { ...JSON_TYPE, 'content-length': length },
      });
      expect(res.status).toBe(400);
    }
  });
});

describe('hostile queries', () => {
  let token: string;
  beforeAll(async () => {
    token = await login(t.url, 'admin');
  });
  const status = async (target: string) =>
    (await rawRequest(t.url, target, { headers: { authorization: `Bearer ${token}` } })).status;

  it.each([
    'limit=1e308',
    'limit=-0',
    'limit=1e-320',
    'limit=-1',
    'limit=5&limit=6',
    'limit=%00',
    'limit=NaN',
    `action=${'a'.repeat(1_000)}`,
  ])('answers /api/audit?%s with 400 invalid', async (query) => {
    const res = await rawRequest(t.url, `/api/audit?${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(refusal(res)).toEqual([400, 'invalid']);
  });

  it.each(['limit=0x10', 'limit=%20%205', '__proto__=x', 'constructor=x', 'action=%ED%A0%80', 'action=%00'])(
    'answers /api/audit?%s with 200 or 400, never more',
    async (query) => {
      expect([200, 400]).toContain(await status(`/api/audit?${query}`));
    },
  );

  it.each(['before=1e308', 'before=-1', 'before=9007199254740993', 'limit=1e308', 'limit=0', 'limit=%00'])(
    'answers /api/incidents/:id/log?%s with 400 invalid',
    async (query) => {
      const res = await rawRequest(t.url, `/api/incidents/inc-000001/log?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(refusal(res)).toEqual([400, 'invalid']);
    },
  );
});

describe('other methods', () => {
  it.each(['PUT', 'PATCH', 'TRACE'])('answers %s /api/session with 404 not_found or 405', async (method) => {
    const res = await rawRequest(t.url, '/api/session', { method, headers: JSON_TYPE, body: '{}' });
    expect([
      [404, 'not_found'],
      [405, 'method_not_allowed'],
    ]).toContainEqual(refusal(res));
  });
});

it('ends sound: alive, the journal contiguous, nothing lost, and no attempt changed anything', async () => {
  expect(t.sms.core.seq).toBe(0);
  expect(watcher.events).toEqual([]);
  expect(watcher.socket.connected).toBe(true);
  const dispatcher = await connect(t.url, await login(t.url, 'dispatcher'));
  const ack = await ledger.submit(dispatcher.socket, 'incident.create', {
    type: 'theft',
    grade: 3,
    location: { lon: -0.0886, lat: 51.5134 },
    summary: 'After the hostile bodies',
  });
  expect(ack.ok).toBe(true);
  dispatcher.close();
  await expectSoundAfterwards(t, ledger);
});
