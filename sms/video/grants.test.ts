import { createSegmentGrants, GRANT_STEP_MS, grantExpiry, LIVE_GRANT_MS, type GrantScope } from './grants';

const SECRET = 'unit-test-secret-0123456789-abcdefgh';
const NOW = Date.parse('2026-11-25T10:00:07.400Z');
const scope: GrantScope = { userId: 'user-viewer', cameraId: 'cam-3', stream: 'sub' };
const grants = createSegmentGrants(SECRET);
const grant = grants.issue(scope, NOW + LIVE_GRANT_MS);

describe('a grant', () => {
  it('verifies for its own user, camera and stream until it expires', () => {
    expect(grants.check(grant, scope, NOW)).toEqual({
      ok: true,
      expiresAt: Math.floor((NOW + LIVE_GRANT_MS) / 1000) * 1000,
    });
  });

  it('verifies under another instance with the same secret (a restarted SMS)', () => {
    expect(createSegmentGrants(SECRET).check(grant, scope, NOW)).toMatchObject({ ok: true });
  });

  it('is short and URL-safe', () => {
    expect(grant).toMatch(/^\d{10}\.[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    ['another user', { ...scope, userId: 'user-dispatcher' }],
    ['another camera', { ...scope, cameraId: 'cam-1' }],
    ['another stream', { ...scope, stream: 'main' as const }],
  ])('is refused for %s', (_name, other) => {
    expect(grants.check(grant, other, NOW)).toEqual({ ok: false, why: 'mismatch' });
  });

  it('is refused under another secret', () => {
    expect(createSegmentGrants(`${SECRET}-other`).check(grant, scope, NOW)).toEqual({ ok: false, why: 'mismatch' });
  });

  it('is refused as expired at its expiry, and not before', () => {
    const expiresAt = Math.floor((NOW + LIVE_GRANT_MS) / 1000) * 1000;
    expect([grants.check(grant, scope, expiresAt - 1).ok, grants.check(grant, scope, expiresAt)]).toEqual([
      true,
      { ok: false, why: 'expired' },
    ]);
  });

  it('is refused when its expiry is moved later', () => {
    const [seconds, signature] = grant.split('.');
    expect(grants.check(`${Number(seconds) + 3600}.${signature}`, scope, NOW)).toEqual({ ok: false, why: 'mismatch' });
  });

  it('is refused when any character of its signature changes, including the spare bits of the last one', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = grant.at(-1) ?? '';
    // The last of 43 characters carries 2 bits 32 bytes do not use: flipping one decodes the same.
    const sibling = `${grant.slice(0, -1)}${alphabet[alphabet.indexOf(last) ^ 1] ?? ''}`;
    const bytes = (g: string) => Buffer.from(g.split('.')[1] ?? '', 'base64url').toString('hex');
    const flipped = `${grant.slice(0, 12)}${grant[12] === 'x' ? 'y' : 'x'}${grant.slice(13)}`;
    expect([
      bytes(sibling) === bytes(grant),
      grants.check(sibling, scope, NOW),
      grants.check(flipped, scope, NOW),
    ]).toEqual([true, { ok: false, why: 'mismatch' }, { ok: false, why: 'mismatch' }]);
  });
});

describe('the grant parser', () => {
  it('tells a missing grant from a malformed one', () => {
    expect(grants.check(undefined, scope, NOW)).toEqual({ ok: false, why: 'missing' });
  });

  it.each([
    ['empty', ''],
    ['huge', `${grant}${'A'.repeat(100_000)}`],
    ['repeated (an array)', [grant, grant]],
    ['a number', 1234],
    ['null', null],
    ['an object', { toString: () => grant }],
    ['NaN', `NaN.${grant.split('.')[1] ?? ''}`],
    ['a negative expiry', `-1.${grant.split('.')[1] ?? ''}`],
    ['an exponent', `1e12.${grant.split('.')[1] ?? ''}`],
    ['a fraction', `1.5.${grant.split('.')[1] ?? ''}`],
    ['Infinity', `Infinity.${grant.split('.')[1] ?? ''}`],
    ['unicode digits', `١٢٣٤٥٦٧٨٩٠.${grant.split('.')[1] ?? ''}`],
    ['unicode in the signature', `${grant.slice(0, -1)}é`],
    ['a short signature', grant.slice(0, -1)],
    ['padding', `${grant}=`],
    ['standard base64', `${grant.slice(0, -1)}+`],
    ['a trailing newline', `${grant}\n`],
    ['only a dot', '.'],
  ])('refuses %s without throwing', (_name, raw) => {
    expect(grants.check(raw, scope, NOW)).toEqual({ ok: false, why: 'malformed' });
  });
});

describe('grant expiry', () => {
  it('is the same for every refresh within one step, and at most the life away', () => {
    const base = Math.floor(NOW / GRANT_STEP_MS) * GRANT_STEP_MS;
    const expiries = [base, base + 1, base + GRANT_STEP_MS - 1].map((t) => grantExpiry(t, LIVE_GRANT_MS));
    expect([new Set(expiries).size, expiries[0]! - base]).toEqual([1, LIVE_GRANT_MS]);
  });

  it('leaves a grant at least its life minus one step', () => {
    const issuedAt = Math.floor(NOW / GRANT_STEP_MS) * GRANT_STEP_MS + GRANT_STEP_MS - 1;
    expect(grantExpiry(issuedAt, LIVE_GRANT_MS) - issuedAt).toBe(LIVE_GRANT_MS - GRANT_STEP_MS + 1);
  });
});
