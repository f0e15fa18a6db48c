import { TaskQueue } from './timers';

describe('TaskQueue', () => {
  it('returns tasks in time order', () => {
    const q = new TaskQueue<string>();
    for (const [at, name] of [
      [30, 'c'],
      [10, 'a'],
      [20, 'b'],
    ] as const)
      q.schedule(at, name);
    expect([q.popDue(100), q.popDue(100), q.popDue(100)]).toEqual(['a', 'b', 'c']);
  });

  it('keeps tasks due later', () => {
    const q = new TaskQueue<string>();
    q.schedule(50, 'later');
    expect(q.popDue(49)).toBeUndefined();
  });

  it('returns tasks due at the same time in scheduling order', () => {
    const q = new TaskQueue<number>();
    for (let i = 0; i < 20; i++) q.schedule(5, i);
    const out = Array.from({ length: 20 }, () => q.popDue(5));
    expect(out).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
