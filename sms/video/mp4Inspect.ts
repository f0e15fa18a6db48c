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

/** A fragmented MP4 file cut at its box boundaries: the init segment, then each moof+mdat fragment. */
export interface SplitFragments {
  /** Every box before the first moof (ftyp, moov). */
  init: Uint8Array;
  /** One entry per moof, holding it and every box up to the next moof except a trailing mfra. */
  fragments: Uint8Array[];
}

/**
 * Cuts a fragmented MP4 (ffmpeg's mp4 muxer with empty_moov) into its init segment and fragments.
 * Each fragment is self-contained only if the muxer wrote default-base-is-moof (the recipe asks for it).
 */
export function splitFragments(file: Uint8Array): SplitFragments {
  const boxes = listBoxes(file);
  const firstMoof = boxes.findIndex((b) => b.type === 'moof');
  if (firstMoof < 1) throw new Mp4FormatError('no init boxes before the first moof, or no moof at all');
  const init = file.subarray(0, boxes[firstMoof]?.start ?? 0);
  const fragments: Uint8Array[] = [];
  let start = -1;
  let end = -1;
  for (const box of boxes.slice(firstMoof)) {
    // The random-access index at the end describes the whole file; it belongs to no fragment.
    if (box.type === 'mfra') continue;
    if (box.type === 'moof') {
      if (start >= 0) fragments.push(file.subarray(start, end));
      start = box.start;
    }
    end = box.end;
  }
  if (start >= 0) fragments.push(file.subarray(start, end));
  for (const [index, fragment] of fragments.entries()) {
    if (!isMediaFragment(fragment)) throw new Mp4FormatError(`fragment ${index} has no mdat after its moof`);
  }
  return { init, fragments };
}

/** tfhd flag: default-sample-flags present. */
const TFHD_DEFAULT_FLAGS = 0x20;
/** trun flags: data-offset, first-sample-flags, per-sample duration, size, flags. */
const TRUN = { dataOffset: 0x1, firstFlags: 0x4, duration: 0x100, size: 0x200, flags: 0x400 } as const;
/** sample_is_non_sync_sample in a sample-flags word (ISO/IEC 14496-12 8.8.3.1). */
const NON_SYNC = 0x1_0000;

/**
 * Whether the first sample of a media fragment is a sync sample (a key frame): its flags come from
 * the trun's first-sample flags, else its own per-sample flags, else the tfhd's default flags. A
 * fragment that says nothing about its first sample is not treated as independent.
 */
export function startsWithSyncSample(fragment: Uint8Array): boolean {
  const view = new DataView(fragment.buffer, fragment.byteOffset, fragment.byteLength);
  const traf = child(fragment, child(fragment, null, 'moof'), 'traf');
  const tfhd = child(fragment, traf, 'tfhd');
  const trun = child(fragment, traf, 'trun');
  const tfhdFlags = view.getUint32(tfhd.payload) & 0xff_ffff;
  let defaultFlags: number | null = null;
  if (tfhdFlags & TFHD_DEFAULT_FLAGS) {
    // tfhd: version/flags, track_ID, then optional base offset (8), description index (4),
    // default duration (4), default size (4), default flags (4), each present by its flag bit.
    let at = tfhd.payload + 8;
    if (tfhdFlags & 0x1) at += 8;
    if (tfhdFlags & 0x2) at += 4;
    if (tfhdFlags & 0x8) at += 4;
    if (tfhdFlags & 0x10) at += 4;
    defaultFlags = view.getUint32(at);
  }
  const trunFlags = view.getUint32(trun.payload) & 0xff_ffff;
  // trun: version/flags, sample_count, optional data_offset, optional first_sample_flags, then samples.
  let at = trun.payload + 8;
  if (trunFlags & TRUN.dataOffset) at += 4;
  let flags: number | null;
  if (trunFlags & TRUN.firstFlags) {
    flags = view.getUint32(at);
  } else if (trunFlags & TRUN.flags) {
    if (trunFlags & TRUN.duration) at += 4;
    if (trunFlags & TRUN.size) at += 4;
    flags = view.getUint32(at);
  } else {
    flags = defaultFlags;
  }
  return flags !== null && (flags & NON_SYNC) === 0;
}
