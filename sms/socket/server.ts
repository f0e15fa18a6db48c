import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  HandshakeAuthSchema,
  UNAUTHORIZED,
  type ClientToServerEvents,
  type CommandAck,
  type ServerToClientEvents,
} from '../../shared/protocol';
import { TokenBucket, type RateLimit } from '../auth/rateLimit';
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
  logger: Logger;
}

/** The running socket.io server. */
export interface SocketServer {
  /** Connected clients. */
  readonly clientCount: number;
  /** Disconnects every client and stops accepting new ones. */
  close(): Promise<void>;
}

/**
 * socket.io on the SMS's HTTP server (default namespace and path): token check at handshake,
 * replay from `since`, live events (one encoding per event for all clients, via the room),
 * and commands with an acknowledgement, rate limited per connection.
 */
export function attachSocketServer(httpServer: HttpServer, deps: SocketDeps): SocketServer {
  const { core, auth, logger } = deps;
  const rate = deps.commandRate ?? DEFAULT_COMMAND_RATE;
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
  coalesceWrites(io.engine);

  io.on('connection', (socket: SmsSocket) => {
    const { session, since } = socket.data;
    const actor = { userId: session.userId, username: session.username, role: session.role };

    // A session ends with its token, even on a connection that stays open.
    const expiry = setTimeout(() => socket.disconnect(true), Math.min(2 ** 31 - 1, session.expiresAt - auth.now()));
    socket.on('disconnect', () => clearTimeout(expiry));

    const bucket = new TokenBucket(rate.perSecond, rate.burst, Date.now());
    let lastFloodWarning = 0;
    socket.use((packet, next) => {
      if (bucket.take(Date.now())) return next();
      const ack = packet.at(-1);
      if (typeof ack === 'function') {
        const refusal: CommandAck = {
          ok: false,
          error: { code: 'rate_limited', message: `More than ${rate.perSecond} commands a second; slow down.` },
        };
        ack(refusal);
      }
      if (Date.now() - lastFloodWarning > 10_000) {
        lastFloodWarning = Date.now();
        logger.warn(`rate limiting ${session.username} (${socket.handshake.address})`);
      }
    });

    socket.on('command', (...args: unknown[]) => {
      const ack = args.at(-1);
      // Without an acknowledgement the client could never learn the outcome, so nothing is done.
      if (typeof ack !== 'function' || args.length !== 2) return;
      const answer = ack as (a: CommandAck) => void;
      if (auth.now() >= session.expiresAt) {
        answer({ ok: false, error: { code: 'unauthorized', message: 'The session has expired; log in again.' } });
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
    async close() {
      unsubscribe();
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
