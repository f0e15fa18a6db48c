import { randomBytes } from 'node:crypto';
import type { Role, User } from '../../shared/protocol';
import type { SessionRecord, Storage, StoredUser } from '../storage/storage';
import { hashPassword, verifyPassword } from './passwords';
import { signToken, verifyToken, type TokenProblem } from './tokens';

/** Default session length: one 12-hour shift, slid forward by each renewal. */
export const DEFAULT_TOKEN_TTL_MS = 12 * 3_600_000;
/** Longest a session lasts however often it is renewed: then the operator signs in again. */
export const DEFAULT_SESSION_MAX_AGE_MS = 7 * 24 * 3_600_000;
/** How long ended sessions stay in the table (for an investigation) before `sweep` deletes them. */
const ENDED_SESSION_KEEP_MS = 30 * 24 * 3_600_000;
/** Smallest move of a session's expiry that a renewal stores (or a hundredth of the TTL, if less). */
const RENEW_GRANULARITY_MS = 60_000;
/** Most ended sessions one `sweep` deletes, so that it stays short on the event loop. */
const SWEEP_MAX_ROWS = 1_000;

/** An authenticated operator, as the transports hand it to the core. */
export interface Session {
  /** The server-side session the token names. */
  sessionId: string;
  userId: string;
  username: string;
  role: Role;
  /** The session's expiry at the time of the check (renewals move it), ms since the epoch. */
  expiresAt: number;
}

/** Why a session was ended by the SMS rather than by its expiry. */
export type RevokeReason = 'logout' | 'user_removed' | 'user_disabled' | 'role_changed';

/** A session that was just revoked. */
export interface Revocation {
  sessionId: string;
  userId: string;
  username: string;
  role: Role;
  why: RevokeReason;
}

/** Why a token was refused (logged, never told to the client beyond `unauthorized`). */
export type AuthProblem = TokenProblem | 'unknown_user' | 'no_session';

/** A token and what it grants: the answer of a login or a renewal. */
export interface Issued {
  token: string;
  user: User;
  sessionId: string;
  /** Session expiry, ms since the epoch. */
  expiresAt: number;
}

/** Logins, server-side sessions and token checks. */
export interface AuthService {
  /** A new session and its token for valid credentials, `null` otherwise (without telling which part was wrong). */
  login(username: string, password: string): Promise<Issued | null>;
  /**
   * The session of a valid token: signed, unexpired, naming a live session whose user still
   * exists, enabled, with the same role. From memory only: no disk read.
   */
  verify(token: unknown): { ok: true; session: Session } | { ok: false; problem: AuthProblem };
  /** The session if it is still live (not revoked, not expired, its user unchanged); from memory. */
  current(sessionId: string): Session | null;
  /**
   * A fresh token for the token's session, whose expiry slides to now + TTL (never past the
   * session's cap). `moved`: the expiry was moved and stored (at most about once a minute).
   */
  renew(token: unknown): { ok: true; issued: Issued; moved: boolean } | { ok: false; problem: AuthProblem };
  /** Ends the token's session (sign-out). */
  logout(token: unknown): { ok: true; session: Session } | { ok: false; problem: AuthProblem };
  /**
   * Takes a new set of users (a reload of the users file): sessions of users removed, disabled
   * or given another role are revoked. Returns the revocations.
   */
  setUsers(users: readonly StoredUser[], disabled: readonly string[]): Revocation[];
  /** Calls `listener` for every revocation (sign-out included); returns an unsubscribe function. */
  onRevoked(listener: (revocation: Revocation) => void): () => void;
  /** Forgets expired sessions in memory and deletes long-ended ones from the store (bounded). */
  sweep(): void;
  /** Wall-clock time used for expiry. */
  now(): number;
}

/** Where sessions are kept (the SMS's store). */
export type SessionStore = Pick<
  Storage,
  'insertSession' | 'liveSessions' | 'setSessionExpiry' | 'revokeSessions' | 'pruneSessions'
>;

/** Options of `createAuth`. */
export interface AuthOptions {
  users: readonly StoredUser[];
  /** Usernames configured but disabled: their sessions are revoked as `user_disabled`. */
  disabled?: readonly string[];
  store: SessionStore;
  /** HMAC secret; tokens stay valid across restarts that keep it (and their session). */
  secret: string;
  tokenTtlMs?: number;
  sessionMaxAgeMs?: number;
  /** Wall clock (default `Date.now`): sessions expire in real time even when the simulation runs faster. */
  now?: () => number;
  /** A first revocation listener, there before the revocations made at start (users changed while down). */
  onRevoked?: (revocation: Revocation) => void;
}

/** A new session id: 128 random bits. */
function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Creates the auth service. Live sessions are loaded from the store once and then checked in
 * memory; the store is written on login, renewal and revocation only. Sessions of users who
 * changed while the SMS was down are revoked here, at start.
 */
