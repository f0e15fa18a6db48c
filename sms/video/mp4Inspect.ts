// Just enough ISO-BMFF reading to check what the encoder really wrote (ffprobe is not shipped):
// the RFC 6381 codec string from avcC/hvcC, the coded size, and the box layout of a fragment.

/** One box of an ISO-BMFF file: its four-character type and where its payload lies. */
export interface Mp4Box {
  type: string;
  /** Offset of the box header in the buffer. */
  start: number;
  /** Offset of the payload (after the 8- or 16-byte header). */
  payload: number;
  /** Offset just past the box. */
  end: number;
}

/** What a video init segment declares. */
export interface VideoTrackInfo {
  /** RFC 6381 codec string, e.g. `avc1.64001f` or `hvc1.1.6.L93.90`. */
  codec: string;
  width: number;
  height: number;
  /** Media timescale (ticks per second) from mdhd: the unit of tfdt and sidx times. */
  timescale: number;
}

/** Thrown when bytes are not the ISO-BMFF the encoder is expected to produce. */
export class Mp4FormatError extends Error {
  override name = 'Mp4FormatError';
}

/** The boxes laid end to end in `buf[from, to)`; throws on a truncated or malformed header. */
export function listBoxes(buf: Uint8Array, from = 0, to = buf.length): Mp4Box[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const boxes: Mp4Box[] = [];
  let at = from;
  while (at < to) {
    if (to - at < 8) throw new Mp4FormatError(`truncated box header at ${at}`);
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1) {
      if (to - at < 16) throw new Mp4FormatError(`truncated large box header at ${at}`);
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header || at + size > to) throw new Mp4FormatError(`box at ${at} overruns its parent`);
    const type = String.fromCharCode(buf[at + 4] ?? 0, buf[at + 5] ?? 0, buf[at + 6] ?? 0, buf[at + 7] ?? 0);
    boxes.push({ type, start: at, payload: at + header, end: at + size });
    at += size;
  }
  return boxes;
}

/** The first box of `type` among the children of `parent` (or the top level). */
function child(buf: Uint8Array, parent: Mp4Box | null, type: string, skip = 0): Mp4Box {
  const from = parent ? parent.payload + skip : 0;
  const found = listBoxes(buf, from, parent ? parent.end : buf.length).find((b) => b.type === type);
  if (!found) throw new Mp4FormatError(`no ${type} box${parent ? ` in ${parent.type}` : ''}`);
  return found;
}

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');

/** Bit-reverses a 32-bit value: RFC 6381 prints the HEVC compatibility flags in reverse bit order. */
function reverseBits32(value: number): number {
  let out = 0;
  for (let i = 0; i < 32; i++) out = (out << 1) | ((value >>> i) & 1);
  return out >>> 0;
}

/** `avc1.PPCCLL` from an AVCDecoderConfigurationRecord. */
function avcCodec(entryType: string, record: Uint8Array): string {
  if (record.length < 4) throw new Mp4FormatError('avcC too short');
  return `${entryType}.${hex2(record[1] ?? 0)}${hex2(record[2] ?? 0)}${hex2(record[3] ?? 0)}`;
}

/** `hvc1.<space><profile>.<compat>.<tier><level>.<constraint bytes>` from an HEVCDecoderConfigurationRecord. */
function hevcCodec(entryType: string, record: Uint8Array): string {
  if (record.length < 13) throw new Mp4FormatError('hvcC too short');
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  const byte1 = record[1] ?? 0;
  const space = ['', 'A', 'B', 'C'][byte1 >> 6] ?? '';
  const tier = byte1 & 0x20 ? 'H' : 'L';
  const profile = byte1 & 0x1f;
  const compat = reverseBits32(view.getUint32(2)).toString(16).toUpperCase();
  const constraints = Array.from(record.subarray(6, 12));
  // Trailing zero bytes are omitted (ISO/IEC 14496-15 E.3), but one byte is always written.
  while (constraints.length > 1 && constraints[constraints.length - 1] === 0) constraints.pop();
  const level = record[12] ?? 0;
  const constraintText = constraints.map((b) => hex2(b).toUpperCase()).join('.');
  return `${entryType}.${space}${profile}.${compat}.${tier}${level}.${constraintText}`;
}

/** Reads the first video track's codec string and coded size from a fragmented-MP4 init segment. */
export function readVideoTrackInfo(init: Uint8Array): VideoTrackInfo {
  const view = new DataView(init.buffer, init.byteOffset, init.byteLength);
  const mdia = child(init, child(init, child(init, null, 'moov'), 'trak'), 'mdia');
  const mdhd = child(init, mdia, 'mdhd');
  // mdhd: version/flags, then creation and modification times (4 bytes each in v0, 8 in v1), then timescale.
  const timescale = view.getUint32(mdhd.payload + ((init[mdhd.payload] ?? 0) === 1 ? 20 : 12));
  const stsd = child(init, child(init, child(init, mdia, 'minf'), 'stbl'), 'stsd');
  // stsd is a FullBox (4 bytes) with an entry count (4 bytes) before its sample entries.
  const [entry] = listBoxes(init, stsd.payload + 8, stsd.end);
  if (!entry) throw new Mp4FormatError('stsd has no sample entry');
  // VisualSampleEntry: 24 bytes of reserved/predefined fields, width, height, then 50 more before child boxes.
  const width = view.getUint16(entry.payload + 24);
  const height = view.getUint16(entry.payload + 26);
  const configs = listBoxes(init, entry.payload + 78, entry.end);
  const avcC = configs.find((b) => b.type === 'avcC');
  if ((entry.type === 'avc1' || entry.type === 'avc3') && avcC) {
    return { codec: avcCodec(entry.type, init.subarray(avcC.payload, avcC.end)), width, height, timescale };
  }
  const hvcC = configs.find((b) => b.type === 'hvcC');
  if ((entry.type === 'hvc1' || entry.type === 'hev1') && hvcC) {
    return { codec: hevcCodec(entry.type, init.subarray(hvcC.payload, hvcC.end)), width, height, timescale };
  }
  throw new Mp4FormatError(`unsupported sample entry ${entry.type}`);
}

/** Base media decode time (tfdt) of the first track fragment of a media segment, in timescale ticks. */
export function fragmentDecodeTime(segment: Uint8Array): bigint {
  const traf = child(segment, child(segment, null, 'moof'), 'traf');
  const tfdt = child(segment, traf, 'tfdt');
  const view = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
  return (segment[tfdt.payload] ?? 0) === 1
    ? view.getBigUint64(tfdt.payload + 4)
    : BigInt(view.getUint32(tfdt.payload + 4));
}

/** True when the bytes are one CMAF/fMP4 media segment: top-level boxes including a moof before an mdat. */
export function isMediaFragment(segment: Uint8Array): boolean {
  try {
    const types = listBoxes(segment).map((b) => b.type);
    const moof = types.indexOf('moof');
    return moof >= 0 && types.indexOf('mdat', moof) > moof;
  } catch (error) {
    if (error instanceof Mp4FormatError) return false;
    throw error;
  }
}
