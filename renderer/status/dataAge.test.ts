import { describeConnection, formatAge } from './dataAge';

describe('formatAge', () => {
  it('gives seconds under a minute', () => {
    expect(formatAge(12_400)).toBe('12 s');
  });

  it('gives minutes and padded seconds under an hour', () => {
    expect(formatAge(4 * 60_000 + 5_000)).toBe('4 min 05 s');
  });

  it('gives hours and padded minutes beyond', () => {
    expect(formatAge(2 * 3_600_000 + 7 * 60_000)).toBe('2 h 07 min');
  });

  it('never goes negative when clocks step back', () => {
    expect(formatAge(-500)).toBe('0 s');
  });
});

describe('describeConnection', () => {
  it('says Live with no age while live', () => {
    expect(describeConnection({ status: 'live', dataAsOf: null }, 10_000)).toEqual({ status: 'Live', age: null });
  });

  it('gives the age of the data when not live', () => {
    expect(describeConnection({ status: 'reconnecting', dataAsOf: 1_000 }, 13_000)).toEqual({
      status: 'Reconnecting',
      age: 'data 12 s old',
    });
  });

  it('gives no age when there is no data yet', () => {
    expect(describeConnection({ status: 'connecting', dataAsOf: null }, 5_000).age).toBeNull();
  });
});
