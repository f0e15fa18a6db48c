import type { SmsUrl, StoredSession } from '../../shared/host/bridge';
import type { WindowRole, WorkstationProfile } from '../../shared/host/profile';
import { handleChannel } from './ipc/handleChannel';
import type { TrustedUrl } from './ipc/handleChannel';

/** Where main keeps the operator's session between reloads of a window. */
export interface SessionKeeper {
  save(session: StoredSession): void;
  load(): StoredSession | null;
  clear(): void;
}

/** The workstation's windows, as the bridge needs them. */
export interface WindowDirectory {
  /** The role of the window whose WebContents has this id; null for a WebContents that is not ours. */
  roleOf(senderId: number): WindowRole | null;
  /** Brings the window of a role to the front, opening it if there is none. */
  focusRole(role: WindowRole): void;
}

/** The workstation profile as the bridge needs it (saving re-arranges the windows). */
export interface ProfileService {
  load(): WorkstationProfile;
  save(profile: WorkstationProfile): void;
}

/** Answers the host bridge's channels for trusted pages; returns a function that removes them. */
export function registerHostService(options: {
  smsUrl: SmsUrl;
  sessions: SessionKeeper;
  isTrusted: TrustedUrl;
  windows: WindowDirectory;
  profiles: ProfileService;
}): () => void {
  const { smsUrl, sessions, isTrusted, windows, profiles } = options;
  const removers = [
    handleChannel('host:sms-url', isTrusted, () => smsUrl),
    handleChannel('session:save', isTrusted, (session) => {
      sessions.save(session);
      return undefined;
    }),
    handleChannel('session:load', isTrusted, () => sessions.load()),
    handleChannel('session:clear', isTrusted, () => {
      sessions.clear();
      return undefined;
    }),
    handleChannel('window:role', isTrusted, ({ senderId }) => {
      const role = windows.roleOf(senderId);
      if (!role) throw new Error('window:role: not one of the workstation windows');
      return role;
    }),
    handleChannel('window:open', isTrusted, (role) => {
      windows.focusRole(role);
      return undefined;
    }),
    handleChannel('profile:load', isTrusted, () => profiles.load()),
    handleChannel('profile:save', isTrusted, (profile) => {
      profiles.save(profile);
      return undefined;
    }),
  ];
  return () => removers.forEach((remove) => remove());
}
