/** A token bucket: `burst` actions at once, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token if there is one; `false` means the action must be refused. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole milliseconds until one more action would be allowed: 0 when one is allowed now. */
  msUntilNext(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    if (this.perSecond <= 0) return Number.MAX_SAFE_INTEGER;
    return Math.max(1, Math.ceil(((1 - this.tokens) / this.perSecond) * 1_000));
  }

  /** Whether the bucket has refilled completely (it can then be forgotten). */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.burst;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.last) / 1_000;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perSecond);
    this.last = Math.max(this.last, now);
  }
}

/** Rate of a limiter: sustained actions per second and the burst allowed on top. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** One token bucket per key (e.g. per client IP), forgetting keys whose bucket is full again. */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    readonly limit: RateLimit,
    /** Above this many keys, full buckets are swept so memory stays bounded under a spray of sources. */
    private readonly sweepAbove = 10_000,
  ) {}

  take(key: string, now: number): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      // At most one sweep a second: under a spray of new keys none may be full yet.
      if (this.buckets.size >= this.sweepAbove && now - this.lastSweep >= 1_000) this.sweep(now);
      bucket = new TokenBucket(this.limit.perSecond, this.limit.burst, now);
      this.buckets.set(key, bucket);
    }
    return bucket.take(now);
  }

  /** Whole milliseconds until `key` may act again (0: now), without taking anything. */
  msUntilNext(key: string, now: number): number {
    return this.buckets.get(key)?.msUntilNext(now) ?? 0;
  }

  /** Keys currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (bucket.isFull(now)) this.buckets.delete(key);
  }
}
