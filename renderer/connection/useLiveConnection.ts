import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createConnectionStore } from './connectionStore';
import type { ConnectionState, ConnectionStore } from './connectionStore';
import { startLiveConnection } from './liveConnection';
import type { LiveConnection } from './liveConnection';

/**
 * Keeps the window's one live connection open while the calling component is mounted and
 * returns its state store and the connection (null until started). Mount it once per signed-in
 * session (key the component by session, not by token). `currentToken` gives the newest token:
 * a renewal changes it without reconnecting, and the next (re)connection uses it.
 */
export function useLiveConnection(
  smsUrl: string,
  currentToken: () => string,
  onUnauthorized: (message: string) => void,
): { store: ConnectionStore; connection: LiveConnection | null } {
  const queryClient = useQueryClient();
  const [store] = useState(() => createConnectionStore());
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  const onUnauthorizedRef = useRef(onUnauthorized);
  const currentTokenRef = useRef(currentToken);
  useEffect(() => {
    onUnauthorizedRef.current = onUnauthorized;
    currentTokenRef.current = currentToken;
  });
  useEffect(() => {
    const connection = startLiveConnection({
      smsUrl,
      token: currentTokenRef.current(),
      currentToken: () => currentTokenRef.current(),
      queryClient,
      store,
      onUnauthorized: (message) => onUnauthorizedRef.current(message),
    });
    setConnection(connection);
    return () => {
      connection.stop();
      setConnection(null);
    };
  }, [smsUrl, queryClient, store]);
  return { store, connection };
}

/** The current connection state, re-rendering on every change. */
export function useConnectionState(store: ConnectionStore): ConnectionState {
  return useSyncExternalStore(store.subscribe, store.getState);
}
