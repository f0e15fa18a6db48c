import type { Alert, IncidentType } from '../protocol';

/** Words in an alert's kind or detail that suggest an incident type, most specific first. */
const HINTS: readonly [RegExp, IncidentType][] = [
  [/weapon|firearm|gun/, 'suspected_firearm'],
  [/unattended|bag|item|package/, 'suspicious_item'],
  [/fight|violen|assault|aggress/, 'violence_night_time_economy'],
  [/crowd|disorder/, 'public_order'],
  [/bridge|parapet|welfare|vulnerable/, 'vulnerable_person_bridge'],
  [/robbery/, 'robbery'],
  [/theft|pickpocket/, 'theft'],
  [/vehicle|wanted|stolen/, 'road_traffic_collision'],
  [/lost|missing/, 'missing_person'],
];

/**
 * Best guess of an incident type from an alert, so the form for an incident raised from it starts
 * pre-filled (the dispatcher confirms or changes it); null when nothing suggests one.
 */
export function typeFromAlert(alert: Pick<Alert, 'source' | 'kind' | 'detail'>): IncidentType | null {
  if (alert.source === 'emergency_button') return 'public_order';
  if (alert.source === 'premises_alarm') return 'premises_alarm';
  const kind = alert.kind.toLowerCase();
  const detail = alert.detail.toLowerCase();
  return HINTS.find(([re]) => re.test(kind) || re.test(detail))?.[1] ?? null;
}
