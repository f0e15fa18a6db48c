import type { QueryClient } from '@tanstack/react-query';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  CommandAck,
  CommandEnvelope,
  HandshakeAuth,
  ServerToClientEvents,
} from '../../shared/protocol';
import { CommandAckSchema, ReadySchema, ResyncSchema, UNAUTHORIZED } from '../../shared/protocol';
import { UnauthorizedError } from '../api/smsHttp';
import { applyEvents } from '../state/applyEvent';
import { publishAppliedEvents } from './appliedEvents';
import { publishSnapshotReplaced } from './snapshotReplaced';
import { snapshotQuery } from '../state/snapshotQuery';
import { createConnectionStore } from './connectionStore';
import type { ConnectionStore, WritableConnectionStore } from './connectionStore';
import { EventSync } from './eventSync';
import { createFrameApplier } from './frameApplier';
import type { EventSyncStats, SnapshotPort } from './eventSync';

/** What a live connection needs: where, who, and the cache it keeps current. */
export interface LiveConnectionOptions {
  smsUrl: string;
  /** The session token at the start. */
  token: string;
  /**
   * The window's newest token (renewals replace it while the connection stays open): every
   * snapshot load and every (re)connection handshake asks for it. Defaults to `token`.
   */
  currentToken?: () => string;
  queryClient: QueryClient;
  /** The SMS refused the session; `message` says why, for the sign-in screen. */
  onUnauthorized: (message: string) => void;
  /** Where to publish the connection state (a fresh store by default). */
  store?: WritableConnectionStore;
}

/** A window's single link to the SMS. */
export interface LiveConnection {
  readonly store: ConnectionStore;
  /** Event-sync counters, for diagnostics. */
  stats(): EventSyncStats;
  /**
   * Sends one command and resolves with the SMS's acknowledgement. Rejects with
   * `NotConnectedError` while the socket is down and `CommandTimeoutError` when no answer comes:
   * in both cases the command may be retried with the same id, which the SMS never runs twice.
   */
  sendCommand(command: CommandEnvelope, timeoutMs?: number): Promise<CommandAck>;
  /** Calls `listener` each time the socket (re)connects and is live; returns an unsubscribe function. */
  onLive(listener: () => void): () => void;
  /** Closes the socket and stops touching the cache. */
  stop(): void;
}

/** The socket is not connected: the command was not sent. */
export class NotConnectedError extends Error {
  constructor() {
    super('Not connected to the SMS.');
    this.name = 'NotConnectedError';
  }
}

/** No acknowledgement arrived in time: the command may or may not have been applied. */
export class CommandTimeoutError extends Error {
  constructor() {
    super('The SMS did not answer in time.');
    this.name = 'CommandTimeoutError';
  }
}

/** Default wait for a command's acknowledgement. */
export const COMMAND_TIMEOUT_MS = 10_000;

const SESSION_REFUSED =
  'The SMS ended this session (signed out elsewhere, account changed or disabled, or expired). Please sign in again.';
/** Pause before retrying a snapshot that failed for a reason other than the session. */
const SNAPSHOT_RETRY_MS = 3_000;

/**
 * Loads the snapshot, then opens the window's one socket with `{token, since}` and keeps the
 * snapshot query current from its events. socket.io reconnects on its own; each attempt
 * re-reads `since` from the cache, so the SMS replays exactly what was missed.
 */
