// Moves a media fragment in time by rewriting its decode-time fields in place of re-encoding: the
// loop's segment i becomes wall-clock segment k by adding (k - i) seconds, so a camera's media
// timeline is continuous forever and players never meet a timestamp discontinuity at the loop wrap.
import { listBoxes, Mp4FormatError, type Mp4Box } from './mp4Inspect';

const UINT32_MAX = 0xffff_ffffn;

/** Adds `ticks` to the 32- or 64-bit unsigned time at `offset`, by the box's version byte. */
function shiftTime(view: DataView, box: Mp4Box, offset: number, ticks: bigint): void {
  const version = view.getUint8(box.payload);
  if (version === 1) {
    const shifted = view.getBigUint64(offset) + ticks;
    if (shifted < 0n) throw new Mp4FormatError(`${box.type} time would be negative`);
    view.setBigUint64(offset, shifted);
    return;
  }
  const shifted = BigInt(view.getUint32(offset)) + ticks;
  // A version 0 field cannot grow in place; the encoder writes version 1, so this is a recipe change.
  if (shifted < 0n || shifted > UINT32_MAX) throw new Mp4FormatError(`${box.type} v0 time out of 32-bit range`);
  view.setUint32(offset, Number(shifted));
}

/**
 * A copy of an fMP4 media segment with every track fragment's base media decode time (tfdt) and
 * the segment index's earliest presentation time (sidx) moved by `ticks` of the track timescale.
 */
export function shiftFragmentTime(segment: Uint8Array, ticks: bigint): Uint8Array {
  // A fresh copy (set() is a memcpy; Uint8Array.from would copy element by element, and a Node
  // Buffer's slice() would be a view): the cached loop file is never modified.
  const out = new Uint8Array(segment.byteLength);
  out.set(segment);
  const view = new DataView(out.buffer);
  for (const top of listBoxes(out)) {
    if (top.type === 'sidx') {
      // FullBox header, reference_ID, timescale, then earliest_presentation_time.
      shiftTime(view, top, top.payload + 12, ticks);
    } else if (top.type === 'moof') {
      for (const traf of listBoxes(out, top.payload, top.end).filter((b) => b.type === 'traf')) {
        for (const tfdt of listBoxes(out, traf.payload, traf.end).filter((b) => b.type === 'tfdt')) {
          shiftTime(view, tfdt, tfdt.payload + 4, ticks);
        }
      }
    }
  }
  return out;
}
