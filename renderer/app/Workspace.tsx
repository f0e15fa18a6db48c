import type { StoredSession } from '../../shared/host/bridge';
import { useLiveConnection } from '../connection/useLiveConnection';
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
  const store = useLiveConnection(smsUrl, session.token, onSignOut);
  return (
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
  );
}
