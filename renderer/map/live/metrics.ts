/**
 * Counters the map benchmark reads (only when the page asks for them with `?mapBench=`):
 * main-thread time spent applying updates per frame, and event-to-pixel latency.
 */
export class MapMetrics {
  applyMs: number[] = [];
  latencyMs: number[] = [];

  recordApply(ms: number): void {
    this.applyMs.push(ms);
  }

  recordLatency(ms: number): void {
    this.latencyMs.push(ms);
  }

  /** Hands the samples over and starts afresh. */
  drain(): { applyMs: number[]; latencyMs: number[] } {
    const out = { applyMs: this.applyMs, latencyMs: this.latencyMs };
    this.applyMs = [];
    this.latencyMs = [];
    return out;
  }
}
