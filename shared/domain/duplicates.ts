import type { Incident, IncidentType } from '../protocol/entities';
import type { LonLat } from '../protocol/primitives';
import { distanceMetres } from '../geo/distance';

/**
 * Families of incident types that describe the same kind of event in different words: a caller
 * reports "a fight", an analytics camera "violence", a Digital Service Point user "robbery".
 */
const FAMILIES: readonly (readonly IncidentType[])[] = [
  ['violence_night_time_economy', 'robbery', 'public_order', 'hate_crime', 'anti_social_behaviour'],
  ['suspicious_item', 'suspected_firearm', 'terrorism_concern'],
  ['theft', 'shoplifting', 'robbery', 'burglary', 'premises_alarm'],
  ['vulnerable_person_bridge', 'concern_for_welfare', 'missing_person'],
  ['protest', 'public_order'],
];

/** Same type, or types of one family. */
export function similarTypes(a: IncidentType, b: IncidentType): boolean {
  return a === b || FAMILIES.some((family) => family.includes(a) && family.includes(b));
}

export interface DuplicateQuery {
  type: IncidentType;
  location: LonLat;
  nowMs: number;
}

export interface DuplicateOptions {
  /** Metres. */
  radius: number;
  /** Milliseconds back from now. */
  window: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = { radius: 250, window: 60 * 60_000 };

/** A possible duplicate and why it matched. */
export interface DuplicateCandidate {
  incident: Incident;
  distance: number;
  ageMs: number;
  sameType: boolean;
  /** Lower is more likely the same event. */
  score: number;
}

/**
 * Open incidents that may be the same event as the one being created: a similar type, within
 * the radius and the time window, whatever source they came from (call, alert, service point).
 * Ranked by a score mixing distance and age, an exact type match counting as closer.
 */
export function findDuplicates(
  query: DuplicateQuery,
  incidents: Iterable<Incident>,
  options: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS,
): DuplicateCandidate[] {
  const out: DuplicateCandidate[] = [];
  for (const incident of incidents) {
    if (incident.status === 'closed') continue;
    if (!similarTypes(query.type, incident.type)) continue;
    const ageMs = query.nowMs - Date.parse(incident.createdAt);
    if (ageMs > options.window || ageMs < -60_000) continue;
    const distance = distanceMetres(query.location, incident.location);
    if (distance > options.radius) continue;
    const sameType = incident.type === query.type;
    const score = distance / options.radius + ageMs / options.window + (sameType ? 0 : 0.5);
    out.push({ incident, distance, ageMs, sameType, score });
  }
  return out.sort((a, b) => a.score - b.score || (a.incident.ref < b.incident.ref ? -1 : 1));
}
