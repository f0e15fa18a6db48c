import { londonTime } from './localTime';

describe('londonTime', () => {
  it('uses GMT in winter', () => {
    expect(londonTime(Date.parse('2026-01-14T23:30:00Z'))).toEqual({ hour: 23, weekday: 3 });
  });

  it('uses BST in summer, moving to the next day after 23:00 UTC', () => {
    expect(londonTime(Date.parse('2026-07-15T23:30:00Z'))).toEqual({ hour: 0, weekday: 4 });
  });
});
