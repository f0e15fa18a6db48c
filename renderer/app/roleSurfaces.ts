import type { WindowRole } from '../../shared/host/profile';

/** Roles a window may open from its Windows menu: every role but its own and the all-in-one. */
export function otherRoles(role: WindowRole): WindowRole[] {
  return (['console', 'map', 'wall', 'command'] as const).filter((r) => r !== role);
}
