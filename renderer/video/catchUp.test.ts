import { CATCH_UP, catchUpRate } from './catchUp';

const at = (latencyS: number, rate = 1, bufferAheadS = 0.8, targetS = 0.6) =>
  catchUpRate({ latencyS, targetS, bufferAheadS, rate });

describe('catchUpRate', () => {
  it('plays at normal speed at the target or ahead of it', () => {
    expect(at(0.6)).toBe(1);
    expect(at(0.7)).toBe(1);
    expect(at(0.4)).toBe(1);
  });

  it('speeds up gently when behind, never beyond the maximum', () => {
    expect(at(1.1)).toBeGreaterThan(1);
    expect(at(1.1)).toBeLessThanOrEqual(CATCH_UP.maxRate);
    expect(at(5)).toBe(CATCH_UP.maxRate);
  });

  it('keeps catching up until close to the target (no flapping around the start threshold)', () => {
    expect(at(0.7, 1)).toBe(1);
    expect(at(0.7, 1.05)).toBeGreaterThan(1);
    expect(at(0.62, 1.05)).toBe(1);
  });

  it('never speeds up with too little buffered (that would stall)', () => {
    expect(at(1.5, 1, 0.2)).toBe(1);
    expect(at(1.5, 1.1, 0.1)).toBe(1);
  });

  it('plays at normal speed on readings that are not numbers', () => {
    expect(at(Number.NaN)).toBe(1);
    expect(catchUpRate({ latencyS: 2, targetS: Number.NaN, bufferAheadS: 1, rate: 1 })).toBe(1);
    expect(at(Infinity)).toBe(1);
  });
});
