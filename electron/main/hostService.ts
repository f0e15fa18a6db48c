import type { SmsUrl, StoredSession } from '../../shared/host/bridge';
import { handleChannel } from './ipc/handleChannel';
import type { TrustedUrl } from './ipc/handleChannel';

/** Where main keeps the operator's session between reloads of a window. */
export interface SessionKeeper {
  save(session: StoredSession): void;
  load(): StoredSession | null;
  clear(): void;
}

/**
 * Keeps the session in main's memory only: a reload of the window stays signed in, but
 * nothing reaches the disk and quitting the app signs the operator out.
 */
export function createMemorySessionKeeper(): SessionKeeper {
  let kept: StoredSession | null = null;
  return {
    save: (session) => {
      kept = session;
    },
    load: () => kept,
    clear: () => {
      kept = null;
    },
  };
}

/** Answers the host bridge's channels for trusted pages; returns a function that removes them. */
export function registerHostService(options: {
  smsUrl: SmsUrl;
  sessions: SessionKeeper;
  isTrusted: TrustedUrl;
}): () => void {
  const { smsUrl, sessions, isTrusted } = options;
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
  ];
  return () => removers.forEach((remove) => remove());
}
