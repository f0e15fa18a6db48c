import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  HandshakeAuthSchema,
  UNAUTHORIZED,
  type ClientToServerEvents,
  type CommandAck,
  type ServerToClientEvents,
} from '../../shared/protocol';
import { KeyedRateLimiter, TokenBucket, type RateLimit } from '../auth/rateLimit';
import type { AuthService, Session } from '../auth/sessions';
import type { SmsCoreService } from '../core/core';
import { describeIssues } from '../core/issues';
import type { Logger } from '../core/log';
import { coalesceWrites } from './coalesce';
import { replay } from './replay';

/** Largest socket.io message accepted; a bigger one closes that connection. */
export const MAX_SOCKET_MESSAGE_BYTES = 1024 * 1024;
/** Default per-connection command rate. */
export const DEFAULT_COMMAND_RATE: RateLimit = { perSecond: 20, burst: 50 };
/** Default command rate of one user across all of their connections. */
export const DEFAULT_USER_COMMAND_RATE: RateLimit = { perSecond: 40, burst: 100 };

/** Room of the sockets that receive live events. */
const LIVE = 'live';
/** Longest a replay waits for a connection to drain before sending more anyway. */
const DRAIN_WAIT_MS = 5_000;

interface SocketData {
  session: Session;
  since: number | undefined;
}
type SmsSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What the socket.io side needs. */
export interface SocketDeps {
  core: SmsCoreService;
  auth: AuthService;
  commandRate?: RateLimit;
  /** Commands of one user across all of their connections. */
  userCommandRate?: RateLimit;
  logger: Logger;
}

/** The running socket.io server. */
export interface SocketServer {
  /** Connected clients. */
  readonly clientCount: number;
  /** Connected sockets of one session (diagnostics and tests). */
  socketsOfSession(sessionId: string): number;
  /** Connected sockets of one user, all sessions (diagnostics and tests). */
  socketsOfUser(userId: string): number;
  /** Disconnects every client and stops accepting new ones. */
  close(): Promise<void>;
}

/** Sockets by key (session id, user id): what a revocation disconnects. */
class SocketRegistry {
  private readonly byKey = new Map<string, Set<SmsSocket>>();
  add(key: string, socket: SmsSocket): void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(socket);
  }
  remove(key: string, socket: SmsSocket): void {
    const set = this.byKey.get(key);
    if (!set) return;
    set.delete(socket);
    if (set.size === 0) this.byKey.delete(key);
  }
  get(key: string): readonly SmsSocket[] {
    return [...(this.byKey.get(key) ?? [])];
  }
}

/** Rounds a wait up to whole milliseconds, at least 1. */
function retryAfter(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}

/**
 * socket.io on the SMS's HTTP server (default namespace and path): token check at handshake,
 * replay from `since`, live events (one encoding per event for all clients, via the room),
 * and commands with an acknowledgement, rate limited per connection and per user across
 * connections. A revoked session's sockets are disconnected at once; a connection lasts while
 * its session does (renewals included), not just its token.
 */
