import { useSyncExternalStore } from 'react';

/** Whether the window is visible: a minimised or hidden wall stops its players and frees decoders. */
export function useDocumentVisible(): boolean {
  return useSyncExternalStore(
    (listener) => {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
    () => document.visibilityState !== 'hidden',
  );
}
