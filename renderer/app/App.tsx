import { useQueryClient } from '@tanstack/react-query';
import { use, useCallback, useState } from 'react';
import type { HostBridge, StoredSession } from '../../shared/host/bridge';
import type { WindowRole } from '../../shared/host/profile';
import { SignInForm } from '../session/SignInForm';
import type { Boot } from './boot';
import { Workspace } from './Workspace';
import { WorkstationSettingsButton } from './WorkstationSettings';

/** Signed out: the sign-in form. Signed in: the workspace, one per session. */
export function App({ host, booting }: { host: HostBridge; booting: Promise<Boot> }) {
  const booted = use(booting);
  if (!booted.ok) {
    return (
      <main className="fatal" role="alert">
        <h1>JCCR cannot start</h1>
        <p>{booted.message}</p>
      </main>
    );
  }
  return <Session host={host} smsUrl={booted.smsUrl} initial={booted.session} role={booted.role} />;
}

interface SessionProps {
  host: HostBridge;
  smsUrl: string;
  initial: StoredSession | null;
  role: WindowRole;
}

function Session({ host, smsUrl, initial, role }: SessionProps) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState(initial);
  const [notice, setNotice] = useState<string | null>(null);

  const signedIn = useCallback(
    async (next: StoredSession) => {
      await host.saveSession(next);
      setNotice(null);
      setSession(next);
    },
    [host],
  );

  const signOut = useCallback(
    (reason: string | null) => {
      setSession(null);
      setNotice(reason);
      // Nothing of the previous operator's data survives into the next session.
      queryClient.clear();
      void host.clearSession();
    },
    [host, queryClient],
  );

  if (!session) {
    return (
      <>
        <SignInForm smsUrl={smsUrl} notice={notice} onSignedIn={signedIn} />
        {/* Reachable before sign-in: on first run the SMS address is set here. */}
        <aside className="shell-first-run" aria-label="Workstation">
          <WorkstationSettingsButton host={host} />
        </aside>
      </>
    );
  }
  return (
    <Workspace key={session.token} host={host} role={role} smsUrl={smsUrl} session={session} onSignOut={signOut} />
  );
}
