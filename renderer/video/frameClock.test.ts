import { behindLive, pictureAgeMs, programDateAt, type DatedSegment } from './frameClock';

const T0 = Date.UTC(2026, 11, 3, 20, 0, 0);
const segments: DatedSegment[] = [
  { start: 10, programDateTime: T0 },
  { start: 11, programDateTime: T0 + 1_000 },
  { start: 12, programDateTime: T0 + 2_000 },
];

describe('programDateAt', () => {
  it('reads a frame inside a segment from that segment', () => {
    expect(programDateAt(segments, 11.48)).toBeCloseTo(T0 + 1_480, 6);
  });

  it('reads a frame of a part past the last whole segment by carrying the timeline on', () => {
    expect(programDateAt(segments, 13.4)).toBeCloseTo(T0 + 3_400, 6);
  });

  it('reads a frame before every listed segment from the earliest one', () => {
    expect(programDateAt(segments, 9.5)).toBeCloseTo(T0 - 500, 6);
  });

  it('does not depend on the order segments are given in, and skips undated ones', () => {
    const shuffled = [segments[2]!, { start: 11.5, programDateTime: null }, segments[0]!, segments[1]!];
    expect(programDateAt(shuffled, 11.75)).toBeCloseTo(T0 + 1_750, 6);
  });

  it('answers null with nothing dated, or for a media time that is not a number', () => {
    expect(programDateAt([], 1)).toBeNull();
    expect(programDateAt([{ start: 0, programDateTime: null }], 1)).toBeNull();
    expect(programDateAt(segments, Number.NaN)).toBeNull();
    expect(programDateAt(segments, Infinity)).toBeNull();
    expect(programDateAt([{ start: Number.NaN, programDateTime: T0 }], 1)).toBeNull();
  });
});

describe('pictureAgeMs', () => {
  it('is now minus the picture time, never below zero', () => {
    expect(pictureAgeMs(T0 + 800, T0)).toBe(800);
    expect(pictureAgeMs(T0, T0 + 30)).toBe(0);
    expect(pictureAgeMs(T0, null)).toBeNull();
  });
});

describe('behindLive', () => {
  it('says the delay in seconds to a tenth', () => {
    expect(behindLive(830)).toBe('0.8 s behind live');
    expect(behindLive(2_149)).toBe('2.1 s behind live');
    expect(behindLive(-5)).toBe('0.0 s behind live');
  });
});
