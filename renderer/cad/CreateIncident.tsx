import { useMemo, useState } from 'react';
import { findDuplicates } from '../../shared/domain/duplicates';
import { INCIDENT_TYPES, suggestedGrade } from '../../shared/domain/incidentTypes';
import { gradeLabel, spaced } from '../../shared/domain/labels';
import {
  IncidentTypeSchema,
  type Alert,
  type CommandPayload,
  type Grade,
  type Incident,
  type IncidentType,
} from '../../shared/protocol';
import { searchPlaces, type Place } from '../../shared/geo/placeIndex';
import { cadGeo } from './geoData';
import { alertTitle } from './AlertQueue';

/** Where a new incident starts from. */
export interface CreateDraft {
  /** A stable key: a new draft resets the form. */
  key: string;
  source: 'call' | 'alert' | 'map';
  alert: Alert | null;
  type: IncidentType | null;
  grade: Grade | null;
  location: { lon: number; lat: number; address?: string } | null;
  placeQuery: string;
  summary: string;
}

interface Props {
  draft: CreateDraft;
  incidents: readonly Incident[];
  now: number;
  onCreate: (payload: CommandPayload<'incident.create'>) => void;
  onLink: (incident: Incident, payload: CommandPayload<'incident.link'>) => void;
  onCancel: () => void;
}

const GRADES: Grade[] = [1, 2, 3, 4];

/** Call taking: type, grade (suggested from the type), place, caller, summary, and duplicates to link to. */
export function CreateIncident({ draft, incidents, now, onCreate, onLink, onCancel }: Props) {
  const [type, setType] = useState<IncidentType | ''>(draft.type ?? '');
  const [grade, setGrade] = useState<Grade | null>(draft.grade);
  const [query, setQuery] = useState(draft.placeQuery);
  const [location, setLocation] = useState(draft.location);
  const [callerName, setCallerName] = useState('');
  const [callerPhone, setCallerPhone] = useState('');
  const [summary, setSummary] = useState(draft.summary);
  const [error, setError] = useState<string | null>(null);

  const matches = useMemo<Place[]>(
    () => (query.trim().length >= 2 ? searchPlaces(cadGeo().places, query, 6) : []),
    [query],
  );
  const effectiveGrade: Grade | null = grade ?? (type ? suggestedGrade(type) : null);
  const duplicates = useMemo(
    () => (type && location ? findDuplicates({ type, location, nowMs: now }, incidents).slice(0, 5) : []),
    // `now` moves every second; duplicates only need refreshing when the inputs change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [type, location, incidents],
  );
  const caller =
    callerName || callerPhone
      ? { ...(callerName ? { name: callerName } : {}), ...(callerPhone ? { phone: callerPhone } : {}) }
      : undefined;

  const submit = () => {
    if (!type) return setError('Choose the incident type.');
    if (!location) return setError('Choose a location: search for a street or place, or click the map.');
    if (!effectiveGrade) return setError('Choose a grade.');
    onCreate({
      type,
      grade: effectiveGrade,
      location,
      summary: summary.trim(),
      ...(caller ? { caller } : {}),
      ...(draft.alert ? { alertId: draft.alert.id } : {}),
    });
  };

  const heading =
    draft.source === 'alert' && draft.alert
      ? `New incident from ${alertTitle(draft.alert)}`
      : draft.source === 'map'
        ? 'New incident at a map location'
        : 'New incident from a call';

  return (
    <section className="cad-panel cad-create" aria-labelledby="cad-create-title">
      <h3 id="cad-create-title">{heading}</h3>
      <form
        className="cad-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          Incident type
          <select
            autoFocus
            value={type}
            onChange={(e) => {
              const parsed = IncidentTypeSchema.safeParse(e.target.value);
              setType(parsed.success ? parsed.data : '');
              setGrade(null);
            }}
          >
            <option value="">Choose…</option>
            {IncidentTypeSchema.options.map((t) => (
              <option key={t} value={t}>
                {INCIDENT_TYPES[t].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Grade
          <select value={effectiveGrade ?? ''} onChange={(e) => setGrade(Number(e.target.value) as Grade)}>
            <option value="" disabled>
              Choose…
            </option>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {gradeLabel(g)}
                {type && suggestedGrade(type) === g ? ' (suggested)' : ''}
              </option>
            ))}
          </select>
        </label>
        {type && INCIDENT_TYPES[type].requiredSkills.length > 0 ? (
          <p className="cad-hint">Needs units with: {INCIDENT_TYPES[type].requiredSkills.map(spaced).join(', ')}</p>
        ) : null}
        <label>
          Search location
          <input
            type="search"
            value={query}
            placeholder="Street, landmark, station"
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        {matches.length > 0 ? (
          <ul className="cad-places" aria-label="Matching places">
            {matches.map((m) => (
              <li key={`${m.kind}:${m.name}`}>
                <button
                  type="button"
                  onClick={() => {
                    setLocation({ lon: m.center[0], lat: m.center[1], address: m.name });
                    setQuery('');
                  }}
                >
                  Use {m.name} <span className="cad-muted">({m.category})</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="cad-location" aria-live="polite">
          Location:{' '}
          {location ? (
            <strong>
              {location.address ?? 'map point'}{' '}
              <span className="cad-mono cad-muted">
                {location.lat.toFixed(5)}, {location.lon.toFixed(5)}
              </span>
            </strong>
          ) : (
            <em>none yet (search, or click the map)</em>
          )}
        </p>
        <fieldset className="cad-caller">
          <legend>Caller</legend>
          <label>
            Caller name
            <input value={callerName} maxLength={200} onChange={(e) => setCallerName(e.target.value)} />
          </label>
          <label>
            Caller phone
            <input value={callerPhone} maxLength={40} onChange={(e) => setCallerPhone(e.target.value)} />
          </label>
        </fieldset>
        <label>
          Summary
          <textarea value={summary} maxLength={2000} rows={3} onChange={(e) => setSummary(e.target.value)} />
        </label>
        {duplicates.length > 0 ? (
          <section className="cad-duplicates" aria-labelledby="cad-dup-title">
            <h4 id="cad-dup-title">
              <span aria-hidden="true">⚠ </span>Possible duplicates ({duplicates.length})
            </h4>
            <ul>
              {duplicates.map((d) => (
                <li key={d.incident.id}>
                  {d.incident.ref} {INCIDENT_TYPES[d.incident.type].label}, {Math.round(d.distance)} m away,{' '}
                  {Math.round(d.ageMs / 60_000)} min ago
                  {d.incident.alertIds.length ? `, ${d.incident.alertIds.length} alert(s)` : ''}{' '}
                  <button
                    type="button"
                    onClick={() =>
                      onLink(d.incident, {
                        incidentId: d.incident.id,
                        ...(draft.alert ? { alertId: draft.alert.id } : {}),
                        ...(caller ? { caller } : {}),
                        ...(summary.trim() ? { summary: summary.trim() } : {}),
                        ...(!draft.alert && !caller && !summary.trim() ? { summary: 'Further report' } : {}),
                      })
                    }
                  >
                    Link to {d.incident.ref} instead
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {error ? (
          <p className="cad-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="cad-actions">
          <button type="submit" className="cad-primary">
            Create incident
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
