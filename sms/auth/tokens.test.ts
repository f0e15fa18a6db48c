import { signToken, verifyToken, type TokenClaims } from './tokens';

const SECRET = 'unit-test-secret-0123456789-abcdefgh';
const claims: TokenClaims = { sub: 'user-dispatcher', usr: 'dispatcher', role: 'dispatcher', exp: 2_000 };

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
    const body = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(verifyToken(`${prefix}.${body}.${signature}`, SECRET, 0)).toEqual({ ok: false, problem: 'bad_signature' });
  });

  it('refuses malformed tokens', () => {
    for (const token of ['', 'abc', 'v1.a', 'v2.a.b', 'v1..']) {
      expect(verifyToken(token, SECRET, 0)).toMatchObject({ ok: false });
    }
  });
});
