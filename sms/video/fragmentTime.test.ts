import { shiftFragmentTime } from './fragmentTime';
import { listBoxes, Mp4FormatError } from './mp4Inspect';

function box(type: string, payload: Uint8Array = new Uint8Array()): Uint8Array {
  const out = new Uint8Array(8 + payload.length);
  new DataView(out.buffer).setUint32(0, out.length);
  out.set(
    Array.from(type, (c) => c.charCodeAt(0)),
    4,
  );
  out.set(payload, 8);
  return out;
}
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

function tfdt(version: 0 | 1, time: number): Uint8Array {
  const payload = new Uint8Array(version === 1 ? 12 : 8);
  const view = new DataView(payload.buffer);
  view.setUint8(0, version);
  if (version === 1) view.setBigUint64(4, BigInt(time));
  else view.setUint32(4, time);
  return box('tfdt', payload);
}

function sidx(time: number): Uint8Array {
  const payload = new Uint8Array(40);
  const view = new DataView(payload.buffer);
  view.setUint8(0, 1);
  view.setUint32(4, 1);
  view.setUint32(8, 12800);
  view.setBigUint64(12, BigInt(time));
  return box('sidx', payload);
}

/** A segment as ffmpeg's HLS muxer writes it: styp, sidx, moof (mfhd, traf (tfhd, tfdt)), mdat. */
const segment = (tfdtBox: Uint8Array) =>
  concat(
    box('styp', new Uint8Array(8)),
    sidx(25_600),
    box('moof', concat(box('mfhd', new Uint8Array(8)), box('traf', concat(box('tfhd', new Uint8Array(8)), tfdtBox)))),
    box('mdat', new Uint8Array([1, 2, 3])),
  );

/** Reads the 64- or 32-bit time field of the first box of `type`, searching moof/traf too. */
function timeOf(bytes: Uint8Array, type: 'tfdt' | 'sidx'): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const search = (from: number, to: number): bigint | null => {
    for (const b of listBoxes(bytes, from, to)) {
      if (b.type === type) {
        const at = b.payload + (type === 'sidx' ? 12 : 4);
        return view.getUint8(b.payload) === 1 ? view.getBigUint64(at) : BigInt(view.getUint32(at));
      }
      if (b.type === 'moof' || b.type === 'traf') {
        const found = search(b.payload, b.end);
        if (found !== null) return found;
      }
    }
    return null;
  };
  return search(0, bytes.length) ?? -1n;
}

const WALL = 1_795_566_594n * 12_800n;

describe('shiftFragmentTime', () => {
  it('moves the base media decode time by the given ticks', () => {
    expect(timeOf(shiftFragmentTime(segment(tfdt(1, 25_600)), WALL), 'tfdt')).toBe(WALL + 25_600n);
  });

  it('moves the segment index earliest presentation time with it', () => {
    expect(timeOf(shiftFragmentTime(segment(tfdt(1, 25_600)), WALL), 'sidx')).toBe(WALL + 25_600n);
  });

  it('leaves the loop file untouched', () => {
    const original = segment(tfdt(1, 25_600));
    shiftFragmentTime(original, WALL);
    expect(timeOf(original, 'tfdt')).toBe(25_600n);
  });

  it('keeps the size and every other byte', () => {
    const original = segment(tfdt(1, 25_600));
    const shifted = shiftFragmentTime(original, 0n);
    expect(Buffer.compare(shifted, original)).toBe(0);
  });

  it('shifts a version 0 time that still fits 32 bits', () => {
    expect(timeOf(shiftFragmentTime(segment(tfdt(0, 25_600)), 12_800n), 'tfdt')).toBe(38_400n);
  });

  it('refuses a version 0 time that would overflow', () => {
    expect(() => shiftFragmentTime(segment(tfdt(0, 25_600)), WALL)).toThrow(Mp4FormatError);
  });
});
