import { createContext, useContext, type ReactNode } from 'react';
import type { User } from '../../shared/protocol';

/** Who is signed in, to which SMS: what every surface needs to read and act. */
export interface SessionInfo {
  smsUrl: string;
  token: string;
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
