import {
  fragmentDecodeTime,
  isMediaFragment,
  listBoxes,
  Mp4FormatError,
  readVideoTrackInfo,
  splitFragments,
  startsWithSyncSample,
} from './mp4Inspect';

/** An ISO-BMFF box with a 32-bit size header. */
function box(type: string, ...parts: Uint8Array[]): Uint8Array {
  const size = 8 + parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set(
    Array.from(type, (c) => c.charCodeAt(0)),
    4,
  );
  let at = 8;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const bytes = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

/** A minimal init segment whose single track has the given sample entry and decoder configuration. */
function initSegment(entryType: string, configType: string, config: Uint8Array, width: number, height: number) {
  const visual = new Uint8Array(78);
  const view = new DataView(visual.buffer);
  view.setUint16(24, width);
  view.setUint16(26, height);
  const entry = box(entryType, visual, box(configType, config));
  const stsd = box('stsd', bytes('0000000000000001'), entry);
  const mdhd = new Uint8Array(24);
  new DataView(mdhd.buffer).setUint32(12, 12800);
  const mdia = box('mdia', box('mdhd', mdhd), box('minf', box('stbl', stsd)));
  const trak = box('trak', box('tkhd', new Uint8Array(84)), mdia);
  return Uint8Array.from([
    ...box('ftyp', bytes('69736f3500000200')),
    ...box('moov', box('mvhd', new Uint8Array(100)), trak),
  ]);
}

// Decoder configuration records as x264 and x265 (ffmpeg 4.x static build) wrote them, cut after the fields read.
const X264_HIGH_31 = bytes('0164001fffe100186764001facb402802dd8088000000300');
const X264_CONSTRAINED_BASELINE_21 = bytes('0142c015ffe100176742c015da07823fac04400000030040');
const X265_MAIN_31 = bytes('0101600000009000000000005df000fcfdf8f800000f04a0');

describe('readVideoTrackInfo', () => {
  it('reads the H.264 High 3.1 codec string from avcC', () => {
    expect(readVideoTrackInfo(initSegment('avc1', 'avcC', X264_HIGH_31, 1280, 720)).codec).toBe('avc1.64001f');
  });

  it('keeps the constraint flags of Constrained Baseline', () => {
    const info = readVideoTrackInfo(initSegment('avc1', 'avcC', X264_CONSTRAINED_BASELINE_21, 480, 270));
    expect(info.codec).toBe('avc1.42c015');
  });

  it('reads the coded width and height from the sample entry', () => {
    const info = readVideoTrackInfo(initSegment('avc1', 'avcC', X264_HIGH_31, 1280, 720));
    expect([info.width, info.height]).toEqual([1280, 720]);
  });

  it('reads the media timescale from mdhd', () => {
    expect(readVideoTrackInfo(initSegment('avc1', 'avcC', X264_HIGH_31, 1280, 720)).timescale).toBe(12800);
  });

  it('builds the HEVC codec string with reversed compatibility flags and trimmed constraint bytes', () => {
    expect(readVideoTrackInfo(initSegment('hvc1', 'hvcC', X265_MAIN_31, 1280, 720)).codec).toBe('hvc1.1.6.L93.90');
  });

  it('prints the high tier and every non-zero constraint byte', () => {
    const record = bytes('0121600000009000000000b05df000');
    expect(readVideoTrackInfo(initSegment('hev1', 'hvcC', record, 1920, 1080)).codec).toBe(
      'hev1.1.6.H93.90.00.00.00.00.B0',
    );
  });

  it('refuses a sample entry it does not know', () => {
    expect(() => readVideoTrackInfo(initSegment('vp09', 'vpcC', bytes('01000000'), 640, 360))).toThrow(Mp4FormatError);
  });
});

describe('listBoxes', () => {
  it('lists top-level boxes in order', () => {
    const file = Uint8Array.from([...box('styp', bytes('00')), ...box('moof'), ...box('mdat', bytes('ffff'))]);
    expect(listBoxes(file).map((b) => b.type)).toEqual(['styp', 'moof', 'mdat']);
  });

  it('throws when a box claims more bytes than remain', () => {
    const file = box('moof', bytes('00000000'));
    new DataView(file.buffer).setUint32(0, 400);
    expect(() => listBoxes(file)).toThrow(Mp4FormatError);
  });
});

describe('isMediaFragment', () => {
  it('accepts styp, sidx, moof then mdat', () => {
    const segment = Uint8Array.from([...box('styp'), ...box('sidx'), ...box('moof'), ...box('mdat', bytes('00'))]);
    expect(isMediaFragment(segment)).toBe(true);
  });

  it('rejects an init segment', () => {
    expect(isMediaFragment(initSegment('avc1', 'avcC', X264_HIGH_31, 1280, 720))).toBe(false);
  });

  it('rejects bytes that are not ISO-BMFF', () => {
    expect(isMediaFragment(bytes('474011100042f025'))).toBe(false);
  });
});

describe('fragmentDecodeTime', () => {
  const tfdt = (version: number, time: bigint) => {
    const payload = new Uint8Array(version === 1 ? 12 : 8);
    const view = new DataView(payload.buffer);
    view.setUint8(0, version);
    if (version === 1) view.setBigUint64(4, time);
    else view.setUint32(4, Number(time));
    return box('tfdt', payload);
  };
  const fragment = (t: Uint8Array) => Uint8Array.from([...box('styp'), ...box('moof', box('traf', box('tfhd'), t))]);

  it('reads a 64-bit base media decode time', () => {
    expect(fragmentDecodeTime(fragment(tfdt(1, 22_983_251_443_200n)))).toBe(22_983_251_443_200n);
  });

  it('reads a 32-bit base media decode time', () => {
    expect(fragmentDecodeTime(fragment(tfdt(0, 38_400n)))).toBe(38_400n);
  });

  it('refuses a segment without a movie fragment', () => {
    expect(() => fragmentDecodeTime(box('mdat'))).toThrow(Mp4FormatError);
  });
});

/** A media fragment whose first sample's flags are written the way `how` says (as ffmpeg's mov muxer does). */
function fragment(how: 'first' | 'default' | 'none', nonSync: boolean, decodeTime = 0): Uint8Array {
  const flags = nonSync ? '00010000' : '02000000';
  // tfhd: flags 0x020000 (default-base-is-moof), plus 0x20 (default sample flags) when asked.
  const tfhd = how === 'default' ? bytes(`00020020` + '00000001' + flags) : bytes('00020000' + '00000001');
  // trun: data offset (0x1), plus first-sample flags (0x4) when asked; one sample.
  const trun =
    how === 'first' ? bytes('00000005' + '00000001' + '00000000' + flags) : bytes('00000001' + '00000001' + '00000000');
  const tfdt = bytes('01000000' + decodeTime.toString(16).padStart(16, '0'));
  const moof = box(
    'moof',
    box('mfhd', bytes('0000000000000001')),
    box('traf', box('tfhd', tfhd), box('tfdt', tfdt), box('trun', trun)),
  );
  return Uint8Array.from([...moof, ...box('mdat', bytes('00'))]);
}

describe('startsWithSyncSample', () => {
  it.each([
    ['first-sample flags', 'first'],
    ['default sample flags', 'default'],
  ] as const)('reads a key frame from the %s', (_name, how) => {
    expect([startsWithSyncSample(fragment(how, false)), startsWithSyncSample(fragment(how, true))]).toEqual([
      true,
      false,
    ]);
  });

  it('does not call a fragment independent when it says nothing of its first sample', () => {
    expect(startsWithSyncSample(fragment('none', false))).toBe(false);
  });
});

describe('splitFragments', () => {
  const init = initSegment('avc1', 'avcC', bytes('0164001fffe1'), 1280, 720);
  const file = Uint8Array.from([
    ...init,
    ...fragment('first', false, 0),
    ...fragment('first', true, 2560),
    ...box('mfra'),
  ]);

  it('cuts the init segment and each moof+mdat, leaving out the trailing mfra', () => {
    const split = splitFragments(file);
    expect([split.init.length, split.fragments.map((f) => fragmentDecodeTime(f))]).toEqual([init.length, [0n, 2560n]]);
  });

  it('refuses a file without fragments', () => {
    expect(() => splitFragments(init)).toThrow(Mp4FormatError);
  });
});
