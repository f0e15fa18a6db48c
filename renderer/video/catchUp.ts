// Gentle catch-up to the live target for low-latency tiles. hls.js speeds playback up only while
// more than a second is buffered ahead, which a tile 0.6 s behind live never has: a tile that
// started at the key frame before its target (up to a second earlier, one key frame per segment)
// or lost time in a stall would stay that far behind for good. This plays such a tile slightly
// faster until it is back at the target, never with less than `minBufferS` buffered (that would
// trade latency for a stall), and with hysteresis so the rate does not flap. The cameras have no
// sound, so a faster rate shows no pitch change; at 25 fps, +10 % is one more frame every 0.4 s.

export interface CatchUpTuning {
  /** Fastest playback rate. */
  maxRate: number;
  /** Start catching up this far behind the target, s. */
  startS: number;
  /** Stop once this close to the target, s. */
  stopS: number;
  /** Never speed up with less than this buffered ahead of the playhead, s. */
  minBufferS: number;
  /** Rate above 1 per second behind the target (proportional), capped at maxRate. */
  gain: number;
}

export const CATCH_UP: CatchUpTuning = { maxRate: 1.1, startS: 0.15, stopS: 0.03, minBufferS: 0.3, gain: 0.25 };

export interface CatchUpInput {
  /** How far the playhead is behind the live edge, s (hls.js's `latency`). */
  latencyS: number;
  /** Where it should be, s (hls.js's `targetLatency`, which grows after stalls). */
  targetS: number;
  /** Buffered ahead of the playhead, s. */
  bufferAheadS: number;
  /** The playback rate now. */
  rate: number;
}

/** The playback rate a tile should play at now. */
export function catchUpRate(input: CatchUpInput, tuning: CatchUpTuning = CATCH_UP): number {
  const { latencyS, targetS, bufferAheadS, rate } = input;
  if (![latencyS, targetS, bufferAheadS, rate].every(Number.isFinite)) return 1;
  const behind = latencyS - targetS;
  if (bufferAheadS < tuning.minBufferS) return 1;
  const catchingUp = rate > 1;
  if (behind < (catchingUp ? tuning.stopS : tuning.startS)) return 1;
  const wanted = 1 + behind * tuning.gain;
  // Steps of 0.05, so the rate changes a few times per catch-up rather than on every reading.
  return Math.min(tuning.maxRate, Math.max(1.05, Math.round(wanted * 20) / 20));
}
