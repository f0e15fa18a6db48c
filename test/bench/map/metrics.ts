import type { UnitTimings } from '../../../renderer/map/live/mapUnits';

/**
 * Counters the map benchmark and the map e2e tests read in the page: main-thread time spent
 * applying unit updates per frame, and event-to-pixel latency. The unit layer reports them
 * through `UnitTimings`.
 */
export class MapMetrics implements UnitTimings {
  applyMs: number[] = [];
  latencyMs: number[] = [];

  applied(ms: number): void {
    this.applyMs.push(ms);
  }

  shown(latencyMs: number): void {
    this.latencyMs.push(latencyMs);
  }

  /** Hands the samples over and starts afresh. */
  drain(): { applyMs: number[]; latencyMs: number[] } {
    const out = { applyMs: this.applyMs, latencyMs: this.latencyMs };
    this.applyMs = [];
    this.latencyMs = [];
    return out;
  }
}
