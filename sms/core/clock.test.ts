import { acceleratedClock } from './clock';

describe('acceleratedClock', () => {
  it('runs speed times faster than the wall clock', () => {
    let wall = 1_000;
    const clock = acceleratedClock(10, 0, () => wall);
    wall += 500;
    expect(clock()).toBe(6_000);
  });

  it('starts after times already journaled, so time never runs back across a restart', () => {
    let wall = 1_000;
    const clock = acceleratedClock(2, 50_000, () => wall);
    expect(clock()).toBe(50_000);
    wall += 10;
    expect(clock()).toBe(50_020);
  });
});
