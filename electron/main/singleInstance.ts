import type { App } from 'electron';

/**
 * One JCCR per workstation: two instances would open two sets of windows on the same displays
 * and fight over the session file. A second launch (a double-click on the desktop icon) exits
 * at once and the running instance brings its windows to the front instead.
 * Returns false when this process is the second instance and must quit.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>,
  focusRunning: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusRunning());
  return true;
}
