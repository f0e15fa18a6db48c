import { EventEmitter } from 'node:events';
import { createCrashPolicy } from './crashPolicy';
import { watchWindowHealth } from './windowHealth';
import type { WatchedContents } from './windowHealth';

/** A WebContents stand-in with real events and a manual clock. */
function setup() {
  const emitter = new EventEmitter();
  const timers: Array<{ run: () => void; at: number; cleared: boolean }> = [];
  let clock = 0;
  const log: string[] = [];
  const contents = Object.assign(emitter, {
    reloads: 0,
    crashed: 0,
    reload() {
      this.reloads++;
    },
    forcefullyCrashRenderer() {
      this.crashed++;
    },
    isDestroyed: () => false,
  });
  watchWindowHealth(contents as unknown as WatchedContents, {
    policy: createCrashPolicy({ firstDelayMs: 1_000, maxDelayMs: 8_000, forgetAfterMs: 600_000 }),
    name: 'console',
    log: (m) => log.push(m),
    hangGraceMs: 10_000,
    now: () => clock,
    setTimer: (run, ms) => {
      const timer = { run, at: clock + ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  /** Moves the clock on, running the timers that come due. */
  const advance = (ms: number) => {
    clock += ms;
    for (const timer of timers.filter((t) => !t.cleared && t.at <= clock)) {
      timer.cleared = true;
      timer.run();
    }
  };
  const crash = (reason = 'crashed') => contents.emit('render-process-gone', {}, { reason, exitCode: 139 });
  return { contents, advance, crash, log };
}

describe('window health', () => {
  it('reloads a crashed window after the first wait, and logs it', () => {
    const { contents, advance, crash, log } = setup();
    crash();
    advance(999);
    expect(contents.reloads).toBe(0);
    advance(1);
    expect(contents.reloads).toBe(1);
    expect(log[0]).toMatch(/window console: renderer gone \(crashed, exit code 139\); reloading in 1000 ms/);
  });

  it('backs off after repeated crashes instead of looping', () => {
    const { contents, advance, crash, log } = setup();
    for (let i = 0; i < 5; i++) {
      crash();
      advance(10_000);
    }
    expect(contents.reloads).toBe(5);
    expect(log.map((l) => /in (\d+) ms/.exec(l)?.[1])).toEqual(['1000', '2000', '4000', '8000', '8000']);
  });

  it('does not reload a window that closed cleanly', () => {
    const { contents, advance, crash } = setup();
    crash('clean-exit');
    advance(60_000);
    expect(contents.reloads).toBe(0);
  });

  it('leaves a briefly hung window alone when it recovers', () => {
    const { contents, advance } = setup();
    contents.emit('unresponsive');
    advance(5_000);
    contents.emit('responsive');
    advance(60_000);
    expect(contents.crashed).toBe(0);
    expect(contents.reloads).toBe(0);
  });

  it('kills and reloads a window that stays hung', () => {
    const { contents, advance, log } = setup();
    contents.emit('unresponsive');
    advance(10_000);
    expect(contents.crashed).toBe(1);
    // The killed renderer reports itself gone; that must not schedule a second reload.
    contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    advance(1_000);
    expect(contents.reloads).toBe(1);
    expect(log.some((l) => /hung/.test(l))).toBe(true);
  });
});
