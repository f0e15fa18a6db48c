import { useEffect, useRef, useState } from 'react';
import { INCIDENT_TYPES } from '../../shared/domain/incidentTypes';
import type { Incident } from '../../shared/protocol';
import { ToneAlarm } from './announcer';

interface Props {
  /** Open grade 1 incidents (state/indexes.ts `openGradeOne`): a new array only when they change. */
  incidents: readonly Incident[];
  /** Incidents this operator created need no announcing to them. */
  username: string;
  loaded: boolean;
  onOpen: (id: string) => void;
}

/**
 * Announces each new Grade 1 incident visually and with a tone until someone acknowledges it.
 * Incidents already open when the console loads are not "new": only later ones are announced.
 */
export function Grade1Announcer({ incidents, username, loaded, onOpen }: Props) {
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<string[]>([]);
  const alarm = useRef<ToneAlarm | null>(null);

  useEffect(() => {
    if (!loaded) return;
    const g1 = incidents.filter((i) => i.grade === 1 && i.status !== 'closed');
    if (seen.current === null) {
      seen.current = new Set(g1.map((i) => i.id));
      return;
    }
    const known = seen.current;
    const unseen = g1.filter((i) => !known.has(i.id));
    unseen.forEach((i) => known.add(i.id));
    const added = unseen.filter((i) => i.log[0]?.author !== username).map((i) => i.id);
    if (added.length === 0) return;
    setFresh((f) => [...f, ...added]);
  }, [incidents, loaded, username]);

  useEffect(() => {
    alarm.current ??= new ToneAlarm();
    if (fresh.length > 0) alarm.current.start();
    else alarm.current.stop();
  }, [fresh.length]);
  useEffect(() => () => alarm.current?.stop(), []);

  if (fresh.length === 0) return null;
  // Only the few announced incidents are looked up: no per-render index of 10,000 incidents.
  const shown = fresh.map((id) => incidents.find((i) => i.id === id)).filter((i): i is Incident => i !== undefined);
  if (shown.length === 0) return null;
  return (
    <div className="cad-g1" role="alert" aria-label="New Grade 1 incidents">
      {shown.map((i) => (
        <p key={i.id}>
          <span aria-hidden="true">◆ </span>
          <strong>NEW GRADE 1</strong> {i.ref} {INCIDENT_TYPES[i.type].label} at {i.location.address ?? 'location'}{' '}
          <button type="button" onClick={() => onOpen(i.id)}>
            Open {i.ref}
          </button>{' '}
          <button type="button" onClick={() => setFresh((f) => f.filter((x) => x !== i.id))}>
            Acknowledge {i.ref}
          </button>
        </p>
      ))}
    </div>
  );
}
