import { isAfter, newestPartAt, partAt, partCompleteAt, partIndex, waitForClock } from './partTime';

describe('part times', () => {
  it('completes part j of segment k at k s + (j + 1) x 200 ms', () => {
    expect([partCompleteAt({ msn: 10, part: 0 }), partCompleteAt({ msn: 10, part: 4 })]).toEqual([10_200, 11_000]);
  });

  it('gives the newest complete part at a time', () => {
    expect([newestPartAt(10_199), newestPartAt(10_200), newestPartAt(11_000)]).toEqual([
      { msn: 9, part: 4 },
      { msn: 10, part: 0 },
      { msn: 10, part: 4 },
    ]);
  });

  it('has no part before the first 200 ms of the epoch end', () => {
    expect(newestPartAt(199)).toBeNull();
  });

  it('counts parts on one line', () => {
    expect([partIndex({ msn: 2, part: 3 }), partAt(13), isAfter({ msn: 3, part: 0 }, { msn: 2, part: 4 })]).toEqual([
      13,
      { msn: 2, part: 3 },
      true,
    ]);
  });
});

describe('waitForClock', () => {
  it('resolves at once when the time has come', async () => {
    await expect(waitForClock(() => 10, 10, 1000, new AbortController().signal)).resolves.toBe(true);
  });

  it('resolves false on abort', async () => {
    const controller = new AbortController();
    const waiting = waitForClock(() => 0, 10_000, 60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBe(false);
  });

  it('resolves false when the clock does not reach the time before the timeout', async () => {
    await expect(waitForClock(() => 0, 10_000, 20, new AbortController().signal)).resolves.toBe(false);
  });

  it('resolves true once a moving clock reaches the time', async () => {
    const start = Date.now();
    await expect(waitForClock(() => Date.now() - start, 30, 5_000, new AbortController().signal)).resolves.toBe(true);
  });
});
