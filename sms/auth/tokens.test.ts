import { createHmac } from 'node:crypto';
import { MAX_TOKEN_LENGTH, signToken, verifyToken, type TokenClaims } from './tokens';

const SECRET = 'unit-test-secret-0123456789-abcdefgh';
const claims: TokenClaims = {
  sid: 'abcdefghijklmnopqrstuv',
  sub: 'user-dispatcher',
  usr: 'dispatcher',
  role: 'dispatcher',
  exp: 2_000,
};
const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');

describe('session tokens', () => {
  it('verifies a token it signed, before expiry', () => {
    expect(verifyToken(signToken(claims, SECRET), SECRET, 1_999)).toEqual({ ok: true, claims });
  });

  it('refuses a token once expired', () => {
    expect(verifyToken(signToken(claims, SECRET), SECRET, 2_000)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses a token signed with another secret', () => {
    expect(verifyToken(signToken(claims, 'another-secret-0123456789-abcdefgh'), SECRET, 0)).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
  });

  it('refuses a token whose claims were altered', () => {
    const [prefix, , signature] = signToken(claims, SECRET).split('.');
    const body = b64({ ...claims, role: 'admin' });
    expect(verifyToken(`${prefix}.${body}.${signature}`, SECRET, 0)).toEqual({ ok: false, problem: 'bad_signature' });
  });

  it('refuses malformed tokens without throwing', () => {
    const valid = signToken(claims, SECRET);
    const hostile: unknown[] = [
      '',
      'abc',
      'v1.a',
      'v2.a.b',
      'v1..',
      `${valid}.`,
      ` ${valid}`,
      valid.replace('v1.', 'V1.'),
      // A JWT with alg none, and one with HS256 over the same claims: another format altogether.
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
      `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.${valid.split('.')[2]}`,
      `v1.${'A'.repeat(5_000)}.${valid.split('.')[2]}`,
      'x'.repeat(10_000_000),
      `v1.${b64(claims)}é.${valid.split('.')[2]}`,
      'v1.\u{1F600}.\u0000',
      null,
      undefined,
      42,
      { token: valid },
      [valid],
    ];
    for (const token of hostile) {
      expect(verifyToken(token, SECRET, 0)).toMatchObject({ ok: false });
    }
  });

  it('refuses a correctly signed body that is not the claims (missing sid, extra keys, not JSON)', () => {
    const signed = (body: string) =>
      `v1.${body}.${createHmac('sha256', SECRET).update(`v1.${body}`).digest('base64url')}`;
    const { sid: _sid, ...withoutSid } = claims;
    for (const body of [
      b64(withoutSid),
      b64({ ...claims, admin: true }),
      b64({ ...claims, sid: 'short' }),
      'bm90IGpzb24',
    ]) {
      expect(verifyToken(signed(body), SECRET, 0)).toEqual({ ok: false, problem: 'malformed' });
    }
  });

  it('bounds the length of what it looks at', () => {
    expect(signToken(claims, SECRET).length).toBeLessThan(MAX_TOKEN_LENGTH);
    expect(verifyToken(`v1.${'A'.repeat(MAX_TOKEN_LENGTH)}.sig`, SECRET, 0)).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });
});
