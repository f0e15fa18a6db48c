// Blocking playlist reload (RFC 8216bis §6.2.5.2): a player asks for the playlist that holds part
// `_HLS_part` of segment `_HLS_msn` (or the whole segment, without `_HLS_part`), and the server holds
// the request until it exists, answering 400 for a request too far ahead and 503 when it cannot
// answer within three target durations. This module only decides; routes.ts waits.
import { z } from 'zod';
import { PART_MS, PARTS_PER_SEGMENT, type PartRef } from './liveSource';
import { SEGMENT_MS } from './livePlaylist';
import { partAt, partIndex } from './partTime';

/** How long a blocked reload may be held before it is answered 503 (three target durations). */
export const BLOCKING_RELOAD_TIMEOUT_MS = 3 * SEGMENT_MS;
/** Segments beyond the newest a request may name before it is refused 400 (the RFC's "plus two"). */
export const MAX_MSN_AHEAD = 2;
/**
 * Parts beyond the newest a request may name before it is refused 400: the RFC's Advance Part Limit,
 * three seconds' worth when parts are shorter than a second.
 */
export const ADVANCE_PART_LIMIT = Math.floor(3000 / PART_MS);

/**
 * The delivery directives. Digits only: negative, fractional, exponent, NaN, repeated (an array)
 * or absurdly long values are refused, never coerced. 13 digits reach 300,000 years of seconds.
 */
const DirectivesSchema = z.object({
  _HLS_msn: z
    .string()
    .regex(/^\d{1,13}$/, '_HLS_msn must be a non-negative integer')
    .optional(),
  _HLS_part: z
    .string()
    .regex(/^\d{1,4}$/, '_HLS_part must be a non-negative integer')
    .optional(),
  // Delta updates are not offered (no CAN-SKIP-UNTIL), so a skip request gets the full playlist.
  _HLS_skip: z.unknown().optional(),
});

/** What to do with a live playlist request. */
export type ReloadDecision = { kind: 'now' } | { kind: 'wait'; until: PartRef } | { kind: 'refuse'; message: string };

/**
 * Decides a live playlist request from its query and the newest part. A part index past the end of
 * its segment counts on into the next ones (hls.js's tune-in adds parts that way), so (k, 7) is
 * (k+1, 2). Without directives, or for a part that exists, the playlist is answered at once.
 */
export function decideReload(query: unknown, newest: PartRef): ReloadDecision {
  const parsed = DirectivesSchema.safeParse(query ?? {});
  if (!parsed.success) {
    return { kind: 'refuse', message: parsed.error.issues[0]?.message ?? 'bad delivery directives' };
  }
  const { _HLS_msn: msnText, _HLS_part: partText } = parsed.data;
  if (msnText === undefined) {
    return partText === undefined ? { kind: 'now' } : { kind: 'refuse', message: '_HLS_part needs _HLS_msn' };
  }
  const msn = Number(msnText);
  if (msn > newest.msn + MAX_MSN_AHEAD) {
    return {
      kind: 'refuse',
      message: `_HLS_msn ${msn} is more than ${MAX_MSN_AHEAD} segments beyond the last (${newest.msn})`,
    };
  }
  // Without a part, the whole segment: its last part.
  const part = partText === undefined ? PARTS_PER_SEGMENT - 1 : Number(partText);
  const wanted = partIndex({ msn, part });
  // Both limits on the part counted on: with 200 ms parts the segment limit is the tighter one.
  if (wanted > partIndex(newest) + ADVANCE_PART_LIMIT || partAt(wanted).msn > newest.msn + MAX_MSN_AHEAD) {
    return { kind: 'refuse', message: `_HLS_part ${part} of segment ${msn} is too far ahead of the last part` };
  }
  return wanted <= partIndex(newest) ? { kind: 'now' } : { kind: 'wait', until: partAt(wanted) };
}
