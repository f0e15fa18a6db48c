import { createLoginLimits, REFUSED_LOGIN_AUDIT_WINDOW_MS } from './loginLimits';

describe('login limits', () => {
  it('limits every attempt per IP, with the wait until the next', () => {
    const limits = createLoginLimits({ perIp: { perSecond: 0.5, burst: 2 } });
    expect(limits.attempt('1.1.1.1', 'ann', 0)).toBeNull();
    expect(limits.attempt('1.1.1.1', 'ann', 0)).toBeNull();
    expect(limits.attempt('1.1.1.1', 'ann', 0)).toEqual({ limit: 'ip', retryAfterMs: 2_000 });
    expect(limits.attempt('1.1.1.1', 'ann', 1_500)).toEqual({ limit: 'ip', retryAfterMs: 500 });
    expect(limits.attempt('2.2.2.2', 'ann', 0)).toBeNull();
  });

  it('limits failed attempts per account whatever the IP, successes cost nothing', () => {
    const limits = createLoginLimits({ perAccount: { perSecond: 1 / 30, burst: 3 } });
    for (let i = 0; i < 3; i++) {
      expect(limits.attempt(`10.0.0.${i}`, 'ann', 0)).toBeNull();
      limits.failed('ann', 0);
    }
    expect(limits.attempt('10.0.0.99', 'ann', 0)).toEqual({ limit: 'account', retryAfterMs: 30_000 });
    expect(limits.attempt('10.0.0.99', 'bob', 0)).toBeNull();
    expect(limits.attempt('10.0.0.99', 'ann', 30_000)).toBeNull();
    // A body without a username is only limited per IP.
    expect(limits.attempt('10.0.0.99', null, 30_000)).toBeNull();
  });

  it('audits the first refusal of each IP or account per window, then counts the ones in between', () => {
    const limits = createLoginLimits();
    expect(limits.auditRefusal('ip', '1.1.1.1', 0)).toEqual({ refused: 1 });
    expect(limits.auditRefusal('ip', '1.1.1.1', 10)).toBeNull();
    expect(limits.auditRefusal('account', '1.1.1.1', 10)).toEqual({ refused: 1 });
    expect(limits.auditRefusal('ip', '1.1.1.1', 20)).toBeNull();
    expect(limits.auditRefusal('ip', '1.1.1.1', REFUSED_LOGIN_AUDIT_WINDOW_MS)).toEqual({ refused: 3 });
  });

  it('stays bounded under a spray of addresses', () => {
    const limits = createLoginLimits({ maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) limits.auditRefusal('ip', `ip-${i}`, i * 1_000);
    // Entries past their window were swept (at most one sweep a second).
    expect(limits.auditRefusal('ip', 'ip-0', 1_000_000)).toEqual({ refused: 1 });
  });
});
