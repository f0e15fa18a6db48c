// Segment grants: short-lived HMAC-signed proofs, written into a media playlist after the playlist
// itself was authorised, that let the same user fetch that stream's init and media segments.
// A grant is `<expiry, s since the epoch>.<HMAC-SHA256, base64url>`; the signature covers the user,
// camera, stream and expiry, so a grant copied to another user, camera or stream, or with a
// changed expiry, does not verify. The user and camera are not written into the grant: the
// request's bearer token and path supply them.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { StreamKind } from './recipe';

/** Life of a grant in a live playlist: the playlist is refreshed every second, so each refresh carries fresh grants. */
export const LIVE_GRANT_MS = 2 * 60_000;
/** Life of a grant in a recorded (VOD) playlist: loaded once, played and scrubbed for a while. */
export const VOD_GRANT_MS = 30 * 60_000;
/**
 * Expiries are rounded down to this step, so every playlist refresh within a step carries the
 * same grant: segment and init URLs stay the same across refreshes (hls.js loads the init segment
 * again when its URL changes), and a grant lives between its life minus one step and its life.
 */
export const GRANT_STEP_MS = 30_000;
/** Longest grant text the parser reads at all; a real one is 12 + 1 + 43 characters. */
const MAX_GRANT_LENGTH = 64;
/** Expiry seconds (10 digits until the year 2286, 12 allowed) and a 32-byte signature in base64url. */
const GRANT_PATTERN = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/;
/** Separates the grant key from the token key derived from the same secret. */
const KEY_LABEL = 'jccr hls grant v1';

/** What a grant is bound to. */
export interface GrantScope {
  userId: string;
  cameraId: string;
  stream: StreamKind;
}

/** Why a grant was refused (answered 403 with a message per reason). */
export type GrantRefusal = 'missing' | 'malformed' | 'mismatch' | 'expired';

export type GrantCheck = { ok: true; expiresAt: number } | { ok: false; why: GrantRefusal };

/** Issues and checks segment grants under one secret. */
export interface SegmentGrants {
  /** A grant for `scope` that expires at `expiresAt` (ms since the epoch, whole seconds kept). */
  issue(scope: GrantScope, expiresAt: number): string;
  /** Checks `raw` (a query parameter: anything) against `scope` at `now`; never throws. */
  check(raw: unknown, scope: GrantScope, now: number): GrantCheck;
}

/** The expiry of a grant issued at `now` with life `lifeMs`: rounded down to GRANT_STEP_MS. */
export function grantExpiry(now: number, lifeMs: number): number {
  return Math.floor(now / GRANT_STEP_MS) * GRANT_STEP_MS + lifeMs;
}

/**
 * Grants keyed from the SMS token secret (HMAC(secret, label)): grants survive a restart that keeps
 * the secret, and the key signs nothing but grants.
 */
export function createSegmentGrants(secret: string): SegmentGrants {
  const key = createHmac('sha256', secret).update(KEY_LABEL).digest();
  // JSON of an array: no choice of user or camera id can make two scopes sign the same text.
  const sign = (scope: GrantScope, expirySeconds: number) =>
    createHmac('sha256', key)
      .update(JSON.stringify([scope.userId, scope.cameraId, scope.stream, expirySeconds]))
      .digest('base64url');

  return {
    issue(scope, expiresAt) {
      const seconds = Math.floor(expiresAt / 1000);
      return `${seconds}.${sign(scope, seconds)}`;
    },
    check(raw, scope, now) {
      if (raw === undefined) return { ok: false, why: 'missing' };
      if (typeof raw !== 'string' || raw.length > MAX_GRANT_LENGTH) return { ok: false, why: 'malformed' };
      const match = GRANT_PATTERN.exec(raw);
      if (!match) return { ok: false, why: 'malformed' };
      const seconds = Number(match[1]);
      // Compared as text, not decoded bytes: base64url has spare bits in its last character, so
      // several texts decode to the same signature; only the one the SMS wrote is accepted.
      const given = Buffer.from(match[2] ?? '', 'latin1');
      const expected = Buffer.from(sign(scope, seconds), 'latin1');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: 'mismatch' };
      // The signature first: only a grant the SMS issued for this scope learns that it expired.
      if (seconds * 1000 <= now) return { ok: false, why: 'expired' };
      return { ok: true, expiresAt: seconds * 1000 };
    },
  };
}
