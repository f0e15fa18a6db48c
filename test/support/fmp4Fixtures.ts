// Hand-made fragmented MP4 for the PTZ unit tests: just the boxes the splitter and ring read.

export function box(type: string, ...payload: Uint8Array[]): Buffer {
  const size = 8 + payload.reduce((n, p) => n + p.length, 0);
  const out = Buffer.alloc(size);
  out.writeUInt32BE(size, 0);
  out.write(type, 4, 'latin1');
  let at = 8;
  for (const p of payload) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function u32(...values: number[]): Uint8Array {
  const out = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => out.writeUInt32BE(v >>> 0, 4 * i));
  return out;
}

/** ftyp + moov/trak/mdia/mdhd declaring `timescale`. */
export function initSegment(timescale: number): Uint8Array {
  // mdhd v0: version/flags, creation, modification, timescale, duration, language, quality.
  const mdhd = box('mdhd', u32(0, 0, 0, timescale, 0, 0));
  return Buffer.concat([box('ftyp', Buffer.from('isom\0\0\0\x01')), box('moov', box('trak', box('mdia', mdhd)))]);
}

/** A moof + mdat of `samples` samples of `sampleDuration` ticks from `decodeTime`; the first is a key frame if `sync`. */
export function fragment(decodeTime: number, samples: number, sampleDuration: number, sync: boolean): Uint8Array {
  // tfhd: default-base-is-moof, default duration and default flags (every sample non-sync by default).
  const tfhd = box('tfhd', u32(0x02_0028, 1, sampleDuration, 0x0101_0000));
  const tfdt = box('tfdt', u32(0x0100_0000, 0, 0));
  tfdt.writeBigUInt64BE(BigInt(decodeTime), 12);
  // trun: data offset and first-sample flags present.
  const trun = box('trun', u32(0x0000_0005, samples, 0, sync ? 0x0200_0000 : 0x0101_0000));
  const moof = box('moof', box('mfhd', u32(0, 1)), box('traf', tfhd, tfdt, trun));
  return Buffer.concat([moof, box('mdat', Buffer.alloc(10 * samples, 7))]);
}
