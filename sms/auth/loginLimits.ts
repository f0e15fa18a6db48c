import { KeyedRateLimiter, type RateLimit } from './rateLimit';

/** Default login attempts per client IP: 1 every 2 s, burst 20. */
export const DEFAULT_LOGIN_RATE: RateLimit = { perSecond: 0.5, burst: 20 };
/** Default failed logins per account (username), from any IP: burst 10, then 1 every 30 s. */
export const DEFAULT_ACCOUNT_FAILURE_RATE: RateLimit = { perSecond: 1 / 30, burst: 10 };
/** At most one audit row per IP, and one per account, about refused logins in this window. */
export const REFUSED_LOGIN_AUDIT_WINDOW_MS = 60_000;

/** Which limit refused a login. */
export type LoginLimitKind = 'ip' | 'account';

/** A refused login: which limit, and how long to wait. */
export interface LoginRefusal {
  limit: LoginLimitKind;
  retryAfterMs: number;
}

/** Options of `createLoginLimits`. */
export interface LoginLimitOptions {
  perIp?: RateLimit;
  perAccount?: RateLimit;
  /** Most keys each limiter tracks before sweeping full ones. */
  maxKeys?: number;
}

/**
 * Login rate limits: every attempt counts against its client IP; failed attempts count against
 * the account named, whichever IPs they come from, so a spray of addresses cannot guess one
 * account's password. Also decides which refusals are worth an audit row.
 */
export function createLoginLimits(opts: LoginLimitOptions = {}) {
  const maxKeys = opts.maxKeys ?? 10_000;
  const perIp = new KeyedRateLimiter(opts.perIp ?? DEFAULT_LOGIN_RATE, maxKeys);
  const perAccount = new KeyedRateLimiter(opts.perAccount ?? DEFAULT_ACCOUNT_FAILURE_RATE, maxKeys);
  /** Per `ip:` or `account:` key: when its last audit row was written and refusals since. */
  const audited = new Map<string, { at: number; refused: number }>();
  let lastSweep = Number.NEGATIVE_INFINITY;

  return {
    /**
     * Counts an attempt from `ip` for `username` (null when the body named none) and says
     * whether it may go on. A limited account refuses before its password is checked at all.
     */
    attempt(ip: string, username: string | null, now: number): LoginRefusal | null {
      if (!perIp.take(ip, now)) return { limit: 'ip', retryAfterMs: perIp.msUntilNext(ip, now) };
      if (username !== null) {
        const wait = perAccount.msUntilNext(username, now);
        if (wait > 0) return { limit: 'account', retryAfterMs: wait };
      }
      return null;
    },
    /** A wrong password (or unknown username): one failure against the account. */
    failed(username: string, now: number): void {
      perAccount.take(username, now);
    },
    /**
     * Whether this refusal gets an audit row: the first for its key in each window does, and
     * says how many were refused since the previous row (this one included); null otherwise.
     */
    auditRefusal(limit: LoginLimitKind, key: string, now: number): { refused: number } | null {
      const k = `${limit}:${key}`;
      const last = audited.get(k);
      if (last && now - last.at < REFUSED_LOGIN_AUDIT_WINDOW_MS) {
        last.refused++;
        return null;
      }
      if (!last && audited.size >= maxKeys && now - lastSweep >= 1_000) {
        lastSweep = now;
        for (const [key2, v] of audited) if (now - v.at >= REFUSED_LOGIN_AUDIT_WINDOW_MS) audited.delete(key2);
      }
      audited.set(k, { at: now, refused: 0 });
      return { refused: (last?.refused ?? 0) + 1 };
    },
  };
}
/** The login limits of one SMS. */
export type LoginLimits = ReturnType<typeof createLoginLimits>;
