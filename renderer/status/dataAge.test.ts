import { catchingUpText, describeConnection, formatAge } from './dataAge';

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
    expect(describeConnection({ status: 'live', dataAsOf: null, behind: 0 }, 10_000)).toEqual({
      status: 'Live',
      age: null,
    });
  });

  it('gives the age of the data when not live', () => {
    expect(describeConnection({ status: 'reconnecting', dataAsOf: 1_000, behind: 0 }, 13_000)).toEqual({
      status: 'Reconnecting',
      age: 'data 12 s old',
    });
  });

  it('says how far behind a live window is while it catches up, and nothing once caught up', () => {
    expect(catchingUpText({ status: 'live', dataAsOf: null, behind: 1234 })).toBe('Catching up: 1,234 events behind');
    expect(catchingUpText({ status: 'live', dataAsOf: null, behind: 1 })).toBe('Catching up: 1 event behind');
    expect(catchingUpText({ status: 'live', dataAsOf: null, behind: 0 })).toBeNull();
  });

  it('gives no age when there is no data yet', () => {
    expect(describeConnection({ status: 'connecting', dataAsOf: null, behind: 0 }, 5_000).age).toBeNull();
  });
});
