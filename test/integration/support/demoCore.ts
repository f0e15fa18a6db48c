// Test support: an in-memory core wired as `startSms` wires it (the SMS's commands, the City's
// place description) and seeded with the demo scenario, for tests that drive commands in-process
// and time them without sockets in between.
import type { CommandAck } from '../../../shared/protocol';
import { SMS_COMMANDS } from '../../../sms/commands/commandRules';
import { createCore, type SmsCoreService } from '../../../sms/core/core';
import type { Actor } from '../../../sms/core/ports';
import { createScenario } from '../../../sms/sim';
import { loadPlaceDescriber } from '../../../sms/sim/world/describePlace';
import { openSqliteStorage } from '../../../sms/storage/sqlite';

export const DEMO_NOW = Date.parse('2026-11-25T10:00:00.000Z');

/** The demo world on an in-memory store, with the SMS's own place description; close it after. */
export function demoCore(): SmsCoreService {
  const core = createCore({
    commands: SMS_COMMANDS,
    storage: openSqliteStorage(':memory:'),
    describePlace: loadPlaceDescriber(),
    clock: () => DEMO_NOW,
  });
  core.seed(createScenario({ seed: 1, now: DEMO_NOW }));
  return core;
}

/** A signed-in user of each role, as the socket layer hands them to the core. */
export const actorAs = (role: Actor['role']): Actor => ({ userId: `user-${role}`, username: role, role });

/**
 * Synchronous run time of one command, in milliseconds, for tests that bound it. Generous: a warm
 * command takes about a millisecond, and this noisy shared 2-core machine can pause for tens;
 * what the bound must catch is a command that runs for seconds or minutes and stalls every client.
 */
export const COMMAND_BOUND_MS = 50;

let sent = 0;

/**
 * Submits a command as it arrives over the wire (JSON: NaN and infinities become null) and times
 * it. A run over `COMMAND_BOUND_MS` is repeated once under a fresh id and the faster kept: a stall
 * repeats, a garbage-collection pause does not.
 */
export function timedSubmit(
  core: SmsCoreService,
  actor: Actor,
  type: string,
  payload: unknown,
  wire = true,
): { ack: CommandAck; ms: number } {
  const body: unknown = wire ? JSON.parse(JSON.stringify(payload) ?? 'null') : payload;
  const run = () => {
    const t0 = performance.now();
    const ack = core.submit({ id: `timed-cmd-${++sent}`, type, payload: body }, actor);
    return { ack, ms: performance.now() - t0 };
  };
  const first = run();
  if (first.ms <= COMMAND_BOUND_MS) return first;
  const second = run();
  return second.ms < first.ms ? second : first;
}
