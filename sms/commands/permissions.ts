import type { CommandType, Role } from '../../shared/protocol';
import type { Actor } from '../core/ports';

/** Roles that operate the room; `viewer` reads and watches only. */
const OPERATORS: readonly Role[] = ['dispatcher', 'supervisor', 'commander', 'admin'];

/** Which roles may run each command (the SMS itself may run all of them). */
export const COMMAND_ROLES: Readonly<Record<CommandType, readonly Role[]>> = {
  'incident.create': OPERATORS,
  'incident.note': OPERATORS,
  'incident.assign': OPERATORS,
  'incident.status': OPERATORS,
  'incident.grade': OPERATORS,
  'incident.close': OPERATORS,
  'unit.status': OPERATORS,
  'alert.acknowledge': OPERATORS,
  'alert.dismiss': OPERATORS,
};

/** Whether `actor` may run a command of `type`. */
export function mayRun(actor: Actor, type: CommandType): boolean {
  return actor.role === 'system' || COMMAND_ROLES[type].includes(actor.role);
}
