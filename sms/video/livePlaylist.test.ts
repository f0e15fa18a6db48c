import type { LoopTimeline, MediaUris } from './livePlaylist';
import { livePlaylist, loopTimeline, segmentSource, vodPlaylist } from './livePlaylist';
import { parseMediaPlaylist } from './m3u8';

const uris: MediaUris = { init: 'v1/init.mp4', segment: (k) => `v1/${k}.m4s` };
const NOW = Date.parse('2026-11-25T09:30:07.400Z');
const SECOND = Math.floor(NOW / 1000);

const live = (now: number) => parseMediaPlaylist(livePlaylist({ now, uris, windowSegments: 6 }));

describe('livePlaylist', () => {
  it('ends with the last segment whose second has fully elapsed', () => {
    expect(live(NOW).segments.at(-1)?.uri).toBe(`v1/${SECOND - 1}.m4s`);
  });

  it('lists a segment as soon as its second ends', () => {
    expect(live(SECOND * 1000).segments.at(-1)?.uri).toBe(`v1/${SECOND - 1}.m4s`);
  });

  it('lists the window of complete segments', () => {
    expect(live(NOW).segments).toHaveLength(6);
  });

  it('numbers the first segment by its wall-clock second', () => {
    expect(live(NOW).mediaSequence).toBe(SECOND - 6);
  });

  it('names each segment by its absolute sequence number', () => {
    expect(live(NOW).segments.every((s) => s.uri === `v1/${s.sequence}.m4s`)).toBe(true);
  });

  it('stamps each segment with the start of the second it covers', () => {
    expect(live(NOW).segments.map((s) => s.programDateTime)).toEqual(
      Array.from({ length: 6 }, (_, i) => new Date((SECOND - 6 + i) * 1000).toISOString()),
    );
  });

  it('slides by one segment per second', () => {
    expect(live(NOW + 1000).mediaSequence - live(NOW).mediaSequence).toBe(1);
  });

  it('writes the fixed header for one-second fMP4 segments', () => {
    const p = live(NOW);
    expect([p.version, p.targetDuration, p.independentSegments, p.endList]).toEqual([6, 1, true, false]);
  });

  it('gives every segment the init segment', () => {
    expect(live(NOW).segments.every((s) => s.map === 'v1/init.mp4')).toBe(true);
  });

  it('has no discontinuity: the timeline is continuous across loop wraps', () => {
    expect(live(NOW).segments.some((s) => s.discontinuity)).toBe(false);
  });

  it('lists nothing before the first second since the epoch has ended', () => {
    expect(live(999).segments).toEqual([]);
  });
});

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

  it('serves the same segment URIs as live for the same seconds', () => {
    expect(parsed(NOW - 6000, NOW).segments.map((s) => s.uri)).toEqual(live(NOW).segments.map((s) => s.uri));
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
