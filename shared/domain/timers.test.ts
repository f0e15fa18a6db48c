import { ageText, formatDuration, targetClock } from './timers';
import { T0, minutes } from '../../test/support/records';

const created = new Date(T0).toISOString();

describe('grade timers', () => {
  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(61_999)).toBe('1:01');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });

  it('counts down to a Grade 1 target and warns in the last three minutes', () => {
    expect(targetClock({ grade: 1, createdAt: created, status: 'open' }, T0 + minutes(5))).toEqual({
      state: 'running',
      msLeft: minutes(10),
      text: '10:00',
      warning: false,
    });
    const late = targetClock({ grade: 1, createdAt: created, status: 'open' }, T0 + minutes(13));
    expect(late.state === 'running' && late.warning).toBe(true);
  });

  it('turns into a breach counter past the target', () => {
    expect(targetClock({ grade: 1, createdAt: created, status: 'dispatched' }, T0 + minutes(16)).text).toBe(
      'BREACH +1:00',
    );
  });

  it('says why there is no clock', () => {
    expect(targetClock({ grade: 1, createdAt: created, status: 'on_scene' }, T0).text).toBe('attended');
    expect(targetClock({ grade: 3, createdAt: created, status: 'open' }, T0).text).toBe('no target');
  });

  it('gives the age since a time', () => {
    expect(ageText(created, T0 + 90_000)).toBe('1:30');
  });
});