export function startLiveConnection(options: LiveConnectionOptions): LiveConnection {
  const { smsUrl, token, queryClient, onUnauthorized } = options;
  const currentToken = options.currentToken ?? (() => token);
  // The key does not hold the token: this names the one snapshot query whatever the token.
  const query = snapshotQuery(smsUrl, token);
  const store = options.store ?? createConnectionStore();
  let stopped = false;
  let everLive = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const refuse = (message: string) => {
    if (stopped) return;
    store.setStatus('unauthorized');
    stop();
    onUnauthorized(message);
  };

  let awaitingResync = false;
  const loadSnapshot = async (): Promise<void> => {
    // What waits for the next frame goes in first: the fresh snapshot then skips or follows it.
    frames.flush();
    try {
      const snapshot = await queryClient.fetchQuery({ ...snapshotQuery(smsUrl, currentToken()), staleTime: 0 });
      store.snapshotLoaded();
      // Before the events held for it are applied (EventSync waits for this promise).
      publishSnapshotReplaced(snapshot);
      // After a `resync` no replay follows, so no `ready` either: the fresh snapshot is the sync point.
      if (awaitingResync && socket.connected) goLive();
    } catch (error) {
      if (error instanceof UnauthorizedError) refuse(SESSION_REFUSED);
      throw error;
    }
  };

  // Events are applied to the cache in one batch per animation frame: the window renders once
  // per frame however many arrive, and says so when it cannot keep up (frameApplier.ts).
  const frames = createFrameApplier({
    apply: (events) => {
      queryClient.setQueryData(query.queryKey, (snapshot) => snapshot && applyEvents(snapshot, events));
      publishAppliedEvents(events);
    },
    onBehind: (events) => store.setBehind(events),
  });

  const port: SnapshotPort = {
    // Queued events count as held: the next one follows them, and a reconnection resumes after them.
    currentSeq: () => frames.queuedSeq() ?? queryClient.getQueryData(query.queryKey)?.seq,
    apply: (events) => frames.enqueue(events),
    reload: loadSnapshot,
  };

  const sync = new EventSync(port, {
    onReloadError: () => {
      // Reconnecting replays from our seq anyway; only a connected socket needs a retry here.
      if (!stopped && socket.connected) retryTimer = setTimeout(() => sync.resync(), SNAPSHOT_RETRY_MS);
    },
  });

  // WebSocket only: no long-polling fallback, so no cross-origin XHR from the Electron
  // renderer's custom scheme and no sticky sessions behind a load balancer.
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(smsUrl, {
    autoConnect: false,
    transports: ['websocket'],
    // A function, so that each reconnection carries the newest token and seq.
    auth: (send) => {
      const since = port.currentSeq();
      const newest = currentToken();
      const auth: HandshakeAuth = since === undefined ? { token: newest } : { token: newest, since };
      send(auth);
    },
  });

  const liveListeners = new Set<() => void>();
  function goLive() {
    everLive = true;
    awaitingResync = false;
    store.setStatus(isOffline() ? 'offline' : 'live');
    for (const listener of liveListeners) listener();
  }
  function notLive() {
    store.setStatus(isOffline() ? 'offline' : everLive ? 'reconnecting' : 'connecting');
  }

  socket.on('connect', () => {
    awaitingResync = false;
  });
  socket.on('event', (raw: unknown) => sync.receive(raw));
  socket.on('ready', (raw: unknown) => {
    // The payload is informational; a malformed one is reported but the replay is still over.
    warnIfInvalid('ready', ReadySchema.safeParse(raw));
    if (!awaitingResync) goLive();
  });
  socket.on('resync', (raw: unknown) => {
    // Even a malformed resync means our seq is unusable: reload either way.
    warnIfInvalid('resync', ResyncSchema.safeParse(raw));
    awaitingResync = true;
    sync.resync();
  });
  socket.on('connect_error', (error) => {
    if (error.message === UNAUTHORIZED) refuse(SESSION_REFUSED);
    else notLive();
  });
  socket.on('disconnect', (reason) => {
    if (stopped) return;
    notLive();
    // The SMS closed the socket itself (e.g. during shutdown): socket.io does not retry that.
    if (reason === 'io server disconnect') socket.connect();
  });

  const onNetworkChange = () => {
    if (stopped) return;
    if (isOffline()) store.setStatus('offline');
    else if (socket.connected && store.getState().status === 'offline') goLive();
    else notLive();
  };
  globalThis.addEventListener?.('online', onNetworkChange);
  globalThis.addEventListener?.('offline', onNetworkChange);

  const begin = async () => {
    while (!stopped) {
      try {
        if (port.currentSeq() === undefined) await loadSnapshot();
        break;
      } catch (error) {
        if (error instanceof UnauthorizedError) return;
        await new Promise((resolve) => (retryTimer = setTimeout(resolve, SNAPSHOT_RETRY_MS)));
      }
    }
    if (!stopped) socket.connect();
  };
  void begin();

  function stop() {
    if (stopped) return;
    stopped = true;
    clearTimeout(retryTimer);
    sync.dispose();
    frames.dispose();
    socket.removeAllListeners();
    socket.disconnect();
    globalThis.removeEventListener?.('online', onNetworkChange);
    globalThis.removeEventListener?.('offline', onNetworkChange);
  }

  async function sendCommand(command: CommandEnvelope, timeoutMs = COMMAND_TIMEOUT_MS): Promise<CommandAck> {
    if (stopped || !socket.connected) throw new NotConnectedError();
    let raw: unknown;
    try {
      raw = await socket.timeout(timeoutMs).emitWithAck('command', command);
    } catch {
      throw socket.connected ? new CommandTimeoutError() : new NotConnectedError();
    }
    const ack = CommandAckSchema.safeParse(raw);
    if (!ack.success) throw new Error(`The SMS sent a malformed acknowledgement: ${ack.error.message}`);
    // The result's shape is per command type; callers parse it with that command's schema.
    return ack.data as CommandAck;
  }

  function onLive(listener: () => void): () => void {
    liveListeners.add(listener);
    return () => liveListeners.delete(listener);
  }

  return { store, stats: () => sync.stats, sendCommand, onLive, stop };
}

function warnIfInvalid(what: string, result: { success: boolean; error?: { message: string } }): void {
  if (!result.success) console.warn(`JCCR: the SMS sent a malformed '${what}':`, result.error?.message);
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
