import type { SmsCore } from '../core/ports';
import { createScenario } from './scenario';
import { Simulation, type SimulationOptions } from './simulation';

/** Hours of the shift computed before the room opens: long enough for closed incidents in the history. */
export const PREROLL_HOURS = 5;
/**
 * Simulated ms per pre-roll step. Five seconds keeps arrivals on scene and the crews' radio
 * acknowledgements (5–20 s) close to their times, at a twentieth of the live tick count.
 */
export const PREROLL_STEP_MS = 5_000;
/**
 * Minutes before the room opens at which the pre-roll makes sure of the hand-over's running work
 * (an open incident of each grade, a unit committed): long enough for what it adds to move on,
 * short enough for it still to be running.
 */
const HANDOVER_WORK_MS = 12 * 60_000;
/** …and of an alert waiting: nobody triages an alert in its first ten minutes. */
const HANDOVER_ALERT_MS = 4 * 60_000;
/** During the pre-roll each unit's position is journaled once a simulated minute, not every second. */
const PREROLL_POSITIONS_MS = 60_000;

/** Options of `prerollCity`. */
export interface PrerollOptions extends SimulationOptions {
  /** Fleet size (default: the scenario's). */
  units?: number | undefined;
  /** The instant the pre-roll ends at: the SMS clock's now. */
  end: number;
  /** Hours before `end` to compute (default PREROLL_HOURS). */
  hours?: number | undefined;
  /** Simulated ms per step (default PREROLL_STEP_MS). */
  stepMs?: number | undefined;
  /**
   * Sets the SMS clock (what `core.now()` answers) to a past instant while the pre-roll runs,
   * then to null: back to the live clock.
   */
  setNow(ms: number | null): void;
  /** Runs once the scenario is seeded, before the shift starts (the room wall's layout). */
  afterSeed?: (() => void) | undefined;
}

/** What a pre-roll did. */
export interface Prerolled {
  /** The simulation, under way at `end`: run it on (`startSimulation`'s `simulation`). */
  simulation: Simulation;
  /** Simulated ms computed. */
  simulatedMs: number;
  /** Real ms it took. */
  tookMs: number;
}

/**
 * Starts a fresh City mid-shift: seeds the scenario as it stood `hours` before `end`, then runs
 * the simulation over those hours as fast as it computes, on a virtual SMS clock. Everything goes
 * through the core's commands and producers, so the journal, the audit and the records are those
 * of a room that has been running: incidents at every stage with the colleague's logs, units
 * committed, alerts waiting, incidents closed. Deterministic for its options (seed and `end`).
 * Synchronous: it runs before the SMS listens (about a second for five hours of the default fleet).
 */
export function prerollCity(core: SmsCore, opts: PrerollOptions): Prerolled {
  const started = performance.now();
  const hours = opts.hours ?? PREROLL_HOURS;
  const stepMs = opts.stepMs ?? PREROLL_STEP_MS;
  if (!(hours >= 0) || !(stepMs > 0)) throw new RangeError(`invalid pre-roll: ${hours} h in steps of ${stepMs} ms`);
  const total = Math.round(hours * 3_600_000);
  const start = opts.end - total;
  let now = start;
  opts.setNow(now);
  try {
    core.seed(createScenario({ ...opts, now }));
    opts.afterSeed?.();
    const simulation = new Simulation(core, opts);
    simulation.batchPositions(PREROLL_POSITIONS_MS);
    const checks = [
      { at: opts.end - HANDOVER_WORK_MS, run: () => void simulation.ensureRunningWork() },
      { at: opts.end - HANDOVER_ALERT_MS, run: () => simulation.ensureAlertWaiting() },
    ];
    while (now < opts.end) {
      while (checks[0] && checks[0].at <= now) checks.shift()!.run();
      const dt = Math.min(stepMs, opts.end - now, Math.max(0, (checks[0]?.at ?? opts.end) - now) || stepMs);
      now += dt;
      opts.setNow(now);
      simulation.step(dt);
    }
    for (const check of checks) check.run();
    simulation.batchPositions(null);
    return { simulation, simulatedMs: total, tookMs: Math.round(performance.now() - started) };
  } finally {
    opts.setNow(null);
  }
}
