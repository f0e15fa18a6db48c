// Stand-ins for Electron main's collaborators in unit tests (the Electron binary is never
// launched there): an ipcMain that records handlers and lets a test invoke them as a given frame
// would, and a session keeper in memory.
import type { StoredSession } from '../../shared/host/bridge';
import type { SessionKeeper } from '../../electron/main/hostService';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

/** Records `ipcMain.handle` registrations. */
export function createFakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: (channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
    /** Calls a channel as the frame at `url` of WebContents `senderId` would (`parent: null` = main frame). */
    async invoke(
      channel: string,
      args: unknown[],
      frame: { url: string; parent: unknown } | null = APP_FRAME,
      senderId = 1,
    ) {
      const listener = handlers.get(channel);
      if (!listener) throw new Error(`No handler registered for '${channel}'`);
      return listener({ senderFrame: frame, sender: { id: senderId } }, ...args);
    },
  };
}

/** The app's main frame. */
export const APP_FRAME = { url: 'jccr://app/index.html', parent: null };

/** Keeps the session in memory only, as a window reload within one test would see it. */
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
