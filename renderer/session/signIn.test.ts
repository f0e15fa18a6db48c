import { ProtocolError, SmsHttpError, SmsUnreachableError, UnauthorizedError } from '../api/smsHttp';
import { ProtocolVersionError, describeSignInError, describeWait, endSmsSession, renewSession, signIn } from './signIn';

describe('describeSignInError', () => {
  it('tells the operator when the credentials are wrong', () => {
    expect(describeSignInError(new UnauthorizedError('bad password'))).toMatch(/not recognised/);
  });

  it('tells the operator when the SMS cannot be reached', () => {
    expect(describeSignInError(new SmsUnreachableError(new TypeError('fetch failed')))).toMatch(/cannot be reached/);
  });

  it('says which protocol versions disagree', () => {
    expect(describeSignInError(new ProtocolVersionError(2))).toMatch(/version 2.*version 1/);
  });

  it('tells how long to wait after too many attempts', () => {
    expect(describeSignInError(new SmsHttpError(429, 'rate_limited', 'Too many', 30_000))).toBe(
      'Too many sign-in attempts. Wait 30 seconds, then try again.',
    );
    expect(describeSignInError(new SmsHttpError(429, 'rate_limited', 'Too many', 1))).toMatch(/Wait 1 second,/);
    expect(describeSignInError(new SmsHttpError(429, 'rate_limited', 'Too many'))).toMatch(/Wait a minute/);
  });

  it('passes on what the SMS said for other failures', () => {
    expect(describeSignInError(new SmsHttpError(400, 'invalid', 'Bad body'))).toBe('Sign-in failed: Bad body');
    expect(describeSignInError(new ProtocolError('session answer', 'token missing'))).toMatch(/invalid session answer/);
  });
});

describe('describeWait', () => {
  it('speaks seconds, then minutes', () => {
    expect([999, 1_000, 1_001, 119_000, 120_001, 600_000].map(describeWait)).toEqual([
      '1 second',
      '1 second',
      '2 seconds',
      '119 seconds',
      '3 minutes',
      '10 minutes',
    ]);
  });
});

describe('session requests', () => {
  const realFetch = globalThis.fetch;
  let calls: { url: string; init: RequestInit }[];
  let answer: () => Response | Promise<Response>;
  beforeEach(() => {
    calls = [];
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return answer();
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  const user = { id: 'user-ann', username: 'ann', role: 'dispatcher' };

  it('keeps the expiry of a session', async () => {
    answer = () => json(200, { token: 't', user, protocolVersion: 1, expiresAt: '2026-12-03T20:00:00.000Z' });
    expect(await signIn('http://sms', 'ann', 'pw')).toEqual({
      token: 't',
      user,
      expiresAt: '2026-12-03T20:00:00.000Z',
    });
  });

  it('renews with the bearer token, and reports a refused session as unauthorized', async () => {
    answer = () => json(200, { token: 't2', user, protocolVersion: 1, expiresAt: '2026-12-03T20:00:00.000Z' });
    expect((await renewSession('http://sms', 't1')).token).toBe('t2');
    expect(calls[0]).toMatchObject({
      url: 'http://sms/api/session/renew',
      init: { method: 'POST', headers: { Authorization: 'Bearer t1' } },
    });
    answer = () => json(401, { error: { code: 'unauthorized', message: 'ended' } });
    await expect(renewSession('http://sms', 't1')).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('reads the wait of a 429 from the body, else from Retry-After', async () => {
    answer = () => json(429, { error: { code: 'rate_limited', message: 'slow', retryAfterMs: 1_500 } });
    await expect(signIn('http://sms', 'a', 'b')).rejects.toMatchObject({ status: 429, retryAfterMs: 1_500 });
    answer = () => json(429, { error: { code: 'rate_limited', message: 'slow' } }, { 'retry-after': '7' });
    await expect(signIn('http://sms', 'a', 'b')).rejects.toMatchObject({ retryAfterMs: 7_000 });
  });

  it('signs out on the SMS with DELETE, and never fails the local sign-out', async () => {
    answer = () => new Response(null, { status: 204 });
    expect(await endSmsSession('http://sms', 't1')).toBe(true);
    expect(calls[0]).toMatchObject({ url: 'http://sms/api/session', init: { method: 'DELETE' } });
    answer = () => json(401, { error: { code: 'unauthorized', message: 'already ended' } });
    expect(await endSmsSession('http://sms', 't1')).toBe(true);
    answer = () => Promise.reject(new TypeError('fetch failed'));
    expect(await endSmsSession('http://sms', 't1')).toBe(false);
    answer = () => json(500, { error: { code: 'internal', message: 'x' } });
    expect(await endSmsSession('http://sms', 't1')).toBe(false);
  });
});
