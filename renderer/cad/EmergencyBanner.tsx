import type { Alert } from '../../shared/protocol';

interface Props {
  emergencies: readonly Alert[];
  unitCallsign: (unitId: string | null) => string | null;
  onHandle: (alert: Alert) => void;
}

/**
 * An officer pressed the emergency button: this overrides everything and stays until the alert
 * is handled (turned into an incident or dismissed), whatever else the dispatcher opens.
 */
export function EmergencyBanner({ emergencies, unitCallsign, onHandle }: Props) {
  if (emergencies.length === 0) return null;
  return (
    <div className="cad-emergency" role="alert" aria-label="Officer emergency">
      {emergencies.map((a) => {
        const who = unitCallsign(a.unitId);
        return (
          <p key={a.id}>
            <span aria-hidden="true">⚠ </span>
            <strong>OFFICER EMERGENCY</strong> {who ? `${who} ` : ''}at {a.location.address ?? 'unknown location'}
            {a.detail ? ` — ${a.detail}` : ''}{' '}
            <button type="button" onClick={() => onHandle(a)}>
              Handle emergency{who ? ` ${who}` : ''}
            </button>
          </p>
        );
      })}
    </div>
  );
}
