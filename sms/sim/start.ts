import type { SmsCore } from '../core/ports';
import { Simulation, type SimulationOptions } from './simulation';

/** Options of `startSimulation`. */
export interface StartOptions extends SimulationOptions {
  /** Simulated time runs this many times faster than real time. */
  speed: number;
  /** Real ms between ticks (default 250). */
  tickMs?: number | undefined;
  /** Where a failing tick is reported (default `console.error`); the simulation keeps running. */
  onError?: ((error: unknown) => void) | undefined;
  /** A simulation already under way (one that pre-rolled the hours before now) to run on; default a new one. */
  simulation?: Simulation | undefined;
}

/** Default real time between two ticks. */
export const DEFAULT_TICK_MS = 250;

/**
 * Runs the simulation on a timer: every `tickMs` of real time it advances `tickMs × speed` of
 * simulated time. The SMS clock should run at the same speed (see `acceleratedClock`).
 */
export function startSimulation(core: SmsCore, opts: StartOptions): { stop(): void } {
  if (!(opts.speed > 0)) throw new RangeError(`speed must be positive, not ${opts.speed}`);
  const tickMs = opts.tickMs ?? DEFAULT_TICK_MS;
  const onError = opts.onError ?? ((e: unknown) => console.error('simulation tick failed', e));
  const simulation = opts.simulation ?? new Simulation(core, opts);
  const timer = setInterval(() => {
    try {
      simulation.step(tickMs * opts.speed);
    } catch (e) {
      onError(e);
    }
  }, tickMs);
  // The SMS's server keeps the process alive; the simulation alone should not.
  timer.unref();
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      simulation.dispose();
    },
  };
}
