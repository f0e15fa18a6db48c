import { useEffect, useSyncExternalStore } from 'react';
import { useSession } from '../session/SessionContext';
import { useSendCommand } from './CommandsContext';
import { Outbox, type OutboxEntry } from './outbox';

// One outbox per window and signed-in user: it outlives re-renders and reconnects, and its
// storage key keeps one operator's pending actions from being sent as another's.
const outboxes = new Map<string, Outbox>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The window's outbox for the signed-in user, kept pointed at the live connection. */
export function useOutbox(): Outbox {
  const { smsUrl, user } = useSession();
  const send = useSendCommand();
  const key = `jccr.outbox.v1:${smsUrl}:${user.username}`;
  let outbox = outboxes.get(key);
  if (!outbox) {
    outbox = new Outbox(storage(), key);
    outboxes.set(key, outbox);
  }
  const transport = send.transport ?? null;
  useEffect(() => {
    outbox.setTransport(transport);
  }, [outbox, transport]);
  return outbox;
}

/** The outbox's entries, re-rendering when they change. */
export function useOutboxEntries(outbox: Outbox): readonly OutboxEntry[] {
  return useSyncExternalStore(
    (listener) => outbox.subscribe(listener),
    () => outbox.list(),
  );
}
