import type { Incident, Unit, UnitKind } from '../protocol/entities';
import { INCIDENT_TYPES } from './incidentTypes';
import { isAssignable } from './unitStatus';

/** How a kind of unit moves through the streets. */
export type TravelMode = 'vehicle' | 'foot';

export function travelModeOf(kind: UnitKind): TravelMode {
  return kind === 'foot' || kind === 'project_servator' || kind === 'dog' ? 'foot' : 'vehicle';
}

/** Seconds from a unit to the incident, or `null` when it cannot get there. */
export type TravelTimeFn = (unit: Unit, incident: Incident) => number | null;

export interface Recommendation {
  unit: Unit;
  /** Estimated travel time in seconds. */
  etaSeconds: number;
}

/**
 * The units to send: available, carrying every skill the incident's type requires, reachable,
 * ranked by estimated travel time (then callsign for a stable order). `travelTime` is where the
 * street network comes in; this rule does not care how it is computed.
 */
export function recommendUnits(
  incident: Incident,
  units: Iterable<Unit>,
  travelTime: TravelTimeFn,
  limit = 5,
): Recommendation[] {
  const required = INCIDENT_TYPES[incident.type].requiredSkills;
  const out: Recommendation[] = [];
  for (const unit of units) {
    if (!isAssignable(unit.status)) continue;
    if (!required.every((s) => unit.skills.includes(s))) continue;
    const eta = travelTime(unit, incident);
    if (eta === null || !Number.isFinite(eta)) continue;
    out.push({ unit, etaSeconds: eta });
  }
  out.sort((a, b) => a.etaSeconds - b.etaSeconds || a.unit.callsign.localeCompare(b.unit.callsign));
  return out.slice(0, limit);
}

/** `3 min`, `45 s`: an ETA as a dispatcher says it. */
export function formatEta(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.round(seconds / 60)} min`;
}
