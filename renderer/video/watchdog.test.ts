import {
  MAX_BACKOFF_MS,
  STALL_MS,
  START_MS,
  backoff,
  initialWatchdog,
  stepWatchdog,
  type WatchdogInput,
  type WatchdogState,
} from './watchdog';

function run(state: WatchdogState, inputs: WatchdogInput[]) {
  const actions: (string | null)[] = [];
  for (const input of inputs) {
    const next = stepWatchdog(state, input);
    state = next.state;
    actions.push(next.action);
  }
  return { state, actions };
}

describe('watchdog', () => {
  it('goes live on the first frame and stays quiet while frames advance', () => {
    const { state, actions } = run(initialWatchdog(0), [
      { type: 'progress', at: 500, position: 0.04 },
      { type: 'tick', at: 1_000 },
      { type: 'progress', at: 1_500, position: 1.0 },
      { type: 'tick', at: 1_500 + STALL_MS - 1 },
    ]);
    expect(state.phase).toBe('playing');
    expect(actions.every((a) => a === null)).toBe(true);
  });

  it('calls a frozen picture stalled within seconds, never live', () => {
    const { state, actions } = run(initialWatchdog(0), [
      { type: 'progress', at: 100, position: 1 },
      { type: 'tick', at: 100 + STALL_MS },
    ]);
    expect(state.phase).toBe('stalled');
    expect(actions).toEqual([null, 'recoverMedia']);
  });

  it('gives a new player longer for its first frame', () => {
    expect(stepWatchdog(initialWatchdog(0), { type: 'tick', at: START_MS - 1 }).action).toBeNull();
    expect(stepWatchdog(initialWatchdog(0), { type: 'tick', at: START_MS }).action).toBe('recoverMedia');
  });

  it('starts with the step that fits the error, then climbs the ladder with back-off', () => {
    const net = stepWatchdog(initialWatchdog(0), {
      type: 'error',
      at: 0,
      kind: 'network',
      fatal: true,
      detail: 'levelLoadError',
    });
    expect(net.action).toBe('reloadStream');
    // Before the back-off ends nothing more is tried, however often it is asked.
    expect(stepWatchdog(net.state, { type: 'tick', at: backoff(1) - 1 }).action).toBeNull();
    const { actions } = run(net.state, [
      { type: 'tick', at: backoff(1) },
      { type: 'tick', at: backoff(1) + backoff(2) },
      { type: 'tick', at: backoff(1) + backoff(2) + backoff(3) },
    ]);
    expect(actions).toEqual(['reloadStream', 'rebuildPlayer', 'rebuildPlayer']);
  });

  it('ignores non-fatal errors (hls.js handles them)', () => {
    expect(
      stepWatchdog(initialWatchdog(0), { type: 'error', at: 0, kind: 'media', fatal: false, detail: 'x' }).action,
    ).toBeNull();
  });

  it('lets low-latency HLS time out blocking playlist reloads while frames advance (hls.js retries them)', () => {
    const inputs: WatchdogInput[] = [{ type: 'progress', at: 0, position: 1 }];
    for (let i = 1; i <= 40; i++) {
      inputs.push({ type: 'error', at: i * 250, kind: 'network', fatal: false, detail: 'levelLoadTimeOut' });
      inputs.push({ type: 'progress', at: i * 250, position: 1 + i * 0.25 });
      if (i % 4 === 0) inputs.push({ type: 'tick', at: i * 250 });
    }
    const { state, actions } = run(initialWatchdog(0), inputs);
    expect(actions.every((a) => a === null)).toBe(true);
    expect(state.phase).toBe('playing');
  });

  it('never gives up: back-off is capped and attempts go on', () => {
    let state = stepWatchdog(initialWatchdog(0), {
      type: 'error',
      at: 0,
      kind: 'other',
      fatal: true,
      detail: 'x',
    }).state;
    let at = 0;
    let actions = 0;
    for (let i = 0; i < 200; i++) {
      at += MAX_BACKOFF_MS;
      const next = stepWatchdog(state, { type: 'tick', at });
      state = next.state;
      if (next.action) actions++;
    }
    expect(actions).toBe(200);
    expect(backoff(50)).toBe(MAX_BACKOFF_MS);
  });

  it('resets the ladder once frames advance again', () => {
    const stalled = stepWatchdog(initialWatchdog(0), {
      type: 'error',
      at: 0,
      kind: 'media',
      fatal: true,
      detail: 'x',
    }).state;
    const back = stepWatchdog(stalled, { type: 'progress', at: 2_000, position: 3 }).state;
    expect([back.phase, back.attempt, back.problem]).toEqual(['playing', 0, null]);
  });
});
