import type { Socket as NetSocket } from 'node:net';
import type { EventEmitter } from 'node:events';

/** The parts of an engine.io connection this module reaches into (not in engine.io's types). */
interface EngineConnection {
  transport?: { name?: string; socket?: { _socket?: unknown } };
}

function rawSocket(conn: EngineConnection): NetSocket | null {
  if (conn.transport?.name !== 'websocket') return null;
  const raw = conn.transport.socket?._socket as Partial<NetSocket> | undefined;
  return typeof raw?.cork === 'function' && typeof raw.uncork === 'function' ? (raw as NetSocket) : null;
}

/**
 * Makes each client's pending frames leave in one write per tick instead of one write each.
 * engine.io sends every queued packet as its own WebSocket frame; under a burst of events (a
 * replay, a busy simulator tick) that is one system call and one TCP segment per event per
 * client. Corking the TCP socket while engine.io flushes, and uncorking on the next tick, hands
 * the kernel all of them at once. If engine.io or ws change their internals this silently does
 * nothing, which is merely slower.
 */
export function coalesceWrites(engine: EventEmitter): void {
  engine.on('flush', (conn: EngineConnection) => {
    const raw = rawSocket(conn);
    if (raw === null || raw.writableCorked > 0 || raw.destroyed) return;
    raw.cork();
    process.nextTick(() => raw.uncork());
  });
}
