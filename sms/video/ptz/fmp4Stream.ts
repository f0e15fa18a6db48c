// Cuts the fragmented MP4 an encoder writes to a pipe into its init segment and its fragments as
// the bytes arrive (chunks split boxes anywhere), and reads what the ring needs from each fragment:
// its decode time, duration, sample count and whether it starts with a key frame.
import { listBoxes, Mp4FormatError, type Mp4Box } from '../mp4Inspect';

/** What a fragment's moof says about it. */
export interface FragmentInfo {
  /** Base media decode time (tfdt), in timescale ticks. */
  decodeTime: bigint;
  /** Sum of its samples' durations, in timescale ticks. */
  duration: number;
  sampleCount: number;
  /** Whether its first sample is a sync sample (a key frame). */
  startsWithSync: boolean;
}

/** One unit cut from the stream. */
export type Fmp4Unit =
  { kind: 'init'; bytes: Uint8Array } | { kind: 'fragment'; bytes: Uint8Array; info: FragmentInfo };

/** Largest box accepted from an encoder: a 1 s key frame at our bitrates is well under 1 MB. */
export const MAX_BOX_BYTES = 8 * 1024 * 1024;

const TFHD = { baseOffset: 0x1, descriptionIndex: 0x2, duration: 0x8, size: 0x10, flags: 0x20 } as const;
const TRUN = { dataOffset: 0x1, firstFlags: 0x4, duration: 0x100, size: 0x200, flags: 0x400, cto: 0x800 } as const;
/** sample_is_non_sync_sample in a sample-flags word (ISO/IEC 14496-12 8.8.3.1). */
const NON_SYNC = 0x1_0000;

function only(buf: Uint8Array, parent: Mp4Box, type: string): Mp4Box {
  const found = listBoxes(buf, parent.payload, parent.end).find((b) => b.type === type);
  if (!found) throw new Mp4FormatError(`no ${type} box in ${parent.type}`);
  return found;
}

function need(box: Mp4Box, at: number, bytes: number): void {
  if (at + bytes > box.end) throw new Mp4FormatError(`${box.type} box too short`);
}

/** Reads a moof (its bytes start at `moof.start` in `buf`): one track fragment is all our encoder writes. */
export function readFragmentInfo(buf: Uint8Array, moof: Mp4Box): FragmentInfo {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const traf = only(buf, moof, 'traf');
  const tfhd = only(buf, traf, 'tfhd');
  const tfdt = only(buf, traf, 'tfdt');
  const trun = only(buf, traf, 'trun');

  need(tfhd, tfhd.payload, 8);
  const tfhdFlags = view.getUint32(tfhd.payload) & 0xff_ffff;
  let at = tfhd.payload + 8;
  if (tfhdFlags & TFHD.baseOffset) at += 8;
  if (tfhdFlags & TFHD.descriptionIndex) at += 4;
  let defaultDuration: number | null = null;
  let defaultFlags: number | null = null;
  if (tfhdFlags & TFHD.duration) {
    need(tfhd, at, 4);
    defaultDuration = view.getUint32(at);
    at += 4;
  }
  if (tfhdFlags & TFHD.size) at += 4;
  if (tfhdFlags & TFHD.flags) {
    need(tfhd, at, 4);
    defaultFlags = view.getUint32(at);
  }

  need(tfdt, tfdt.payload, 8);
  const v1 = buf[tfdt.payload] === 1;
  if (v1) need(tfdt, tfdt.payload, 12);
  const decodeTime = v1 ? view.getBigUint64(tfdt.payload + 4) : BigInt(view.getUint32(tfdt.payload + 4));

  need(trun, trun.payload, 8);
  const trunFlags = view.getUint32(trun.payload) & 0xff_ffff;
  const sampleCount = view.getUint32(trun.payload + 4);
  at = trun.payload + 8;
  if (trunFlags & TRUN.dataOffset) at += 4;
  let firstFlags: number | null = null;
  if (trunFlags & TRUN.firstFlags) {
    need(trun, at, 4);
    firstFlags = view.getUint32(at);
    at += 4;
  }
  const perSample =
    (trunFlags & TRUN.duration ? 4 : 0) +
    (trunFlags & TRUN.size ? 4 : 0) +
    (trunFlags & TRUN.flags ? 4 : 0) +
    (trunFlags & TRUN.cto ? 4 : 0);
  need(trun, at, perSample * sampleCount);
  let duration = 0;
  let sampleFlags: number | null = null;
  for (let i = 0; i < sampleCount; i++) {
    let field = at + i * perSample;
    if (trunFlags & TRUN.duration) {
      duration += view.getUint32(field);
      field += 4;
    } else {
      if (defaultDuration === null) throw new Mp4FormatError('fragment samples have no duration');
      duration += defaultDuration;
    }
    if (trunFlags & TRUN.size) field += 4;
    if (i === 0 && trunFlags & TRUN.flags) sampleFlags = view.getUint32(field);
  }
  const flags = firstFlags ?? sampleFlags ?? defaultFlags;
  // A fragment that says nothing about its first sample is not taken for a key frame.
  return { decodeTime, duration, sampleCount, startsWithSync: flags !== null && (flags & NON_SYNC) === 0 };
}

