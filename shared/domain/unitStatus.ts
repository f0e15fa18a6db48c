import type { UnitStatus } from '../protocol/entities';

/** Statuses in which a unit is committed to an incident. */
export const COMMITTED_STATUSES: readonly UnitStatus[] = ['dispatched', 'en_route', 'on_scene'];

const NEXT: Record<UnitStatus, readonly UnitStatus[]> = {
  available: ['dispatched', 'busy', 'off_duty'],
  dispatched: ['en_route', 'on_scene', 'available', 'busy'],
  en_route: ['on_scene', 'available', 'busy'],
  on_scene: ['available', 'busy', 'en_route'],
  busy: ['available', 'off_duty'],
  off_duty: ['available'],
};

export function canUnitMove(from: UnitStatus, to: UnitStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

/** A unit may be assigned only while available. */
export function isAssignable(status: UnitStatus): boolean {
  return status === 'available';
}

/** Committed statuses need an incident; the others must have none. */
export function needsIncident(status: UnitStatus): boolean {
  return COMMITTED_STATUSES.includes(status);
}
