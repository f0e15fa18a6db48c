import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { IdSchema, RoleSchema } from '../../shared/protocol';

/** A session id: 128 random bits in base64url (sms/auth/sessions.ts). */
export const SessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** What a session token asserts: which session, who, in which role, until when. */
export const TokenClaimsSchema = z.strictObject({
  /** Server-side session: the token is worth something only while that session is live. */
  sid: SessionIdSchema,
  /** User id. */
  sub: IdSchema,
  /** Username, so the SMS can name the author of an action without a lookup. */
  usr: z.string().min(1).max(64),
  role: RoleSchema,
  /** Expiry, ms since the epoch (wall clock, not the simulator's). */
  exp: z.number().int().positive(),
});
/** Claims of a valid token. */
export type TokenClaims = z.infer<typeof TokenClaimsSchema>;

/*
 * The format stays the hand-made `v1.<claims>.<HMAC-SHA256>` rather than a JWT from `jose`:
 * jose 6 is ESM-only (the jest setup compiles to CommonJS and would need widening for it) and,
 * above all, its verification is asynchronous (WebCrypto), while every check here must be
 * synchronous and cheap: the socket's per-command check, the HLS gate's `viewer()`. The format
 * has one algorithm and no header to choose another, so there is no `alg: none` to refuse.
 */
const PREFIX = 'v1';
/** Longest token accepted; a real one is about 250 characters. */
export const MAX_TOKEN_LENGTH = 1_024;
/** `v1.` + base64url claims + `.` + the 43 base64url characters of a SHA-256 MAC; nothing else. */
const TOKEN_SHAPE = /^v1\.([A-Za-z0-9_-]{1,900})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`${PREFIX}.${body}`).digest();
}

/** A token `v1.<claims, base64url JSON>.<HMAC-SHA256, base64url>` signed with the server secret. */
export function signToken(claims: TokenClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${PREFIX}.${body}.${mac(secret, body).toString('base64url')}`;
}

/** Why a token was refused; the client only ever learns `unauthorized`. */
export type TokenProblem = 'malformed' | 'bad_signature' | 'expired';

/**
 * The token's claims when it is well formed, signed with `secret` and not expired at `now`.
 * Never throws: anything (huge, non-ASCII, another format) is `malformed` before any parsing.
 */
export function verifyToken(
  token: unknown,
  secret: string,
  now: number,
): { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem } {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, problem: 'malformed' };
  const shape = TOKEN_SHAPE.exec(token);
  if (!shape) return { ok: false, problem: 'malformed' };
  const [, body = '', signature = ''] = shape;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, problem: 'bad_signature' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const claims = TokenClaimsSchema.safeParse(json);
  if (!claims.success) return { ok: false, problem: 'malformed' };
  if (claims.data.exp <= now) return { ok: false, problem: 'expired' };
  return { ok: true, claims: claims.data };
}
