import { presetChangeRefusal } from '../../shared/domain/wallRules';
import type { WallPresetScope } from '../../shared/protocol';
import { CommandFailure, type Actor } from '../core/ports';

/** Refuses saving, changing or deleting a preset of `scope` unless the rule allows the actor. */
export function checkMayChange(actor: Actor, scope: WallPresetScope): void {
  const refusal = presetChangeRefusal(actor, scope);
  if (refusal !== null) throw new CommandFailure('forbidden', refusal);
}
