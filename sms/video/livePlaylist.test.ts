import type { LoopTimeline, MediaUris } from './livePlaylist';
import { discontinuityNumber, livePlaylist, loopIndex, loopTimeline, vodPlaylist } from './livePlaylist';
import { parseMediaPlaylist } from './m3u8';

const uris: MediaUris = { init: 'v1/init.mp4', segment: (k) => `v1/${k}.m4s` };
const timeline: LoopTimeline = { segmentCount: 10, phase: 3 };
const NOW = Date.parse('2026-11-25T09:30:07.400Z');
const SECOND = Math.floor(NOW / 1000);

const live = (now: number, t: LoopTimeline = timeline) =>
  parseMediaPlaylist(livePlaylist({ now, timeline: t, uris, windowSegments: 6 }));

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

  it('writes the fixed header for one-second fMP4 segments', () => {
    const p = live(NOW);
    expect([p.version, p.targetDuration, p.independentSegments, p.endList]).toEqual([6, 1, true, false]);
  });

  it('marks a discontinuity exactly where the loop wraps', () => {
    const p = live(NOW);
    expect(p.segments.map((s) => s.discontinuity)).toEqual(
      p.segments.map((s) => loopIndex(s.sequence, timeline) === 0),
    );
  });

  it('wraps the loop within the window', () => {
    // (SECOND - 6 + 7) mod 10 is 8 for this clock: the window crosses the end of the loop.
    const wrapping = { segmentCount: 10, phase: 7 };
    expect(live(NOW, wrapping).segments.map((s) => loopIndex(s.sequence, wrapping))).toEqual([8, 9, 0, 1, 2, 3]);
  });

  it('repeats the map after every discontinuity', () => {
    const text = livePlaylist({ now: NOW, timeline: { segmentCount: 2, phase: 0 }, uris, windowSegments: 6 });
    expect(text.match(/#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI="v1\/init.mp4"/g)).toHaveLength(3);
  });

  it('gives every listed segment the map', () => {
    expect(live(NOW, { segmentCount: 3, phase: 1 }).segments.every((s) => s.map === 'v1/init.mp4')).toBe(true);
  });

  it('gives each segment the same discontinuity sequence number in every refresh that lists it', () => {
    const seen = new Map<string, number>();
    const mismatches: string[] = [];
    for (let t = NOW; t < NOW + 30_000; t += 250) {
      for (const s of live(t).segments) {
        const before = seen.get(s.uri);
        if (before !== undefined && before !== s.discontinuitySequence) mismatches.push(s.uri);
        seen.set(s.uri, s.discontinuitySequence);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('numbers discontinuities by loop wraps, also when the window starts on a wrap', () => {
    // Choose the phase so that the first listed segment is loop file 0.
    const starting = loopTimeline(10, 10 - ((SECOND - 6) % 10));
    const p = live(NOW, starting);
    expect([p.segments[0]?.discontinuity, p.segments[0]?.discontinuitySequence]).toEqual([
      true,
      discontinuityNumber(SECOND - 6, starting),
    ]);
  });

  it('marks every segment of a one-segment loop as a discontinuity', () => {
    expect(live(NOW, { segmentCount: 1, phase: 0 }).segments.every((s) => s.discontinuity)).toBe(true);
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
  const vod = (f: number, t: number, now = NOW) => vodPlaylist({ from: f, to: t, now, timeline, uris });
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
    const recent = parsed(NOW - 6000, NOW);
    expect(recent.segments.map((s) => s.uri)).toEqual(live(NOW).segments.map((s) => s.uri));
  });

  it('keeps the discontinuity numbering of live', () => {
    const recent = parsed(NOW - 6000, NOW);
    expect(recent.segments.map((s) => s.discontinuitySequence)).toEqual(
      live(NOW).segments.map((s) => s.discontinuitySequence),
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
