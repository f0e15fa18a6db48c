import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { claimSingleInstance } from './singleInstance';

jest.mock('electron', () => ({}));

/** An `app` stand-in: whether the lock is free, real events, and whether it quit. */
function fakeApp(lockFree: boolean) {
  const events = new EventEmitter();
  const state = { quit: false };
  const app = {
    requestSingleInstanceLock: () => lockFree,
    on: (name: string, listener: () => void) => events.on(name, listener),
    quit: () => {
      state.quit = true;
    },
  } as unknown as Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>;
  return { app, events, state };
}

describe('single instance', () => {
  it('the first instance keeps running and focuses its windows when launched again', () => {
    const { app, events, state } = fakeApp(true);
    const focus = jest.fn();
    expect(claimSingleInstance(app, focus)).toBe(true);
    events.emit('second-instance');
    expect(focus).toHaveBeenCalledTimes(1);
    expect(state.quit).toBe(false);
  });

  it('a second instance quits at once', () => {
    const { app, state } = fakeApp(false);
    expect(claimSingleInstance(app, jest.fn())).toBe(false);
    expect(state.quit).toBe(true);
  });
});
