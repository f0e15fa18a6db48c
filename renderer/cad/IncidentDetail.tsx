import { useMemo, useState } from 'react';
import { canIncidentMove } from '../../shared/domain/incidentStatus';
import { INCIDENT_TYPES } from '../../shared/domain/incidentTypes';
import { formatEta, type Recommendation } from '../../shared/domain/recommend';
import { ageText, targetClock } from '../../shared/domain/timers';
import {
  ResultCodeSchema,
  type Alert,
  type Camera,
  type Incident,
  type IncidentStatus,
  type ResultCode,
  type Unit,
} from '../../shared/protocol';
import { isPendingLog } from '../commands/optimistic';
import { useSession } from '../session/SessionContext';
import { alertTitle } from './AlertQueue';
import { GradeBadge } from './GradeBadge';
import { useIncidentLog } from './useIncidentLog';
import type { ById } from './useConsoleData';
import { GRADE_NAMES, INCIDENT_STATUS_LABEL, UNIT_STATUS_LABEL, spaced, words } from '../../shared/domain/labels';

interface Props {
  incident: Incident;
  units: ById<Unit>;
  alerts: readonly Alert[];
  cameras: readonly Camera[];
  recommendations: readonly Recommendation[];
  now: number;
  onAssign: (unit: Unit) => void;
  onStatus: (status: IncidentStatus) => void;
  onNote: (text: string) => void;
  onClose: (code: ResultCode) => void;
  onShowCameras: (cameraIds: string[]) => void;
}

const MOVES: IncidentStatus[] = ['open', 'dispatched', 'on_scene'];