/** The timescale (ticks per second) the init segment's mdhd declares. */
export function initTimescale(init: Uint8Array): number {
  const view = new DataView(init.buffer, init.byteOffset, init.byteLength);
  const top = listBoxes(init);
  const moov = top.find((b) => b.type === 'moov');
  if (!moov) throw new Mp4FormatError('init segment has no moov');
  const mdhd = only(init, only(init, only(init, moov, 'trak'), 'mdia'), 'mdhd');
  const offset = mdhd.payload + (init[mdhd.payload] === 1 ? 20 : 12);
  need(mdhd, offset, 4);
  const timescale = view.getUint32(offset);
  if (timescale === 0) throw new Mp4FormatError('mdhd timescale is 0');
  return timescale;
}

/**
 * Incremental splitter: `push` whatever the pipe gave, get back the complete units. The init
 * segment is every box before the first moof; a fragment is a moof and the boxes up to the next
 * moof (its mdat). A trailing mfra (written at the encoder's end) is dropped. Throws Mp4FormatError
 * on a box larger than MAX_BOX_BYTES or a malformed one: the encoder is then not to be trusted.
 */
export class Fmp4Splitter {
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  /** Complete top-level boxes waiting for their group to end. */
  #group: Buffer[] = [];
  #groupIsFragment = false;
  #initSent = false;

  push(chunk: Uint8Array): Fmp4Unit[] {
    this.#pending.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.#pendingBytes += chunk.byteLength;
    const out: Fmp4Unit[] = [];
    for (;;) {
      const box = this.#nextBox();
      if (!box) return out;
      const type = box.toString('latin1', 4, 8);
      if (type === 'moof') {
        const done = this.#closeGroup();
        if (done) out.push(done);
        this.#groupIsFragment = true;
      } else if (type === 'mfra') {
        continue;
      }
      this.#group.push(box);
      // A fragment is complete with its mdat: emit it now instead of waiting for the next moof.
      if (this.#groupIsFragment && type === 'mdat') {
        const done = this.#closeGroup();
        if (done) out.push(done);
      }
    }
  }

  /** Bytes held waiting for the rest of a box (bounded by MAX_BOX_BYTES). */
  get bufferedBytes(): number {
    return this.#pendingBytes + this.#group.reduce((n, b) => n + b.length, 0);
  }

  #closeGroup(): Fmp4Unit | null {
    if (this.#group.length === 0) return null;
    const bytes = Buffer.concat(this.#group);
    this.#group = [];
    const wasFragment = this.#groupIsFragment;
    this.#groupIsFragment = false;
    if (!wasFragment) {
      if (this.#initSent) throw new Mp4FormatError('boxes outside a fragment after the init segment');
      this.#initSent = true;
      return { kind: 'init', bytes };
    }
    if (!this.#initSent) throw new Mp4FormatError('fragment before the init segment');
    const moof = listBoxes(bytes, 0, bytes.length)[0];
    if (!moof || moof.type !== 'moof') throw new Mp4FormatError('fragment does not start with moof');
    return { kind: 'fragment', bytes, info: readFragmentInfo(bytes, moof) };
  }

  /** Takes one complete top-level box off the pending bytes, or null when it has not all arrived. */
  #nextBox(): Buffer | null {
    if (this.#pendingBytes < 8) return null;
    if (this.#pending.length > 1) this.#pending = [Buffer.concat(this.#pending)];
    const head = this.#pending[0] as Buffer;
    let size = head.readUInt32BE(0);
    if (size === 1) {
      if (head.length < 16) return null;
      const large = head.readBigUInt64BE(8);
      if (large > BigInt(MAX_BOX_BYTES)) throw new Mp4FormatError(`box of ${large} bytes is too large`);
      size = Number(large);
    }
    if (size === 0) throw new Mp4FormatError('a box running to the end of a stream cannot be cut');
    if (size < 8) throw new Mp4FormatError(`box size ${size} is too small`);
    if (size > MAX_BOX_BYTES) throw new Mp4FormatError(`box of ${size} bytes is too large`);
    if (head.length < size) return null;
    const box = head.subarray(0, size);
    const rest = head.subarray(size);
    this.#pending = rest.length > 0 ? [rest] : [];
    this.#pendingBytes = rest.length;
    // A copy: the chunk the box came from may be large, and the ring keeps boxes for seconds.
    return Buffer.from(box);
  }
}
