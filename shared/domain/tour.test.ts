import { MIN_DWELL_MS, tourPosition, wallTourPages } from './tour';

describe('tours', () => {
  const tour = { steps: ['a', 'b', 'c'], dwellMs: 10_000, startedAt: 1_000 };

  it('shows each step for the dwell, in order, and wraps', () => {
    expect([1_000, 10_999, 11_000, 21_000, 31_000].map((t) => tourPosition(tour, t)?.step)).toEqual([
      'a',
      'a',
      'b',
      'c',
      'a',
    ]);
  });

  it('says when the next step begins', () => {
    expect(tourPosition(tour, 12_345)).toEqual({ index: 1, count: 3, step: 'b', nextAt: 21_000 });
  });

  it('shows the first step before the start and nothing for an empty tour', () => {
    expect(tourPosition(tour, 0)?.step).toBe('a');
    expect(tourPosition({ ...tour, steps: [] }, 5_000)).toBeNull();
  });

  it('never dwells shorter than the minimum', () => {
    expect(tourPosition({ ...tour, dwellMs: 10 }, 1_000 + MIN_DWELL_MS - 1)?.step).toBe('a');
  });

  it('pages cameras for a wall tour', () => {
    expect(wallTourPages(['a', 'b', 'c', 'd', 'e'], 4)).toEqual([
      ['a', 'b', 'c', 'd'],
      ['e', null, null, null],
    ]);
  });
});
