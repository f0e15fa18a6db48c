import { KeyedRateLimiter, TokenBucket } from './rateLimit';

describe('TokenBucket', () => {
  it('allows a burst, then refuses', () => {
    const bucket = new TokenBucket(1, 3, 0);
    expect([1, 2, 3, 4].map(() => bucket.take(0))).toEqual([true, true, true, false]);
  });

  it('refills at its rate, never above the burst', () => {
    const bucket = new TokenBucket(2, 3, 0);
    for (let i = 0; i < 3; i++) bucket.take(0);
    expect(bucket.take(400)).toBe(false);
    expect(bucket.take(500)).toBe(true);
    expect(bucket.isFull(100_000)).toBe(true);
    expect([1, 2, 3, 4].map(() => bucket.take(100_000))).toEqual([true, true, true, false]);
  });
});

describe('KeyedRateLimiter', () => {
  it('limits each key on its own', () => {
    const limiter = new KeyedRateLimiter({ perSecond: 1, burst: 1 });
    expect(limiter.take('a', 0)).toBe(true);
    expect(limiter.take('a', 0)).toBe(false);
    expect(limiter.take('b', 0)).toBe(true);
  });

  it('forgets refilled keys when it tracks too many', () => {
    const limiter = new KeyedRateLimiter({ perSecond: 1, burst: 1 }, 3);
    for (const k of ['a', 'b', 'c']) limiter.take(k, 0);
    limiter.take('d', 10_000);
    expect(limiter.size).toBe(1);
  });
});
