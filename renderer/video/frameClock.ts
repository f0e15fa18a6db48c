// Which wall-clock moment a video frame shows: a frame's media time mapped through the playlist's
// EXT-X-PROGRAM-DATE-TIME, so a tile can say how far behind live its picture is (and the benchmark
// can measure it frame by frame) without trusting the player's own latency estimate.

/** A media segment as the player placed it: its start on the media timeline (s) and its PDT (ms). */
export interface DatedSegment {
  start: number;
  programDateTime: number | null;
}

/**
 * The wall-clock time (ms since the epoch) of media time `mediaTime` (s), from the latest segment
 * that starts at or before it (a live timeline is continuous, so a frame in a part of a segment not
 * yet listed whole is read from the segment before it); the earliest dated segment when the frame
 * precedes them all; null when no segment is dated or the input is not a number.
 */
export function programDateAt(segments: readonly DatedSegment[], mediaTime: number): number | null {
  if (!Number.isFinite(mediaTime)) return null;
  let best: DatedSegment | null = null;
  let earliest: DatedSegment | null = null;
  for (const s of segments) {
    if (s.programDateTime === null || !Number.isFinite(s.programDateTime) || !Number.isFinite(s.start)) continue;
    if (earliest === null || s.start < earliest.start) earliest = s;
    if (s.start <= mediaTime && (best === null || s.start > best.start)) best = s;
  }
  const from = best ?? earliest;
  return from === null || from.programDateTime === null ? null : from.programDateTime + (mediaTime - from.start) * 1000;
}

/** How old a picture is at `at` (ms): never negative (a frame cannot be from the future; clocks differ slightly). */
export function pictureAgeMs(at: number, programDate: number | null): number | null {
  return programDate === null ? null : Math.max(0, at - programDate);
}

/** How far behind live a picture is, as a tile says it: "0.8 s behind live". */
export function behindLive(latencyMs: number): string {
  return `${(Math.max(0, latencyMs) / 1000).toFixed(1)} s behind live`;
}
