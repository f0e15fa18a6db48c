import { useQueryClient } from '@tanstack/react-query';
import { use, useCallback, useEffect, useState } from 'react';
import type { HostBridge, StoredSession } from '../../shared/host/bridge';
import type { WindowRole } from '../../shared/host/profile';
import { SignInForm } from '../session/SignInForm';
import { workstationBus } from '../workstation/selection';
import type { Boot } from './boot';
import { Workspace } from './Workspace';
import { WorkstationSettingsButton } from './WorkstationSettings';

/** Tells this window's own messages on the workstation bus from those of its other windows. */
const WINDOW_ID = `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

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

  const endSession = useCallback(
    (reason: string | null) => {
      setSession(null);
      setNotice(reason);
      // Nothing of the previous operator's data survives into the next session.
      queryClient.clear();
      void host.clearSession();
    },
    [host, queryClient],
  );

  const signOut = useCallback(
    (reason: string | null) => {
      // A deliberate sign-out ends the session in every window of the workstation.
      if (reason === null && session) {
        workstationBus.post({ type: 'signedOut', userId: session.user.id, fromWindow: WINDOW_ID });
      }
      endSession(reason);
    },
    [endSession, session],
  );

  useEffect(
    () =>
      workstationBus.subscribe((message) => {
        if (message.type !== 'signedOut' || message.fromWindow === WINDOW_ID) return;
        if (session && message.userId === session.user.id) {
          endSession('You signed out in another window of this workstation.');
        }
      }),
    [endSession, session],
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
