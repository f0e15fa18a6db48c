import { PartRing, type TimedFragment } from './partRing';

const T = 1_800_000_000_000; // a whole second of wall time
const frag = (startMs: number, durationMs: number, sync = false, size = 100): TimedFragment => ({
  bytes: Buffer.alloc(size, startMs % 256),
  startMs,
  durationMs,
  startsWithSync: sync,
});
/** n parts of 200 ms from `from`, a key frame at each whole second. */
function fill(ring: PartRing, from: number, n: number, size = 100): void {
  for (let i = 0; i < n; i++) {
    const start = from + i * 200;
    expect(ring.add(frag(start, 200, start % 1000 === 0, size)).ok).toBe(true);
  }
}

describe('PartRing', () => {
  it('waits for a key frame at a segment start before filing anything', () => {
    const ring = new PartRing({ maxSegments: 4, maxBytes: 1e6 });
    expect(ring.add(frag(T + 200, 200, true))).toEqual({ ok: false, why: 'waiting_for_key' });
    expect(ring.add(frag(T + 1000, 200, false))).toEqual({ ok: false, why: 'waiting_for_key' });
    expect(ring.add(frag(T + 1000, 200, true))).toEqual({ ok: true, completed: [{ msn: T / 1000 + 1, part: 0 }] });
    expect(ring.oldestSegment()).toBe(T / 1000 + 1);
  });

  it('files fragments into the wall clock parts they start in; a part is complete when covered', () => {
    const ring = new PartRing({ maxSegments: 4, maxBytes: 1e6 });
    const msn = T / 1000;
    expect(ring.add(frag(T, 100, true)).ok).toBe(true);
    expect(ring.newestComplete()).toBeNull();
    expect(ring.add(frag(T + 100, 100))).toEqual({ ok: true, completed: [{ msn, part: 0 }] });
    expect(ring.get({ msn, part: 0 })).toMatchObject({ independent: true, complete: true, bytes: 200 });
    fill(ring, T + 200, 4);
    expect(ring.newestComplete()).toEqual({ msn, part: 4 });
    expect(ring.get({ msn, part: 1 })?.independent).toBe(false);
    expect(ring.segment(msn)?.length).toBe(600);
    expect(ring.segment(msn + 1)).toBeNull();
  });

  it('completes a part when the next one begins, even if its fragments fell short of its end', () => {
    const ring = new PartRing({ maxSegments: 4, maxBytes: 1e6 });
    ring.add(frag(T, 150, true));
    const next = ring.add(frag(T + 150, 50));
    expect(next).toEqual({ ok: true, completed: [{ msn: T / 1000, part: 0 }] });
  });

  it.each([
    ['a gap', frag(T + 400, 200), 'discontinuity'],
    ['an overlap', frag(T + 100, 100), 'discontinuity'],
    ['a fragment across two parts', frag(T + 200, 300), 'misaligned'],
  ])('refuses %s', (_what, bad, why) => {
    const ring = new PartRing({ maxSegments: 4, maxBytes: 1e6 });
    fill(ring, T, 1);
    expect(ring.add(bad)).toEqual({ ok: false, why });
  });

  it('keeps at most maxSegments whole segments', () => {
    const ring = new PartRing({ maxSegments: 3, maxBytes: 1e9 });
    fill(ring, T, 5 * 10);
    expect(ring.oldestSegment()).toBe(T / 1000 + 7);
    expect(ring.newestComplete()).toEqual({ msn: T / 1000 + 9, part: 4 });
    expect(ring.get({ msn: T / 1000 + 6, part: 4 })).toBeUndefined();
    expect(ring.bytes).toBe(3 * 5 * 100);
  });

  it('keeps at most maxBytes, dropping whole segments from the oldest but never the newest', () => {
    const ring = new PartRing({ maxSegments: 30, maxBytes: 2_500 });
    fill(ring, T, 5 * 10, 100);
    expect(ring.bytes).toBeLessThanOrEqual(2_500);
    expect(ring.oldestSegment()).toBe(T / 1000 + 5);
    const big = new PartRing({ maxSegments: 30, maxBytes: 1_000 });
    fill(big, T, 5 * 3, 300);
    // The newest segment alone is over the bound: it stays, everything older goes.
    expect(big.oldestSegment()).toBe(T / 1000 + 2);
    expect(big.add(frag(T + 3000, 200, true, 1_001))).toEqual({ ok: false, why: 'too_large' });
  });

  it('refuses limits that could not hold a playlist', () => {
    expect(() => new PartRing({ maxSegments: 1, maxBytes: 1e6 })).toThrow(RangeError);
    expect(() => new PartRing({ maxSegments: 4, maxBytes: Number.NaN })).toThrow(RangeError);
  });
});
