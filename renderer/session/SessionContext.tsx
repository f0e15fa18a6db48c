import { createContext, useContext, type ReactNode } from 'react';
import type { User } from '../../shared/protocol';

/** Who is signed in, to which SMS: what every surface needs to read and act. */
export interface SessionInfo {
  smsUrl: string;
  /**
   * The token the workspace started with: stable for the workspace's life, so effects keyed on it
   * do not restart at each renewal. It expires a shift after it was issued; requests that may
   * run longer than that (video players) should send `currentToken()`.
   */
  token: string;
  /** The newest token of the session (renewed every 10 minutes while signed in). */
  currentToken: () => string;
  user: User;
}

const SessionContext = createContext<SessionInfo | null>(null);

export function SessionProvider({ value, children }: { value: SessionInfo; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in session; only valid inside the workspace. */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider (inside the signed-in workspace).');
  return session;
}
