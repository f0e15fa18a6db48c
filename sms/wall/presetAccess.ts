import type { Role, WallPreset, WallPresetScope } from '../../shared/protocol';
import { CommandFailure, type Actor } from '../core/ports';

/** Roles that share presets with a role (and change or delete shared ones). */
const PRESET_SHARERS: readonly (Role | 'system')[] = ['supervisor', 'commander', 'admin', 'system'];

/** Whether a preset is meant for the actor: their own, or shared with their role (admins see all). */
export function presetMeantFor(actor: Actor, preset: WallPreset): boolean {
  if (actor.role === 'system' || actor.role === 'admin') return true;
  return preset.scope.kind === 'user' ? preset.scope.userId === actor.userId : preset.scope.role === actor.role;
}

/** Refuses changing a preset of `scope` unless it is the actor's own, or shared and the actor shares presets. */
export function checkMayChange(actor: Actor, scope: WallPresetScope): void {
  if (actor.role === 'system' || actor.role === 'admin') return;
  if (scope.kind === 'user' && scope.userId !== actor.userId) {
    throw new CommandFailure('forbidden', "Another operator's own preset is theirs to change.");
  }
  if (scope.kind === 'role' && !PRESET_SHARERS.includes(actor.role)) {
    throw new CommandFailure(
      'forbidden',
      `A ${actor.role} keeps their own presets; supervisors share them with a role.`,
    );
  }
}
