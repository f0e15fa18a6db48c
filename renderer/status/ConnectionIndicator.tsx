import type { ConnectionStatus } from '../connection/connectionStore';
import type { ConnectionStore } from '../connection/connectionStore';
import { useConnectionState } from '../connection/useLiveConnection';
import { catchingUpText, describeConnection } from './dataAge';
import { useNow } from './useNow';

/**
 * The connection state in words and a shape (never colour alone), plus the data's age,
 * counted every second, whenever the data is not live.
 */
export function ConnectionIndicator({ store }: { store: ConnectionStore }) {
  const state = useConnectionState(store);
  const now = useNow(state.status !== 'live');
  const { status, age } = describeConnection(state, now);
  const behind = catchingUpText(state);
  return (
    <div className={`connection connection--${state.status}`} role="status" aria-label="Connection">
      <StatusShape status={state.status} />
      <span className="connection__text">
        {status}
        {age !== null && (
          // Announcing the age every second would drown a screen reader: only the state is live.
          <span className="connection__age" aria-live="off">
            {' — '}
            {age}
          </span>
        )}
        {behind !== null && (
          // Words, not a colour: the window is live but shows data older than it should.
          <span className="connection__behind">
            {' — '}
            {behind}
          </span>
        )}
      </span>
    </div>
  );
}

/** Filled circle: live. Hollow circle: connecting. Triangle: reconnecting. Square: offline. Cross: refused. */
function StatusShape({ status }: { status: ConnectionStatus }) {
  return (
    <svg className="connection__shape" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {status === 'live' && <circle cx="8" cy="8" r="7" fill="currentColor" />}
      {status === 'connecting' && (
        <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="3" strokeDasharray="4 3" />
      )}
      {status === 'reconnecting' && <path d="M8 1 L15 15 H1 Z" fill="currentColor" />}
      {status === 'offline' && <rect x="2" y="2" width="12" height="12" fill="currentColor" />}
      {status === 'unauthorized' && (
        <path d="M2 2 L14 14 M14 2 L2 14" stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" />
      )}
    </svg>
  );
}
