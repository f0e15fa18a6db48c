import { PART_MS, PARTS_PER_SEGMENT, type PartRef } from './liveSource';
import { lowLatencyPlaylist, type LowLatencyUris, type PlaylistSource } from './llPlaylist';
import { parseMediaPlaylist } from '../../test/support/m3u8';
import { newestPartAt } from './partTime';

const NOW = Date.parse('2026-11-25T09:30:07.400Z');
const SECOND = Math.floor(NOW / 1000);
const uris: LowLatencyUris = {
  init: (key) => `${key}/init.mp4`,
  segment: (key, msn) => `${key}/${msn}.m4s`,
  part: (key, ref) => `${key}/${ref.msn}.${ref.part}.m4s`,
};

/** A source on the clock, as a loop is: every part complete 200 ms after it starts, key frames at part 0. */
function clockSource(keyAt?: (msn: number) => string): PlaylistSource {
  return {
    key: () => 'k1',
    newestPart: (now) => newestPartAt(now),
    oldestSegment: () => 0,
    independent: (ref: PartRef) => ref.part === 0,
    partDurationMs: () => PART_MS,
    ...(keyAt ? { keyAt } : {}),
  };
}

const text = (now = NOW, source = clockSource(), extra = {}) =>
  lowLatencyPlaylist({ source, now, windowSegments: 6, uris, ...extra }) ?? '';
const parsed = (now = NOW, source = clockSource()) => parseMediaPlaylist(text(now, source));

describe('lowLatencyPlaylist', () => {
  it('declares the part target and blocking reload with the contract values', () => {
    const lines = text().split('\n');
    expect([
      lines.includes('#EXT-X-PART-INF:PART-TARGET=0.200'),
      lines.includes('#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0.6,HOLD-BACK=3.0'),
    ]).toEqual([true, true]);
  });

  it('holds parts back at least three part targets and segments three target durations (RFC 8216bis 4.4.3.8)', () => {
    const p = parsed();
    const control = p.serverControl ?? {};
    expect([
      // Tenths of a second, compared exactly (0.6 is not 3 x 0.2 in floating point).
      Math.round(Number(control['PART-HOLD-BACK']) * 10) >= 3 * Math.round((p.partTarget ?? Infinity) * 10),
      Number(control['HOLD-BACK']) >= 3 * (p.targetDuration ?? Infinity),
    ]).toEqual([true, true]);
  });

  it('ends the segments with the last complete second and lists the parts of the one in progress', () => {
    // 09:30:07.400: second 7 has two complete parts (0-200, 200-400 ms).
    const p = parsed();
    const inProgress = p.parts.filter((part) => part.sequence === SECOND);
    expect([p.segments.at(-1)?.sequence, inProgress.map((part) => part.uri)]).toEqual([
      SECOND - 1,
      [`k1/${SECOND}.0.m4s`, `k1/${SECOND}.1.m4s`],
    ]);
  });

  it('lists a part as soon as its 200 ms have elapsed, not before', () => {
    const lastUri = (now: number) => parsed(now).parts.at(-1)?.uri;
    expect([lastUri(SECOND * 1000 + 599), lastUri(SECOND * 1000 + 600)]).toEqual([
      `k1/${SECOND}.1.m4s`,
      `k1/${SECOND}.2.m4s`,
    ]);
  });

  it('hints the part after the last one listed', () => {
    expect(parsed().preloadHint).toEqual({ type: 'PART', uri: `k1/${SECOND}.2.m4s` });
  });

  it('hints part 0 of the next segment once a segment is complete, and lists that segment whole', () => {
    const p = parsed(SECOND * 1000 + 1000);
    expect([p.segments.at(-1)?.sequence, p.preloadHint?.uri]).toEqual([SECOND, `k1/${SECOND + 1}.0.m4s`]);
  });

  it('marks exactly the parts that start a second INDEPENDENT', () => {
    const p = parsed();
    expect(p.parts.filter((part) => part.independent).every((part) => part.index === 0)).toBe(true);
    expect(p.parts.filter((part) => part.index === 0).every((part) => part.independent)).toBe(true);
  });

  it('gives no part a DURATION over the PART-TARGET (RFC 8216bis 4.4.4.9)', () => {
    const p = parsed();
    expect(p.parts.every((part) => part.duration <= (p.partTarget ?? 0))).toBe(true);
  });

  it("makes a complete segment's parts add up to its EXTINF, in order", () => {
    const p = parsed();
    const segment = p.segments.at(-1);
    const parts = p.parts.filter((part) => part.sequence === segment?.sequence);
    expect([parts.map((part) => part.index), parts.reduce((sum, part) => sum + part.duration, 0)]).toEqual([
      [0, 1, 2, 3, 4],
      segment?.duration,
    ]);
  });

  it('lists parts only for segments within three target durations of the end', () => {
    const p = parsed();
    expect([...new Set(p.parts.map((part) => part.sequence))]).toEqual([SECOND - 2, SECOND - 1, SECOND]);
  });

  it('keeps every segment within the target duration', () => {
    const p = parsed();
    expect(p.segments.every((s) => s.duration <= (p.targetDuration ?? 0))).toBe(true);
  });

  it('lists the window of complete segments, dated by their wall second', () => {
    const p = parsed();
    expect(p.segments.map((s) => [s.sequence, s.programDateTime])).toEqual(
      Array.from({ length: 6 }, (_, i) => [SECOND - 6 + i, new Date((SECOND - 6 + i) * 1000).toISOString()]),
    );
  });

  it('writes a new EXT-X-MAP where the encoding changes, and names media by their encoding', () => {
    const p = parsed(
      NOW,
      clockSource((msn) => (msn < SECOND - 2 ? 'k1' : 'k2')),
    );
    expect([p.segments.map((s) => s.map), p.segments.at(-1)?.uri, p.parts.at(-1)?.uri, p.preloadHint?.uri]).toEqual([
      [...Array(4).fill('k1/init.mp4'), 'k2/init.mp4', 'k2/init.mp4'],
      `k2/${SECOND - 1}.m4s`,
      `k2/${SECOND}.1.m4s`,
      `k2/${SECOND}.2.m4s`,
    ]);
  });

  it('reports sibling renditions when given some', () => {
    const p = parseMediaPlaylist(
      text(NOW, clockSource(), { renditionReports: [{ uri: '../main/live.m3u8', lastMsn: SECOND, lastPart: 1 }] }),
    );
    expect(p.renditionReports).toEqual([{ uri: '../main/live.m3u8', lastMsn: SECOND, lastPart: 1 }]);
  });

  it('writes no rendition report without siblings', () => {
    expect(text()).not.toContain('EXT-X-RENDITION-REPORT');
  });

  it('is null while the source has no encoding', () => {
    expect(
      lowLatencyPlaylist({ source: { ...clockSource(), key: () => null }, now: NOW, windowSegments: 6, uris }),
    ).toBeNull();
  });

  it('starts at segment 0 just after the epoch', () => {
    const p = parsed(PART_MS * PARTS_PER_SEGMENT + PART_MS);
    expect([p.mediaSequence, p.segments.length, p.parts.length]).toEqual([0, 1, 6]);
  });
});
