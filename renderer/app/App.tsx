import { useQueryClient } from '@tanstack/react-query';
import { use, useCallback, useEffect, useRef, useState } from 'react';
import type { HostBridge, StoredSession } from '../../shared/host/bridge';
import type { WindowRole } from '../../shared/host/profile';
import { documentVisible, startSessionRenewal } from '../session/sessionRenewal';
import { endSmsSession, renewSession } from '../session/signIn';
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
  /**
   * The newest token of this window. Renewals replace it here and in the host (for the other
   * windows and a reload), not in `session`: the workspace and its connection stay as they are.
   */
  const tokenRef = useRef(initial?.token ?? '');
  const currentToken = useCallback(() => tokenRef.current, []);
  /** Whether the session came from the host (possibly hours old) rather than a sign-in here. */
  const keptRef = useRef(initial !== null);

  const signedIn = useCallback(
    async (next: StoredSession) => {
      await host.saveSession(next);
      tokenRef.current = next.token;
      keptRef.current = false;
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
      // A deliberate sign-out ends the session in every window of the workstation, and on the SMS
      // (best effort: the window signs out whether or not the SMS can be reached).
      if (reason === null && session) {
        workstationBus.post({ type: 'signedOut', userId: session.user.id, fromWindow: WINDOW_ID });
        void endSmsSession(smsUrl, tokenRef.current);
      }
      endSession(reason);
    },
    [endSession, session, smsUrl],
  );

  // While signed in: renew every 10 minutes and when the window becomes visible again.
  const signedInUser = session?.user.id;
  useEffect(() => {
    if (signedInUser === undefined) return;
    return startSessionRenewal({
      currentToken,
      renew: (token) => renewSession(smsUrl, token),
      onRenewed: async (fresh) => {
        tokenRef.current = fresh.token;
        await host.saveSession(fresh);
      },
      onEnded: (message) => endSession(message),
      onVisible: documentVisible(document),
      immediately: keptRef.current,
    });
  }, [signedInUser, smsUrl, host, currentToken, endSession]);

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
    <Workspace
      key={session.user.id}
      host={host}
      role={role}
      smsUrl={smsUrl}
      session={session}
      currentToken={currentToken}
      onSignOut={signOut}
    />
  );
}
