import type { LoopManifest } from './encoder';
import type { LoopLibrary } from './loopLibrary';
import { LoopLiveSource } from './loopSource';

const NOW = Date.parse('2026-11-25T09:30:07.400Z');
const SECOND = Math.floor(NOW / 1000);

function manifest(key: string, rendition: 'full' | 'quick', cameraId = 'cam-1'): LoopManifest {
  const segmentCount = rendition === 'quick' ? 2 : 10;
  return {
    format: 3,
    key,
    cameraId,
    profile: 'sub',
    rendition,
    loopSeconds: segmentCount,
    segmentCount,
    fps: 15,
    codec: 'avc1.42c015',
    width: 480,
    height: 270,
    timescale: 15360,
    initBytes: 700,
    segmentBytes: Array(segmentCount).fill(5000),
    partBytes: Array(segmentCount).fill([1000, 1000, 1000, 1000, 1000]),
    peakBitsPerSecond: 40000,
    encodeMs: 1,
    encodedAt: '2026-11-25T09:00:00.000Z',
  };
}

function source(now = NOW) {
  // The library is not read by the methods under test.
  const ctx = { library: {} as LoopLibrary, cacheDir: '/nowhere', now: () => now, windowSegments: 6 };
  return new LoopLiveSource(ctx, 'cam-1', 'sub');
}

describe('LoopLiveSource', () => {
  it('has no key and no newest part before any encoding is adopted', () => {
    const s = source();
    expect([s.key(), s.newestPart(NOW)]).toEqual([null, null]);
  });

  it('serves its first encoding for every segment', () => {
    const s = source();
    s.adopt(manifest('aaaaaaaaaaaaaaaa', 'quick'), NOW);
    expect([s.keyAt(0), s.keyAt(SECOND), s.key()]).toEqual([
      'aaaaaaaaaaaaaaaa',
      'aaaaaaaaaaaaaaaa',
      'aaaaaaaaaaaaaaaa',
    ]);
  });

  it('switches to a new encoding from the segment after the one in progress, never one already listed', () => {
    const s = source();
    s.adopt(manifest('aaaaaaaaaaaaaaaa', 'quick'), NOW);
    s.adopt(manifest('bbbbbbbbbbbbbbbb', 'full'), NOW);
    expect([s.keyAt(SECOND), s.keyAt(SECOND + 1), s.keyAt(SECOND + 2)]).toEqual([
      'aaaaaaaaaaaaaaaa',
      'aaaaaaaaaaaaaaaa',
      'bbbbbbbbbbbbbbbb',
    ]);
  });

  it('changes nothing when the current encoding is adopted again', () => {
    const s = source();
    s.adopt(manifest('aaaaaaaaaaaaaaaa', 'full'), NOW);
    s.adopt(manifest('aaaaaaaaaaaaaaaa', 'full'), NOW + 60_000);
    expect(s.keyAt(SECOND)).toBe('aaaaaaaaaaaaaaaa');
  });

  it("refuses another camera's loop", () => {
    expect(() => source().adopt(manifest('cccccccccccccccc', 'full', 'cam-2'), NOW)).toThrow(RangeError);
  });

  it('marks the first part of each second independent', () => {
    const s = source();
    expect([0, 1, 4].map((part) => s.independent({ msn: SECOND, part }))).toEqual([true, false, false]);
  });
});
