import type { CommandType, Role } from '../../shared/protocol';
import type { Actor } from '../core/ports';

/** Roles that operate the room; `viewer` reads and watches only. */
const OPERATORS: readonly Role[] = ['dispatcher', 'supervisor', 'commander', 'admin'];
/** Everyone signed in, viewers included: watching a camera is audited, never refused by role. */
const WATCHERS: readonly Role[] = [...OPERATORS, 'viewer'];
/** Roles that may cut or restore a camera's stream. */
const SUPERVISORS: readonly Role[] = ['supervisor', 'commander', 'admin'];
/** No role: commands the SMS runs itself. */
const SMS_ONLY: readonly Role[] = [];

/** Which roles may run each command (the SMS itself may run all of them). */
export const COMMAND_ROLES: Readonly<Record<CommandType, readonly Role[]>> = {
  'incident.create': OPERATORS,
  'incident.note': OPERATORS,
  'incident.assign': OPERATORS,
  'incident.status': OPERATORS,
  'incident.grade': OPERATORS,
  'incident.close': OPERATORS,
  'incident.link': OPERATORS,
  'unit.status': OPERATORS,
  'alert.acknowledge': OPERATORS,
  'alert.dismiss': OPERATORS,
  // Walls: any operator may run these; arranging a shared wall is checked per wall in
  // shared/domain/wallRules.ts (supervisor and above, or the owner of a personal wall).
  'wall.layout': OPERATORS,
  'wall.tile': OPERATORS,
  'wall.swap': OPERATORS,
  'wall.focus': OPERATORS,
  'wall.alarmTile': OPERATORS,
  'wall.show': OPERATORS,
  // Presets: anyone but viewers keeps their own; sharing with a role (supervisor and above) and
  // applying only presets meant for the sender are checked in shared/domain/wallRules.ts.
  'wall.presetSave': OPERATORS,
  'wall.presetDelete': OPERATORS,
  'wall.presetApply': OPERATORS,
  'wall.tour': OPERATORS,
  // The tour timer's step: no operator runs it (the SMS itself may run every command).
  'wall.tourStep': SMS_ONLY,
  'camera.ptz': OPERATORS,
  'camera.status': SUPERVISORS,
  'camera.view': WATCHERS,
  'camera.viewEnd': WATCHERS,
  // Major-event overlays are drawn by those running the event; every role sees them.
  'overlay.draw': SUPERVISORS,
  'overlay.remove': SUPERVISORS,
};

/** Whether `actor` may run a command of `type`. */
export function mayRun(actor: Actor, type: CommandType): boolean {
  return actor.role === 'system' || COMMAND_ROLES[type].includes(actor.role);
}
