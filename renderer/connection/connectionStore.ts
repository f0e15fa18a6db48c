/**
 * How the window's link to the SMS stands. `connecting`: no live link yet this session;
 * `live`: events are flowing and the data is current; `reconnecting`: the link was lost and
 * is being re-established; `offline`: the machine reports no network; `unauthorized`: the SMS
 * refused the session (the window goes back to sign-in).
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'unauthorized';

/** A point-in-time view of the connection. */
export interface ConnectionState {
  readonly status: ConnectionStatus;
  /**
   * Client-clock time (ms) up to which the data held is known to be current, when it is not
   * live; null while live, and before any data has arrived. The SMS's own timestamps are not
   * used for this: in demo mode its clock runs faster than real time.
   */
  readonly dataAsOf: number | null;
  /**
   * Events received but not yet applied because the window cannot keep up (the oldest waited
   * over `BEHIND_AFTER_MS`); 0 when it is caught up. The status bar says so in words.
   */
  readonly behind: number;
}

/** Read side, shaped for `useSyncExternalStore`. */
export interface ConnectionStore {
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
}

/** Write side, for the connection module only. */
export interface ConnectionStateWriter {
  /** Moves to `status`; leaving `live` records when the data stopped being current. */
  setStatus(status: ConnectionStatus): void;
  /** A fresh snapshot arrived: while not live, the data is current as of now. */
  snapshotLoaded(): void;
  /** How many events wait to be applied while the window is behind (0: caught up). */
  setBehind(events: number): void;
}

/** Both sides of the store, as its creator holds it. */
export type WritableConnectionStore = ConnectionStore & ConnectionStateWriter;

/** A tiny external store for the connection state; `now` is injectable for tests. */
export function createConnectionStore(now: () => number = Date.now): WritableConnectionStore {
  let state: ConnectionState = { status: 'connecting', dataAsOf: null, behind: 0 };
  const listeners = new Set<() => void>();
  const set = (changes: Partial<ConnectionState>) => {
    const next = { ...state, ...changes };
    if (next.status === state.status && next.dataAsOf === state.dataAsOf && next.behind === state.behind) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setStatus(status) {
      if (status === 'live') set({ status, dataAsOf: null });
      else if (state.status === 'live') set({ status, dataAsOf: now() });
      else set({ status });
    },
    snapshotLoaded() {
      if (state.status !== 'live') set({ dataAsOf: now() });
    },
    setBehind(events) {
      set({ behind: Math.max(0, Math.floor(events)) });
    },
  };
}
