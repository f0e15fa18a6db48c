import { useEffect } from 'react';

interface WakeLockSentinelLike {
  release(): Promise<void>;
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

/**
 * Keeps the display awake while a wall window shows, in a browser (the Screen Wake Lock API):
 * the browser counterpart of the power-save blocker Electron's main holds for wall windows.
 * The browser drops the lock whenever the page is hidden, so it is asked for again on return.
 * Where the API is missing or refused (Electron denies it: main holds the blocker) nothing happens.
 */
export function useScreenWakeLock(enabled: boolean): void {
  useEffect(() => {
    const wakeLock: unknown = Reflect.get(navigator, 'wakeLock');
    if (!enabled || typeof wakeLock !== 'object' || wakeLock === null) return;
    const api = wakeLock as WakeLockLike;
    let sentinel: WakeLockSentinelLike | null = null;
    let live = true;
    const acquire = () => {
      if (document.visibilityState !== 'visible') return;
      api
        .request('screen')
        .then((lock) => {
          if (live) sentinel = lock;
          else void lock.release();
        })
        .catch(() => undefined);
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', acquire);
      void sentinel?.release();
    };
  }, [enabled]);
}
