import type { EventEnvelope } from '../../../shared/protocol';
import { createCore, type SmsCoreService } from '../../../sms/core/core';
import { SMS_COMMANDS } from '../../../sms/commands/commandRules';
import type { Actor } from '../../../sms/core/ports';
import { createScenario, Simulation } from '../../../sms/sim';
import { openSqliteStorage } from '../../../sms/storage/sqlite';

/** A Friday in March, midnight in London: the test day runs through the night-time economy and the working day. */
export const FRIDAY = Date.parse('2026-03-06T00:00:00Z');

/** An operator in the room. */
export const DISPATCHER: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };

/** A fresh in-memory SMS seeded with the City scenario and its simulation, on a fake clock. */
export interface SimRig {
  core: SmsCoreService;
  sim: Simulation;
  /** Advances the fake clock and the simulation together by `ms`, in steps of `stepMs`. */
  run(ms: number, stepMs?: number): void;
  /** The whole journal so far. */
  journal(): EventEnvelope[];
  close(): void;
}

/** Builds a rig; `units` and `eventRate` as in load mode. */
export function simRig(opts: { seed: number; units?: number; eventRate?: number; start?: number }): SimRig {
  let now = opts.start ?? FRIDAY;
  const core = createCore({ commands: SMS_COMMANDS, storage: openSqliteStorage(':memory:'), clock: () => now });
  core.seed(createScenario({ seed: opts.seed, units: opts.units, now }));
  const sim = new Simulation(core, { seed: opts.seed, eventRate: opts.eventRate });
  return {
    core,
    sim,
    run(ms, stepMs = 250) {
      for (let done = 0; done < ms; done += stepMs) {
        now += stepMs;
        sim.step(stepMs);
      }
    },
    journal: () => core.readEvents(0, Number.MAX_SAFE_INTEGER),
    close() {
      sim.dispose();
      core.close();
    },
  };
}
