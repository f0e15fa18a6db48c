// A camera loop laid over the clock, and recorded (VOD) media playlists of it (the live playlist is
// llPlaylist.ts).
// Segment k covers wall time [k s, (k+1) s): it is loop file (k + phase) mod N with its timestamps
// moved to k seconds (see fragmentTime.ts), so media time equals wall time and a camera's timeline
// is continuous: live, replay and "recordings" agree, and players meet no discontinuity.

/** Length of every segment; segment k covers wall time [k·SEGMENT_MS, (k+1)·SEGMENT_MS). */
export const SEGMENT_MS = 1000;

/** How a camera's loop is laid over wall-clock time. */
export interface LoopTimeline {
  /** N: segments in the loop. */
  segmentCount: number;
  /** Loop index shown at sequence 0, in [0, N): cameras wrap at different seconds. */
  phase: number;
}

/** URIs, relative to the media playlist, of the init segment and of segment k. */
export interface MediaUris {
  init: string;
  segment: (sequence: number) => string;
}

/** Where segment k comes from: a loop file, and how many seconds its timestamps move forward. */
export interface SegmentSource {
  loopIndex: number;
  shiftSeconds: number;
}

/** The loop timeline of a camera whose look gives `phaseSeed`, for a loop of `segmentCount` segments. */
export function loopTimeline(segmentCount: number, phaseSeed: number): LoopTimeline {
  if (!Number.isInteger(segmentCount) || segmentCount < 1) throw new RangeError('segmentCount must be >= 1');
  return { segmentCount, phase: ((phaseSeed % segmentCount) + segmentCount) % segmentCount };
}

/** The loop file that plays as segment `sequence`, and the shift that puts its first frame at `sequence` s. */
export function segmentSource(sequence: number, timeline: LoopTimeline): SegmentSource {
  const loopIndex = (sequence + timeline.phase) % timeline.segmentCount;
  // Loop file i starts at media time i s; moved by (k - i) s it starts at k s.
  return { loopIndex, shiftSeconds: sequence - loopIndex };
}

/** The last segment whose second has fully elapsed at `now`, or -1 before the epoch's first second ends. */
export function lastCompleteSequence(now: number): number {
  return Math.floor(now / SEGMENT_MS) - 1;
}

/** Media playlist over segments [first, last]: header, the init segment, and per segment its wall time. */
function mediaPlaylist(first: number, last: number, uris: MediaUris, vod: { startOffsetMs: number } | null): string {
  const lines = [
    '#EXTM3U',
    // EXT-X-MAP in a playlist that is not I-frames-only needs version 6.
    '#EXT-X-VERSION:6',
    '#EXT-X-TARGETDURATION:1',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
  ];
  if (vod) {
    lines.push(
      '#EXT-X-PLAYLIST-TYPE:VOD',
      `#EXT-X-START:TIME-OFFSET=${(vod.startOffsetMs / 1000).toFixed(3)},PRECISE=YES`,
    );
  }
  lines.push(`#EXT-X-MAP:URI="${uris.init}"`);
  for (let k = first; k <= last; k++) {
    lines.push(
      `#EXT-X-PROGRAM-DATE-TIME:${new Date(k * SEGMENT_MS).toISOString()}`,
      `#EXTINF:${(SEGMENT_MS / 1000).toFixed(3)},`,
      uris.segment(k),
    );
  }
  if (vod) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

/** What a recorded-playback playlist is made from. */
export interface VodPlaylistInput {
  /** Start of the range, ms since the epoch (inclusive). */
  from: number;
  /** End of the range, ms since the epoch (exclusive); clipped to what is complete at `now`. */
  to: number;
  now: number;
  uris: MediaUris;
}

/** The segments a recorded range needs, or null when the range holds no complete segment. */
export function vodRange(from: number, to: number, now: number): { first: number; last: number } | null {
  const first = Math.max(0, Math.floor(from / SEGMENT_MS));
  const last = Math.min(Math.ceil(to / SEGMENT_MS) - 1, lastCompleteSequence(now));
  return from < to && first <= last ? { first, last } : null;
}

/** A VOD playlist of the range [from, to), starting playback at `from`; null when nothing is complete yet. */
export function vodPlaylist({ from, to, now, uris }: VodPlaylistInput): string | null {
  const range = vodRange(from, to, now);
  if (!range) return null;
  return mediaPlaylist(range.first, range.last, uris, {
    startOffsetMs: Math.max(0, from - range.first * SEGMENT_MS),
  });
}
