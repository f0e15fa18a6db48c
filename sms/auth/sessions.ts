import type { Role, User } from '../../shared/protocol';
import type { StoredUser } from '../storage/storage';
import { hashPassword, verifyPassword } from './passwords';
import { signToken, verifyToken, type TokenProblem } from './tokens';

/** Default session length: one 12-hour shift. */
export const DEFAULT_TOKEN_TTL_MS = 12 * 3_600_000;

/** An authenticated operator, as the transports hand it to the core. */
export interface Session {
  userId: string;
  username: string;
  role: Role;
  /** Token expiry, ms since the epoch. */
  expiresAt: number;
}

/** Logins and token checks. */
export interface AuthService {
  /** A signed token for valid credentials, `null` otherwise (without telling which part was wrong). */
  login(username: string, password: string): Promise<{ token: string; user: User; expiresAt: number } | null>;
  /** The session of a valid token whose user still exists with the same role. */
  verify(token: string): { ok: true; session: Session } | { ok: false; problem: TokenProblem | 'unknown_user' };
  /** Wall-clock time used for expiry. */
  now(): number;
}

/** Options of `createAuth`. */
export interface AuthOptions {
  users: readonly StoredUser[];
  /** HMAC secret; tokens stay valid across restarts that keep it. */
  secret: string;
  tokenTtlMs?: number;
  /** Wall clock (default `Date.now`): sessions expire in real time even when the simulation runs faster. */
  now?: () => number;
}

/** Creates the auth service over a fixed set of users. */
export function createAuth(opts: AuthOptions): AuthService {
  const byName = new Map(opts.users.map((u) => [u.username, u]));
  const byId = new Map(opts.users.map((u) => [u.id, u]));
  const ttl = opts.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  const now = opts.now ?? Date.now;
  // Unknown usernames are checked against a throwaway hash so they take as long as wrong passwords.
  let decoy: Promise<string> | undefined;

  return {
    now,
    async login(username, password) {
      const user = byName.get(username);
      if (!user) {
        decoy ??= hashPassword('decoy-password');
        await verifyPassword(password, await decoy);
        return null;
      }
      if (!(await verifyPassword(password, user.passwordHash))) return null;
      const expiresAt = now() + ttl;
      const token = signToken({ sub: user.id, usr: user.username, role: user.role, exp: expiresAt }, opts.secret);
      return { token, user: { id: user.id, username: user.username, role: user.role }, expiresAt };
    },
    verify(token) {
      const checked = verifyToken(token, opts.secret, now());
      if (!checked.ok) return checked;
      const { sub, usr, role, exp } = checked.claims;
      const user = byId.get(sub);
      if (!user || user.username !== usr || user.role !== role) return { ok: false, problem: 'unknown_user' };
      return { ok: true, session: { userId: sub, username: usr, role, expiresAt: exp } };
    },
  };
}
