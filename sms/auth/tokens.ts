import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { IdSchema, RoleSchema } from '../../shared/protocol';

/** What a session token asserts: who, in which role, until when. */
export const TokenClaimsSchema = z.object({
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

const PREFIX = 'v1';

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

/** The token's claims when it is well formed, signed with `secret` and not expired at `now`. */
export function verifyToken(
  token: string,
  secret: string,
  now: number,
): { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem } {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, problem: 'malformed' };
  const [, body = '', signature = ''] = parts;
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
