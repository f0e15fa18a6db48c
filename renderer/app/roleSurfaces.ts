import type { WindowRole } from '../../shared/host/profile';

/** The surfaces a window can show. `overview` is the room overview with its incident board. */
export type SurfaceId = 'console' | 'map' | 'wall' | 'overview';

/**
 * Which surfaces each window role shows, in reading order. The major-event `command` view has
 * no issue of its own yet: it is the map beside the incident overview until one defines it.
 */
export const ROLE_SURFACES: Record<WindowRole, readonly SurfaceId[]> = {
  combined: ['console', 'map', 'wall', 'overview'],
  console: ['console'],
  map: ['map'],
  wall: ['wall'],
  command: ['map', 'overview'],
};

/** Roles a window may open from its Windows menu: every role but its own and the all-in-one. */
export function otherRoles(role: WindowRole): WindowRole[] {
  return (['console', 'map', 'wall', 'command'] as const).filter((r) => r !== role);
}