/** One incident: its clock, units, recommendations, linked alerts and cameras, log, and actions. */
export function IncidentDetail({
  incident,
  units,
  alerts,
  cameras,
  recommendations,
  now,
  onAssign,
  onStatus,
  onNote,
  onClose,
  onShowCameras,
}: Props) {
  const [note, setNote] = useState('');
  const [code, setCode] = useState<ResultCode | ''>('');
  const { smsUrl, currentToken } = useSession();
  const log = useIncidentLog(smsUrl, currentToken, incident);
  const clock = targetClock(incident, now);
  const linkedAlerts = useMemo(
    () => alerts.filter((a) => incident.alertIds.includes(a.id)),
    [alerts, incident.alertIds],
  );
  const linkedCameras = useMemo(
    () => cameras.filter((c) => incident.cameraIds.includes(c.id)),
    [cameras, incident.cameraIds],
  );
  const type = INCIDENT_TYPES[incident.type];
  const closed = incident.status === 'closed';

  return (
    <section className="cad-panel cad-detail" aria-labelledby="cad-detail-title">
      <h3 id="cad-detail-title">
        {incident.ref} <GradeBadge grade={incident.grade} /> {type.label}
      </h3>
      <dl className="cad-facts">
        <dt>Status</dt>
        <dd>{INCIDENT_STATUS_LABEL[incident.status]}</dd>
        <dt>Grade</dt>
        <dd>
          {incident.grade} {GRADE_NAMES[incident.grade]}
        </dd>
        <dt>Target</dt>
        <dd className={`cad-clock cad-clock--${clock.state}`}>{clock.text}</dd>
        <dt>Age</dt>
        <dd className="cad-mono">{ageText(incident.createdAt, now)}</dd>
        <dt>Location</dt>
        <dd>
          {incident.location.address ?? `${incident.location.lat.toFixed(5)}, ${incident.location.lon.toFixed(5)}`}
          {incident.location.ward ? ` (${incident.location.ward})` : ''}
        </dd>
        {incident.caller ? (
          <>
            <dt>Caller</dt>
            <dd>{[incident.caller.name, incident.caller.phone].filter(Boolean).join(', ') || 'anonymous'}</dd>
          </>
        ) : null}
        <dt>Summary</dt>
        <dd>{incident.summary || '—'}</dd>
      </dl>

      {!closed ? (
        <div className="cad-actions" role="group" aria-label="Change status">
          {MOVES.filter((s) => s !== incident.status && canIncidentMove(incident.status, s)).map((s) => (
            <button key={s} type="button" onClick={() => onStatus(s)}>
              Mark {INCIDENT_STATUS_LABEL[s].toLowerCase()}
            </button>
          ))}
        </div>
      ) : null}

      <section aria-labelledby="cad-units-title">
        <h4 id="cad-units-title">Assigned units</h4>
        {incident.unitIds.length === 0 ? <p className="cad-empty">None assigned.</p> : null}
        <ul className="cad-assigned">
          {incident.unitIds.map((id) => {
            const u = units.get(id);
            return (
              <li key={id}>
                <span className="cad-mono">{u?.callsign ?? id}</span> {u ? words(u.kind) : ''} —{' '}
                <strong>{u ? UNIT_STATUS_LABEL[u.status] : 'unknown'}</strong>
                {u && u.incidentId !== incident.id ? <span className="cad-muted"> (released)</span> : null}
              </li>
            );
          })}
        </ul>
      </section>

      {!closed ? (
        <section aria-labelledby="cad-rec-title">
          <h4 id="cad-rec-title">Recommended units</h4>
          {type.requiredSkills.length ? (
            <p className="cad-hint">Required: {type.requiredSkills.map(spaced).join(', ')}</p>
          ) : null}
          {recommendations.length === 0 ? <p className="cad-empty">No suitable unit available.</p> : null}
          <ol className="cad-recs">
            {recommendations.map((r, i) => (
              <li key={r.unit.id}>
                <kbd aria-hidden="true">{i + 1}</kbd>{' '}
                <button type="button" aria-keyshortcuts={String(i + 1)} onClick={() => onAssign(r.unit)}>
                  Assign <span className="cad-mono">{r.unit.callsign}</span>{' '}
                  <span className="cad-muted">{words(r.unit.kind)}</span> <strong>ETA {formatEta(r.etaSeconds)}</strong>
                </button>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {linkedAlerts.length || linkedCameras.length ? (
        <section aria-labelledby="cad-links-title">
          <h4 id="cad-links-title">Linked alerts and cameras</h4>
          <ul>
            {linkedAlerts.map((a) => (
              <li key={a.id}>{alertTitle(a)}</li>
            ))}
            {linkedCameras.map((c) => (
              <li key={c.id}>
                {c.name}{' '}
                <button type="button" onClick={() => onShowCameras([c.id])}>
                  Show {c.name} on wall
                </button>
              </li>
            ))}
          </ul>
          {linkedCameras.length > 1 ? (
            <button type="button" onClick={() => onShowCameras(linkedCameras.map((c) => c.id).slice(0, 16))}>
              Show all cameras on wall
            </button>
          ) : null}
        </section>
      ) : null}

      <form
        className="cad-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!note.trim()) return;
          onNote(note.trim());
          setNote('');
        }}
      >
        <label>
          Add note
          <input value={note} maxLength={10_000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit">Add note</button>
      </form>

      {!closed ? (
        <form
          className="cad-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (code) onClose(code);
          }}
        >
          <label>
            Result code
            <select value={code} onChange={(e) => setCode(ResultCodeSchema.safeParse(e.target.value).data ?? '')}>
              <option value="">Choose…</option>
              {ResultCodeSchema.options.map((c) => (
                <option key={c} value={c}>
                  {words(c)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!code}>
            Close incident
          </button>
        </form>
      ) : (
        <p>
          Closed: <strong>{incident.resultCode ? words(incident.resultCode) : '—'}</strong>
        </p>
      )}

      <section aria-labelledby="cad-log-title">
        <h4 id="cad-log-title">Log</h4>
        <ol className="cad-log" aria-label="Incident log">
          {[...log.shown].reverse().map(({ entry }) => {
            const pending = isPendingLog(entry);
            return (
              <li key={entry.id} className={pending ? 'cad-log--pending' : undefined}>
                <span className="cad-mono cad-muted">{entry.at.slice(11, 19)}</span>{' '}
                <span className="cad-muted">{pending ? 'pending' : entry.author}</span> <em>{entry.kind}</em>{' '}
                {entry.text}
                {pending ? <span className="cad-muted"> (waiting for the SMS)</span> : null}
              </li>
            );
          })}
        </ol>
        {log.notShown > 0 ? (
          <p className="cad-hint">
            Showing the latest {log.shown.length} of {log.total} entries.{' '}
            <button
              type="button"
              aria-disabled={log.loading}
              onClick={() => {
                if (!log.loading) log.showEarlier();
              }}
            >
              {log.loading ? 'Loading earlier entries…' : 'Show earlier entries'}
            </button>
          </p>
        ) : null}
        {log.error ? <p role="alert">Earlier entries could not be loaded: {log.error.message}</p> : null}
      </section>
    </section>
  );
}
