import type { IncidentStatus, UnitStatus } from '../../shared/protocol';

/** Statuses as words a dispatcher says. */
export const INCIDENT_STATUS_LABEL: Record<IncidentStatus, string> = {
  open: 'Open',
  dispatched: 'Dispatched',
  on_scene: 'On scene',
  closed: 'Closed',
};

export const UNIT_STATUS_LABEL: Record<UnitStatus, string> = {
  available: 'Available',
  dispatched: 'Dispatched',
  en_route: 'En route',
  on_scene: 'On scene',
  busy: 'Busy',
  off_duty: 'Off duty',
};

/** `snake_case` ids as words: `false_alarm` -> `False alarm`. */
export function words(id: string): string {
  const s = id.replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
