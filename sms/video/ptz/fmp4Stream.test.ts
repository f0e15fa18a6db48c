import { Mp4FormatError } from '../mp4Inspect';
import { box, fragment, initSegment } from '../../../test/support/fmp4Fixtures';
import { Fmp4Splitter, initTimescale, MAX_BOX_BYTES, type Fmp4Unit } from './fmp4Stream';

const stream = Buffer.concat([initSegment(15360), fragment(0, 3, 1024, true), fragment(3072, 3, 1024, false)]);

function splitAll(chunkSize: number): Fmp4Unit[] {
  const splitter = new Fmp4Splitter();
  const units: Fmp4Unit[] = [];
  for (let at = 0; at < stream.length; at += chunkSize)
    units.push(...splitter.push(stream.subarray(at, at + chunkSize)));
  return units;
}

describe('Fmp4Splitter', () => {
  it.each([1, 7, 64, stream.length])('cuts init and fragments whatever the chunks (%i bytes)', (size) => {
    const units = splitAll(size);
    expect(units.map((u) => u.kind)).toEqual(['init', 'fragment', 'fragment']);
    const [init, first, second] = units;
    if (init?.kind !== 'init' || first?.kind !== 'fragment' || second?.kind !== 'fragment') throw new Error();
    expect(initTimescale(init.bytes)).toBe(15360);
    expect(first.info).toEqual({ decodeTime: 0n, duration: 3072, sampleCount: 3, startsWithSync: true });
    expect(second.info).toEqual({ decodeTime: 3072n, duration: 3072, sampleCount: 3, startsWithSync: false });
    expect(Buffer.concat(units.map((u) => u.bytes))).toEqual(stream);
  });

  it('emits a fragment as soon as its mdat is complete, not at the next moof', () => {
    const splitter = new Fmp4Splitter();
    expect(splitter.push(initSegment(90000))).toEqual([]);
    const units = splitter.push(fragment(0, 1, 3000, true));
    expect(units.map((u) => u.kind)).toEqual(['init', 'fragment']);
    expect(splitter.bufferedBytes).toBe(0);
  });

  it('drops the mfra an encoder writes at its end', () => {
    const splitter = new Fmp4Splitter();
    const units = splitter.push(Buffer.concat([stream, box('mfra', Buffer.alloc(8))]));
    expect(units).toHaveLength(3);
  });

  it('refuses a box larger than the bound without buffering it', () => {
    const splitter = new Fmp4Splitter();
    const header = Buffer.alloc(8);
    header.writeUInt32BE(MAX_BOX_BYTES + 1, 0);
    header.write('mdat', 4, 'latin1');
    expect(() => splitter.push(header)).toThrow(Mp4FormatError);
  });

  it.each([
    ['a box size below its header', Buffer.from([0, 0, 0, 3, 0x6d, 0x6f, 0x6f, 0x66])],
    ['a box running to the end of the stream', Buffer.from([0, 0, 0, 0, 0x6d, 0x64, 0x61, 0x74])],
    ['a fragment before any init segment', fragment(0, 1, 1, true)],
  ])('refuses %s', (_what, bytes) => {
    expect(() => new Fmp4Splitter().push(bytes)).toThrow(Mp4FormatError);
  });

  it('refuses a moof whose trun is cut short', () => {
    const splitter = new Fmp4Splitter();
    splitter.push(initSegment(1000));
    const traf = box(
      'traf',
      box('tfhd', Buffer.from([0, 0, 0, 0, 0, 0, 0, 1])),
      box('tfdt', Buffer.alloc(8)),
      box('trun', Buffer.from([0, 0, 0, 0])),
    );
    expect(() => splitter.push(Buffer.concat([box('moof', traf), box('mdat')]))).toThrow(Mp4FormatError);
  });
});
