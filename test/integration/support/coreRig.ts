// Test support for the SMS's command tests (unit tests beside sms/ use it too): an in-memory core
// seeded with a world, recording the events it publishes as a client would receive them, and the
// refusal code of a failing command.
import { EventEnvelopeSchema, type EventEnvelope } from '../../../shared/protocol';
import { testWorld } from '../../support/world';
import { openSqliteStorage } from '../../../sms/storage/sqlite';
import { createCore, type SmsCoreService } from '../../../sms/core/core';
import { SMS_COMMANDS } from '../../../sms/commands/commandRules';
import { CommandFailure } from '../../../sms/core/ports';

/** A core on an in-memory store and the events it has published (each parsed by the protocol schema). */
export interface CoreRig {
  core: SmsCoreService;
  events: EventEnvelope[];
}

/** Opens a core seeded with `world` (the test world by default) on `clock`; close `core` after. */
export function memoryCoreRig(
  world: Parameters<SmsCoreService['seed']>[0] = testWorld(),
  clock: () => number = () => Date.parse('2026-11-25T10:00:00.000Z'),
): CoreRig {
  const core = createCore({ commands: SMS_COMMANDS, storage: openSqliteStorage(':memory:'), clock });
  core.seed(world);
  const events: EventEnvelope[] = [];
  core.subscribe((e) => events.push(EventEnvelopeSchema.parse(e)));
  return { core, events };
}

/** The `CommandFailure` code `f` throws; anything else fails the test. */
export function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof CommandFailure) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}
