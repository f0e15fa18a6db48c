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

describe('TokenBucket.msUntilNext', () => {
  it('is 0 while a token is there, then the whole ms until the next one', () => {
    const bucket = new TokenBucket(20, 2, 0);
    expect(bucket.msUntilNext(0)).toBe(0);
    bucket.take(0);
    bucket.take(0);
    expect(bucket.msUntilNext(0)).toBe(50);
    expect(bucket.msUntilNext(30)).toBe(20);
    expect(bucket.msUntilNext(50)).toBe(0);
  });

  it('rounds up, never answering 0 while refusing', () => {
    const bucket = new TokenBucket(3, 1, 0);
    bucket.take(0);
    expect(bucket.msUntilNext(0)).toBe(334);
    expect(bucket.msUntilNext(333)).toBe(1);
    expect(bucket.take(333)).toBe(false);
  });
});

describe('KeyedRateLimiter', () => {
  it('tells how long a key waits, without taking', () => {
    const limiter = new KeyedRateLimiter({ perSecond: 1, burst: 1 });
    expect(limiter.msUntilNext('a', 0)).toBe(0);
    limiter.take('a', 0);
    expect(limiter.msUntilNext('a', 400)).toBe(600);
    expect(limiter.msUntilNext('a', 400)).toBe(600);
    expect(limiter.take('a', 1_000)).toBe(true);
  });

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
