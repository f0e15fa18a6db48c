import type { ConnectionState, ConnectionStatus } from '../connection/connectionStore';

/** Short, speakable age: `12 s`, `4 min 05 s`, `2 h 07 min`. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${pad(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${pad(minutes % 60)} min`;
}

const WORDS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
  unauthorized: 'Session refused',
};

/** The connection state in words, with the data's age whenever it is not live. */
export function describeConnection(state: ConnectionState, now: number): { status: string; age: string | null } {
  const status = WORDS[state.status];
  if (state.status === 'live' || state.dataAsOf === null) return { status, age: null };
  return { status, age: `data ${formatAge(now - state.dataAsOf)} old` };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "Catching up: N events behind" while the window applies events it fell behind on; null when caught up. */
export function catchingUpText(state: ConnectionState): string | null {
  if (state.behind <= 0) return null;
  return `Catching up: ${state.behind.toLocaleString('en-GB')} event${state.behind === 1 ? '' : 's'} behind`;
}
