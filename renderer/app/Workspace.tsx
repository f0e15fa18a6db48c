import { useMemo } from 'react';
import type { StoredSession } from '../../shared/host/bridge';
import { createSendCommand } from '../commands/commandClient';
import { CommandsProvider } from '../commands/CommandsContext';
import { NotConnectedError } from '../connection/liveConnection';
import { useLiveConnection } from '../connection/useLiveConnection';
import { SessionProvider } from '../session/SessionContext';
import { Overview } from '../overview/Overview';
import { UserMenu } from '../session/UserMenu';
import { StatusBar } from '../status/StatusBar';

interface WorkspaceProps {
  smsUrl: string;
  session: StoredSession;
  /** `reason` is shown on the sign-in form; null for a deliberate sign-out. */
  onSignOut: (reason: string | null) => void;
}

/** The signed-in window: header, status bar, and the room overview, fed by one live connection. */
export function Workspace({ smsUrl, session, onSignOut }: WorkspaceProps) {
  const { store, connection } = useLiveConnection(smsUrl, session.token, onSignOut);
  const send = useMemo(
    () =>
      createSendCommand({
        sendCommand: (command, timeoutMs) =>
          connection ? connection.sendCommand(command, timeoutMs) : Promise.reject(new NotConnectedError()),
      }),
    [connection],
  );
  const sessionInfo = useMemo(
    () => ({ smsUrl, token: session.token, user: session.user }),
    [smsUrl, session.token, session.user],
  );
  return (
    <SessionProvider value={sessionInfo}>
      <CommandsProvider send={send}>
        <div className="workspace">
          <header className="top-bar">
            <p className="top-bar__title">
              <span className="brand">JCCR</span> Joint Command &amp; Control Room
            </p>
            <UserMenu user={session.user} onSignOut={() => onSignOut(null)} />
          </header>
          <StatusBar store={store} smsUrl={smsUrl} token={session.token} />
          <main className="workspace__main" aria-labelledby="overview-title">
            <h1 id="overview-title">Overview</h1>
            <Overview smsUrl={smsUrl} token={session.token} />
          </main>
        </div>
      </CommandsProvider>
    </SessionProvider>
  );
}
