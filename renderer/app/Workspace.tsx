import { useEffect, useMemo } from 'react';
import type { HostBridge, StoredSession } from '../../shared/host/bridge';
import type { WindowRole } from '../../shared/host/profile';
import { ROLE_NAMES } from '../../shared/host/profile';
import { CommandsProvider } from '../commands/CommandsContext';
import { useLiveConnection } from '../connection/useLiveConnection';
import { FirstRunGuide } from '../guide/FirstRunGuide';
import { SessionProvider } from '../session/SessionContext';
import { UserMenu } from '../session/UserMenu';
import { StatusBar } from '../status/StatusBar';
import { RoleLayout } from './RoleLayout';
import { SelectionIndicator } from './SelectionIndicator';
import { WallRequestNotice } from './WallRequestNotice';
import { WindowsMenu } from './WindowsMenu';
import { WorkstationSettingsButton } from './WorkstationSettings';
import { useScreenWakeLock } from './useScreenWakeLock';
import './shell.css';

interface WorkspaceProps {
  host: HostBridge;
  role: WindowRole;
  smsUrl: string;
  session: StoredSession;
  /** The newest token of the session (renewals replace it without remounting the workspace). */
  currentToken: () => string;
  /** `reason` is shown on the sign-in form; null for a deliberate sign-out. */
  onSignOut: (reason: string | null) => void;
}

/**
 * The signed-in window: header (its role, the other windows, the workstation's selection),
 * status bar, and the surfaces of its role, all fed by one live connection.
 */
export function Workspace({ host, role, smsUrl, session, currentToken, onSignOut }: WorkspaceProps) {
  const { store, connection } = useLiveConnection(smsUrl, currentToken, onSignOut);
  const sessionInfo = useMemo(
    () => ({ smsUrl, token: session.token, currentToken, user: session.user }),
    [smsUrl, session.token, currentToken, session.user],
  );
  useScreenWakeLock(role === 'wall');
  useEffect(() => {
    // The taskbar and the window switcher tell an operator's windows apart by their titles.
    document.title = role === 'combined' ? 'JCCR' : `JCCR: ${ROLE_NAMES[role]}`;
  }, [role]);
  return (
    <SessionProvider value={sessionInfo}>
      <CommandsProvider connection={connection}>
        <div className={`workspace workspace--${role}`}>
          <header className="top-bar shell-top-bar">
            {/* The window's one level-one heading: it names the window, as its title does. */}
            <h1 className="top-bar__title">
              <span className="brand">JCCR</span> <span className="shell-role">{ROLE_NAMES[role]}</span>
            </h1>
            <SelectionIndicator smsUrl={smsUrl} token={session.token} />
            <WindowsMenu host={host} role={role} />
            <div className="shell-top-bar__end">
              <WorkstationSettingsButton host={host} />
              <UserMenu user={session.user} onSignOut={() => onSignOut(null)} />
            </div>
          </header>
          <StatusBar store={store} smsUrl={smsUrl} token={session.token} />
          {(role === 'wall' || role === 'combined') && <WallRequestNotice smsUrl={smsUrl} token={session.token} />}
          <FirstRunGuide role={role} userId={session.user.id} />
          <main className="workspace__main shell-main" aria-label={ROLE_NAMES[role]}>
            <RoleLayout role={role} smsUrl={smsUrl} token={session.token} />
          </main>
        </div>
      </CommandsProvider>
    </SessionProvider>
  );
}
