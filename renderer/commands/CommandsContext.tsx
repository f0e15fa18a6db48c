import { createContext, useContext, type ReactNode } from 'react';
import type { SendCommand } from './commandClient';

const CommandsContext = createContext<SendCommand | null>(null);

/** Provides the window's command sender to every surface. */
export function CommandsProvider({ send, children }: { send: SendCommand; children: ReactNode }) {
  return <CommandsContext.Provider value={send}>{children}</CommandsContext.Provider>;
}

/** The window's command sender: `send(type, payload)` resolves with the typed result or throws. */
export function useSendCommand(): SendCommand {
  const send = useContext(CommandsContext);
  if (!send) throw new Error('useSendCommand needs a CommandsProvider (inside the signed-in workspace).');
  return send;
}
