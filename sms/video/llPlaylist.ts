// The low-latency live media playlist (RFC 8216bis, LL-HLS) of any LiveMediaSource: one-second
// segments with their 200 ms parts near the live edge, a preload hint for the next part, and the
// server-control attributes a player needs for blocking reloads. Plain HLS players ignore the parts
// and play the segments, so one playlist serves both.
import { PART_MS, PARTS_PER_SEGMENT, type LiveMediaSource, type PartRef } from './liveSource';
import { SEGMENT_MS } from './livePlaylist';
import { partAt, partIndex } from './partTime';

/** EXT-X-TARGETDURATION, seconds: every segment lasts one second. */
export const TARGET_DURATION_S = SEGMENT_MS / 1000;
/** Part hold-back, seconds: three part targets (RFC 8216bis asks for at least two; three is Apple's advice). */
export const PART_HOLD_BACK_S = 0.6;
/** Hold-back for players that do not use parts, seconds: three target durations (the RFC's minimum). */
export const HOLD_BACK_S = 3 * TARGET_DURATION_S;
/**
 * Parts are listed for segments that start within this many target durations of the playlist's
 * end: the RFC lets a server drop them after three target durations, and players join from there.
 */
export const PART_LISTING_SEGMENTS = 3;

/** A sibling rendition's newest part, for EXT-X-RENDITION-REPORT. */
export interface RenditionReport {
  /** Its media playlist's URI, relative to this playlist. */
  uri: string;
  lastMsn: number;
  lastPart: number;
}

/** URIs relative to the media playlist, per encoding key. */
export interface LowLatencyUris {
  init: (key: string) => string;
  segment: (key: string, msn: number) => string;
  part: (key: string, ref: PartRef) => string;
}

/** What the playlist reads from its source; `keyAt` names the encoding of each segment when it changes. */
export type PlaylistSource = Pick<
  LiveMediaSource,
  'key' | 'newestPart' | 'oldestSegment' | 'independent' | 'partDurationMs'
> & {
  keyAt?: (msn: number) => string | null;
};

/** What a low-latency playlist is made from. */
export interface LowLatencyPlaylistInput {
  source: PlaylistSource;
  /** The SMS clock, ms since the epoch. */
  now: number;
  /** Complete segments listed at most, the newest last. */
  windowSegments: number;
  uris: LowLatencyUris;
  /** Sibling renditions of the same multivariant playlist (none when it has one variant). */
  renditionReports?: readonly RenditionReport[];
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * The playlist at `now`, or null when the source has no part and no encoding yet. Segment k is
 * dated k s (media time is wall time); EXT-X-MAP is written again where the encoding changes.
 */
export function lowLatencyPlaylist(input: LowLatencyPlaylistInput): string | null {
  const { source, now, windowSegments, uris } = input;
  const newest = source.newestPart(now);
  const fallbackKey = source.key();
  if (!newest || fallbackKey === null) return null;
  const keyOf = (msn: number) => source.keyAt?.(msn) ?? fallbackKey;
  const lastComplete = newest.part === PARTS_PER_SEGMENT - 1 ? newest.msn : newest.msn - 1;
  const first = Math.max(0, source.oldestSegment(now), lastComplete - windowSegments + 1);
  const partsFrom = newest.msn - PART_LISTING_SEGMENTS + 1;
  const lines = [
    '#EXTM3U',
    // EXT-X-MAP in a playlist that is not I-frames-only needs version 6; no LL-HLS tag used here needs more.
    '#EXT-X-VERSION:6',
    `#EXT-X-TARGETDURATION:${TARGET_DURATION_S}`,
    `#EXT-X-PART-INF:PART-TARGET=${seconds(PART_MS)}`,
    `#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=${PART_HOLD_BACK_S},HOLD-BACK=${HOLD_BACK_S.toFixed(1)}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
  ];
  let mapKey: string | null = null;
  for (let msn = first; msn <= newest.msn; msn++) {
    const key = keyOf(msn);
    if (key !== mapKey) {
      lines.push(`#EXT-X-MAP:URI="${uris.init(key)}"`);
      mapKey = key;
    }
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(msn * SEGMENT_MS).toISOString()}`);
    const lastPart = msn === newest.msn ? newest.part : PARTS_PER_SEGMENT - 1;
    let durationMs = 0;
    for (let part = 0; part <= lastPart; part++) {
      const ref = { msn, part };
      const partMs = source.partDurationMs(ref);
      durationMs += partMs;
      if (msn < partsFrom) continue;
      const independent = source.independent(ref) ? ',INDEPENDENT=YES' : '';
      lines.push(`#EXT-X-PART:DURATION=${seconds(partMs)},URI="${uris.part(key, ref)}"${independent}`);
    }
    if (msn <= lastComplete) lines.push(`#EXTINF:${seconds(durationMs)},`, uris.segment(key, msn));
  }
  const next = partAt(partIndex(newest) + 1);
  lines.push(`#EXT-X-PRELOAD-HINT:TYPE=PART,URI="${uris.part(keyOf(next.msn), next)}"`);
  for (const report of input.renditionReports ?? []) {
    lines.push(`#EXT-X-RENDITION-REPORT:URI="${report.uri}",LAST-MSN=${report.lastMsn},LAST-PART=${report.lastPart}`);
  }
  return `${lines.join('\n')}\n`;
}
