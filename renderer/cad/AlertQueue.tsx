import { useState } from 'react';
import { ageText } from '../../shared/domain/timers';
import type { Alert } from '../../shared/protocol';
import { ALERT_SOURCE_LABEL, words } from '../../shared/domain/labels';

const PRIORITY_SHAPE: Record<Alert['priority'], string> = { critical: '◆', high: '▲', medium: '●', low: '○' };

export function alertTitle(alert: Alert): string {
  return `${ALERT_SOURCE_LABEL[alert.source]}: ${words(alert.kind)}`;
}

interface Props {
  alerts: readonly Alert[];
  now: number;
  onAcknowledge: (alert: Alert) => void;
  onDismiss: (alert: Alert, reason: string) => void;
  onOpenCamera: (alert: Alert) => void;
  onCreateIncident: (alert: Alert) => void;
}

/** Alerts by priority then age (an officer's emergency button always first), each with its actions. */
export function AlertQueue({ alerts, now, onAcknowledge, onDismiss, onOpenCamera, onCreateIncident }: Props) {
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  return (
    <section className="cad-panel cad-alerts" aria-labelledby="cad-alerts-title">
      <h3 id="cad-alerts-title">
        Alerts <span className="cad-count">{alerts.length}</span>
      </h3>
      {alerts.length === 0 ? <p className="cad-empty">No alert waiting.</p> : null}
      <ol className="cad-alert-list">
        {alerts.map((a) => {
          const title = alertTitle(a);
          return (
            <li
              key={a.id}
              className={`cad-alert cad-alert--${a.priority}${a.source === 'emergency_button' ? ' cad-alert--emergency' : ''}`}
              aria-label={`${title}, ${a.priority} priority, ${a.status}`}
            >
              <p className="cad-alert__head">
                <span className={`cad-priority cad-priority--${a.priority}`}>
                  <span aria-hidden="true">{PRIORITY_SHAPE[a.priority]} </span>
                  {a.priority.toUpperCase()}
                </span>{' '}
                <strong>{title}</strong> <span className="cad-mono cad-muted">{ageText(a.raisedAt, now)}</span>
                {a.status === 'acknowledged' ? <span className="cad-muted"> · acknowledged</span> : null}
              </p>
              <p className="cad-alert__detail">
                {a.location.address ?? 'Location by coordinates'}
                {a.detail ? ` — ${a.detail}` : ''}
              </p>
              {dismissing === a.id ? (
                <form
                  className="cad-inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (!reason.trim()) return;
                    onDismiss(a, reason.trim());
                    setDismissing(null);
                    setReason('');
                  }}
                >
                  <label>
                    Reason for dismissing
                    <input
                      autoFocus
                      value={reason}
                      required
                      maxLength={1000}
                      onChange={(e) => setReason(e.target.value)}
                    />
                  </label>
                  <button type="submit">Confirm dismiss</button>
                  <button type="button" onClick={() => setDismissing(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <div className="cad-actions" role="group" aria-label={`Actions for ${title}`}>
                  {a.status === 'raised' ? (
                    <button type="button" onClick={() => onAcknowledge(a)} aria-label={`Acknowledge ${title}`}>
                      Acknowledge
                    </button>
                  ) : null}
                  <button
                    type="button"
                    onClick={() => onCreateIncident(a)}
                    aria-label={`Create incident from ${title}`}
                  >
                    Create incident
                  </button>
                  {a.cameraId ? (
                    <button type="button" onClick={() => onOpenCamera(a)} aria-label={`Open camera for ${title}`}>
                      Open camera
                    </button>
                  ) : null}
                  <button type="button" onClick={() => setDismissing(a.id)} aria-label={`Dismiss ${title}`}>
                    Dismiss…
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