export function createAuth(opts: AuthOptions): AuthService {
  const ttl = opts.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  const maxAge = opts.sessionMaxAgeMs ?? DEFAULT_SESSION_MAX_AGE_MS;
  const now = opts.now ?? Date.now;
  const { store } = opts;
  let byName = new Map<string, StoredUser>();
  let byId = new Map<string, StoredUser>();
  /** Live sessions by id: the source of every token check. */
  const live = new Map<string, SessionRecord>(store.liveSessions(now()).map((s) => [s.id, s]));
  const listeners = new Set<(revocation: Revocation) => void>(opts.onRevoked ? [opts.onRevoked] : []);
  // Unknown usernames are checked against a throwaway hash so they take as long as wrong passwords.
  let decoy: Promise<string> | undefined;

  const sessionOf = (s: SessionRecord): Session => ({
    sessionId: s.id,
    userId: s.userId,
    username: s.username,
    role: s.role,
    expiresAt: s.expiresAt,
  });

  const revoke = (sessions: readonly SessionRecord[], why: RevokeReason): Revocation[] => {
    if (sessions.length === 0) return [];
    for (const s of sessions) live.delete(s.id);
    store.revokeSessions(
      sessions.map((s) => s.id),
      now(),
      why,
    );
    const revocations = sessions.map((s) => ({
      sessionId: s.id,
      userId: s.userId,
      username: s.username,
      role: s.role,
      why,
    }));
    for (const r of revocations) for (const l of listeners) l(r);
    return revocations;
  };

  /** A live, unexpired session whose user is unchanged, or null. */
  const liveSession = (sessionId: string): SessionRecord | null => {
    const s = live.get(sessionId);
    if (!s) return null;
    if (s.expiresAt <= now()) {
      live.delete(sessionId);
      return null;
    }
    const user = byId.get(s.userId);
    // setUsers revokes such sessions; this only guards the moment in between.
    if (!user || user.username !== s.username || user.role !== s.role) return null;
    return s;
  };

  const check = (token: unknown): { ok: true; record: SessionRecord } | { ok: false; problem: AuthProblem } => {
    const checked = verifyToken(token, opts.secret, now());
    if (!checked.ok) return checked;
    const { sid, sub, usr, role } = checked.claims;
    const s = liveSession(sid);
    if (!s) return { ok: false, problem: 'no_session' };
    if (s.userId !== sub || s.username !== usr || s.role !== role) return { ok: false, problem: 'unknown_user' };
    return { ok: true, record: s };
  };

  const issue = (s: SessionRecord): Issued => ({
    token: signToken({ sid: s.id, sub: s.userId, usr: s.username, role: s.role, exp: s.expiresAt }, opts.secret),
    user: { id: s.userId, username: s.username, role: s.role },
    sessionId: s.id,
    expiresAt: s.expiresAt,
  });

  const setUsers = (users: readonly StoredUser[], disabled: readonly string[]): Revocation[] => {
    byName = new Map(users.map((u) => [u.username, u]));
    byId = new Map(users.map((u) => [u.id, u]));
    const disabledNames = new Set(disabled);
    const ended: Record<Exclude<RevokeReason, 'logout'>, SessionRecord[]> = {
      user_removed: [],
      user_disabled: [],
      role_changed: [],
    };
    for (const s of live.values()) {
      const user = byId.get(s.userId);
      if (user && user.username === s.username && user.role === s.role) continue;
      if (disabledNames.has(s.username)) ended.user_disabled.push(s);
      else if (user?.username === s.username) ended.role_changed.push(s);
      else ended.user_removed.push(s);
    }
    return [
      ...revoke(ended.user_removed, 'user_removed'),
      ...revoke(ended.user_disabled, 'user_disabled'),
      ...revoke(ended.role_changed, 'role_changed'),
    ];
  };
  setUsers(opts.users, opts.disabled ?? []);

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
      // The users may have been reloaded (this one removed, disabled, given another role) meanwhile.
      const still = byName.get(username);
      if (still?.id !== user.id || still.role !== user.role) return null;
      const at = now();
      const record: SessionRecord = {
        id: newSessionId(),
        userId: user.id,
        username: user.username,
        role: user.role,
        createdAt: at,
        expiresAt: at + Math.min(ttl, maxAge),
        revokedAt: null,
        revokedWhy: null,
      };
      store.insertSession(record);
      live.set(record.id, record);
      return issue(record);
    },
    verify(token) {
      const checked = check(token);
      return checked.ok ? { ok: true, session: sessionOf(checked.record) } : checked;
    },
    current(sessionId) {
      const s = liveSession(sessionId);
      return s && sessionOf(s);
    },
    renew(token) {
      const checked = check(token);
      if (!checked.ok) return checked;
      const s = checked.record;
      const expiresAt = Math.min(now() + ttl, s.createdAt + maxAge);
      // Renewals closer together than a minute keep the expiry: a client renewing in a loop
      // costs no disk write (and no audit row) beyond one a minute.
      const moved = expiresAt - s.expiresAt >= Math.min(RENEW_GRANULARITY_MS, ttl / 100);
      if (moved) {
        store.setSessionExpiry(s.id, expiresAt);
        s.expiresAt = expiresAt;
      }
      return { ok: true, issued: issue(s), moved };
    },
    logout(token) {
      const checked = check(token);
      if (!checked.ok) return checked;
      revoke([checked.record], 'logout');
      return { ok: true, session: sessionOf(checked.record) };
    },
    setUsers,
    onRevoked(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sweep() {
      const at = now();
      for (const [id, s] of live) if (s.expiresAt <= at) live.delete(id);
      store.pruneSessions(at - ENDED_SESSION_KEEP_MS, SWEEP_MAX_ROWS);
    },
  };
}
