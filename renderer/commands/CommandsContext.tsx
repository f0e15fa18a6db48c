import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { NotConnectedError } from '../connection/liveConnection';
import { useSession } from '../session/SessionContext';
import { createSendCommand, type CommandTransport } from './commandClient';
import { routeCommands, type RoutedSend } from './routeCommands';
import type { Outbox, OutboxEntry } from './outbox';
import { windowOutboxFor } from './windowOutbox';

interface Commands {
  send: RoutedSend;
  /** The signed-in user's outbox, opened on first call. */
  outbox: () => Outbox;
}

const CommandsContext = createContext<Commands | null>(null);

interface Props {
  /** The window's live connection; null while it starts or after it stopped. */
  connection: (CommandTransport & { onLive?(listener: () => void): () => void }) | null;
  children: ReactNode;
}

/**
 * The window's one command path. Over the live connection it builds the routed `send` (direct
 * sends and the signed-in user's outbox, chosen by `DELIVERY`). Inside a `SessionProvider`.
 */
export function CommandsProvider({ connection, children }: Props) {
  const { smsUrl, user } = useSession();
  const outbox = windowOutboxFor(smsUrl, user.username);
  // A new transport per connection: the outbox sends what waits as soon as it gets one.
  const transport = useMemo<CommandTransport>(
    () => ({
      sendCommand: (command, timeoutMs) =>
        connection ? connection.sendCommand(command, timeoutMs) : Promise.reject(new NotConnectedError()),
    }),
    [connection],
  );
  useEffect(() => outbox.setTransport(transport), [outbox, transport]);
  // Back in step with the SMS after a reconnect: send what waits now, not at the next retry tick.
  useEffect(() => connection?.onLive?.(() => outbox.flush()), [connection, outbox]);
  const commands = useMemo(
    () => ({ send: routeCommands(createSendCommand(transport), outbox.open), outbox: outbox.open }),
    [outbox, transport],
  );
  return <CommandsContext.Provider value={commands}>{children}</CommandsContext.Provider>;
}

function useCommands(): Commands {
  const commands = useContext(CommandsContext);
  if (!commands) throw new Error('Commands need a CommandsProvider (inside the signed-in workspace).');
  return commands;
}

/**
 * The window's command sender: `send(type, payload)` resolves with the typed result or throws; a
 * command that may wait (see `DELIVERY`) also takes the words that show it under Pending actions.
 */
export function useSendCommand(): RoutedSend {
  return useCommands().send;
}

/** The window's outbox for the signed-in user (for its pending list; send through `useSendCommand`). */
export function useOutbox(): Outbox {
  return useCommands().outbox();
}

/** The outbox's entries, re-rendering when they change. */
export function useOutboxEntries(outbox: Outbox): readonly OutboxEntry[] {
  return useSyncExternalStore(
    (listener) => outbox.subscribe(listener),
    () => outbox.list(),
  );
}