export function attachSocketServer(httpServer: HttpServer, deps: SocketDeps): SocketServer {
  const { core, auth, logger } = deps;
  const rate = deps.commandRate ?? DEFAULT_COMMAND_RATE;
  const userRate = deps.userCommandRate ?? DEFAULT_USER_COMMAND_RATE;
  const perUser = new KeyedRateLimiter(userRate);
  const bySession = new SocketRegistry();
  const byUser = new SocketRegistry();
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
  });

  io.use((socket, next) => {
    const raw: unknown = socket.handshake.auth;
    const token = typeof raw === 'object' && raw !== null ? (raw as { token?: unknown }).token : undefined;
    const checked = typeof token === 'string' ? auth.verify(token) : null;
    if (!checked?.ok) return next(new Error(UNAUTHORIZED));
    const handshake = HandshakeAuthSchema.safeParse(raw);
    if (!handshake.success) return next(new Error(`invalid handshake: ${describeIssues(handshake.error)}`));
    socket.data = { session: checked.session, since: handshake.data.since };
    next();
  });

  const unsubscribe = core.subscribe((event) => io.to(LIVE).emit('event', event));
  // Sign-out, a removed or disabled user, a changed role: that session's sockets go now, and
  // their reconnection is refused at the handshake (`unauthorized`).
  const unsubscribeRevoked = auth.onRevoked((r) => {
    for (const socket of bySession.get(r.sessionId)) socket.disconnect(true);
  });
  coalesceWrites(io.engine);

  io.on('connection', (socket: SmsSocket) => {
    const { session, since } = socket.data;
    const actor = { userId: session.userId, username: session.username, role: session.role };

    bySession.add(session.sessionId, socket);
    byUser.add(session.userId, socket);
    // The session's expiry, read again when the timer fires: a renewal (over REST, from any
    // window) moves it, and the connection then stays.
    let expiry: ReturnType<typeof setTimeout> | undefined;
    const watchExpiry = () => {
      const current = auth.current(session.sessionId);
      if (!current) {
        socket.disconnect(true);
        return;
      }
      expiry = setTimeout(watchExpiry, Math.min(2 ** 31 - 1, Math.max(1, current.expiresAt - auth.now())));
    };
    watchExpiry();
    socket.on('disconnect', () => {
      clearTimeout(expiry);
      bySession.remove(session.sessionId, socket);
      byUser.remove(session.userId, socket);
    });

    const bucket = new TokenBucket(rate.perSecond, rate.burst, Date.now());
    let lastFloodWarning = 0;
    socket.use((packet, next) => {
      const now = Date.now();
      // The connection's own limit first: a flooding socket does not eat its user's other windows' share.
      let refusal: CommandAck | null = null;
      if (!bucket.take(now)) {
        refusal = {
          ok: false,
          error: {
            code: 'rate_limited',
            message: `More than ${rate.perSecond} commands a second on this connection; slow down.`,
            retryAfterMs: retryAfter(bucket.msUntilNext(now)),
          },
        };
      } else if (!perUser.take(session.userId, now)) {
        refusal = {
          ok: false,
          error: {
            code: 'rate_limited',
            message: `More than ${userRate.perSecond} commands a second from ${session.username} across all connections; slow down.`,
            retryAfterMs: retryAfter(perUser.msUntilNext(session.userId, now)),
          },
        };
      }
      if (!refusal) return next();
      const ack = packet.at(-1);
      if (typeof ack === 'function') ack(refusal);
      if (now - lastFloodWarning > 10_000) {
        lastFloodWarning = now;
        logger.warn(`rate limiting ${session.username} (${socket.handshake.address})`);
      }
    });

    socket.on('command', (...args: unknown[]) => {
      const ack = args.at(-1);
      // Without an acknowledgement the client could never learn the outcome, so nothing is done.
      if (typeof ack !== 'function' || args.length !== 2) return;
      const answer = ack as (a: CommandAck) => void;
      // From memory: a revoked or expired session never gets a command through, even in the
      // moment before its socket is disconnected.
      if (!auth.current(session.sessionId)) {
        answer({ ok: false, error: { code: 'unauthorized', message: 'The session has ended; sign in again.' } });
        socket.disconnect(true);
        return;
      }
      answer(core.submit(args[0], actor));
    });

    replay(
      {
        journalRange: () => core.journalRange(),
        readEvents: (after, limit) => core.readEvents(after, limit),
        send: (e) => socket.emit('event', e),
        resync: (r) => socket.emit('resync', r),
        ready: (r) => socket.emit('ready', r),
        joinLive: () => void socket.join(LIVE),
        drained: () => drained(socket),
        isConnected: () => socket.connected,
      },
      since,
    ).catch((e: unknown) => {
      logger.error(`replay for ${session.username} failed`, e);
      socket.disconnect(true);
    });
  });

  return {
    get clientCount() {
      return io.engine.clientsCount;
    },
    socketsOfSession(sessionId) {
      return bySession.get(sessionId).length;
    },
    socketsOfUser(userId) {
      return byUser.get(userId).length;
    },
    async close() {
      unsubscribe();
      unsubscribeRevoked();
      io.disconnectSockets(true);
      await io.close();
    },
  };
}

function drained(socket: SmsSocket): Promise<void> {
  const conn = socket.conn;
  // engine.io keeps its outgoing queue private in its types; it is the only sign of a slow client.
  const queued = (conn as unknown as { writeBuffer: readonly unknown[] }).writeBuffer.length;
  if (queued === 0 || !socket.connected) return new Promise((r) => setImmediate(r));
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      conn.off('drain', done);
      conn.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, DRAIN_WAIT_MS);
    conn.on('drain', done);
    conn.on('close', done);
  });
}
