import type { CommandTransport } from './commandClient';
import { Outbox } from './outbox';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * One signed-in user's outbox in this window, opened on first use: by the console's pending list
 * or by the first command that may wait. A window that never queues (the map, a wall) thus never
 * reads or rewrites the stored outbox, which the console window of the same user keeps.
 */
export class WindowOutbox {
  private outbox: Outbox | null = null;
  private transport: CommandTransport | null = null;

  constructor(private readonly key: string) {}

  /** Points the outbox, once open, at the live connection; it sends what waits. */
  setTransport(transport: CommandTransport): void {
    this.transport = transport;
    this.outbox?.setTransport(transport);
  }

  /** Sends what waits now, if the outbox is open (a window that never queued has nothing). */
  flush(): void {
    void this.outbox?.flush();
  }

  /** The outbox, opened now if it is not yet. */
  readonly open = (): Outbox => {
    if (!this.outbox) {
      const outbox = new Outbox(storage(), this.key);
      outbox.setTransport(this.transport);
      // Another window of this user changed the stored outbox: show and retry what it holds.
      if (typeof window !== 'undefined') {
        window.addEventListener('storage', (e) => {
          if (e.key === this.key) outbox.reload();
        });
      }
      this.outbox = outbox;
    }
    return this.outbox;
  };
}

// One per window and signed-in user: it outlives re-renders and reconnects, and its storage key
// keeps one operator's pending actions from being sent as another's.
const outboxes = new Map<string, WindowOutbox>();

/** The window's outbox for `username` at `smsUrl`. */
export function windowOutboxFor(smsUrl: string, username: string): WindowOutbox {
  const key = `jccr.outbox.v1:${smsUrl}:${username}`;
  let outbox = outboxes.get(key);
  if (!outbox) {
    outbox = new WindowOutbox(key);
    outboxes.set(key, outbox);
  }
  return outbox;
}
