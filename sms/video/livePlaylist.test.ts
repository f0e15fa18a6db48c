import type { LoopTimeline, MediaUris } from './livePlaylist';
import { loopTimeline, segmentSource, vodPlaylist } from './livePlaylist';
import { parseMediaPlaylist } from '../../test/support/m3u8';

const uris: MediaUris = { init: 'v1/init.mp4', segment: (k) => `v1/${k}.m4s` };
const NOW = Date.parse('2026-11-25T09:30:07.400Z');
const SECOND = Math.floor(NOW / 1000);

describe('segmentSource', () => {
  const timeline: LoopTimeline = { segmentCount: 10, phase: 3 };

  it('plays the loop files in order, offset by the phase', () => {
    expect([100, 101, 102].map((k) => segmentSource(k, timeline).loopIndex)).toEqual([3, 4, 5]);
  });

  it('wraps to the first loop file after the last', () => {
    expect([106, 107, 108].map((k) => segmentSource(k, timeline).loopIndex)).toEqual([9, 0, 1]);
  });

  it('moves each loop file so that it starts at its wall second', () => {
    const { loopIndex, shiftSeconds } = segmentSource(1_795_566_594, timeline);
    expect(loopIndex + shiftSeconds).toBe(1_795_566_594);
  });
});

describe('loopTimeline', () => {
  it('reduces the phase seed to a loop index', () => {
    expect(loopTimeline(10, 4_000_000_007)).toEqual({ segmentCount: 10, phase: 7 });
  });

  it('refuses an empty loop', () => {
    expect(() => loopTimeline(0, 1)).toThrow(RangeError);
  });
});

describe('vodPlaylist', () => {
  const from = Date.parse('2026-11-25T09:00:00.250Z');
  const to = Date.parse('2026-11-25T09:00:10.500Z');
  const vod = (f: number, t: number, now = NOW) => vodPlaylist({ from: f, to: t, now, uris });
  const parsed = (f: number, t: number, now = NOW) => parseMediaPlaylist(vod(f, t, now) ?? '');

  it('covers every second the range touches', () => {
    expect(parsed(from, to).segments.map((s) => s.programDateTime)).toEqual(
      Array.from({ length: 11 }, (_, i) => new Date(Math.floor(from / 1000) * 1000 + i * 1000).toISOString()),
    );
  });

  it('ends the list and declares it VOD', () => {
    const p = parsed(from, to);
    expect([p.endList, p.playlistType]).toEqual([true, 'VOD']);
  });

  it('starts playback at the requested instant inside the first segment', () => {
    expect(parsed(from, to).startOffset).toBe(0.25);
  });

  it('names segments by their wall second, as the live playlist does', () => {
    expect(parsed(NOW - 3000, NOW).segments.map((s) => s.uri)).toEqual(
      [SECOND - 3, SECOND - 2, SECOND - 1].map((k) => `v1/${k}.m4s`),
    );
  });

  it('stops at the last complete segment when the range reaches past now', () => {
    expect(parsed(NOW - 3000, NOW + 60_000).segments.at(-1)?.uri).toBe(`v1/${SECOND - 1}.m4s`);
  });

  it('is null for a range with no complete segment', () => {
    expect(vod(NOW, NOW + 60_000)).toBeNull();
  });

  it('is null for an empty range', () => {
    expect(vod(to, from)).toBeNull();
  });
});
