import type { CrashPolicy } from './crashPolicy';

/** What the health watch needs of a BrowserWindow's WebContents (so tests can fake it). */
export interface WatchedContents {
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
  ): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  reload(): void;
  forcefullyCrashRenderer(): void;
  isDestroyed(): boolean;
}

export interface HealthOptions {
  policy: CrashPolicy;
  /** Name of the window in the log (its role). */
  name: string;
  log: (message: string) => void;
  /** How long a hung page gets to recover by itself before it is killed and reloaded. */
  hangGraceMs?: number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Brings a window back after its renderer crashed (`render-process-gone`) or hung
 * (`unresponsive` for longer than the grace period): it is reloaded after the policy's wait,
 * on the same URL, so it returns to its role, its session (kept by main) and its panes.
 */
export function watchWindowHealth(contents: WatchedContents, options: HealthOptions): void {
  const {
    policy,
    name,
    log,
    hangGraceMs = 15_000,
    now = Date.now,
    setTimer = (run, ms) => setTimeout(run, ms),
    clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  } = options;
  let hang: unknown = null;
  let reloadPending = false;

  const scheduleReload = (why: string) => {
    if (reloadPending) return;
    const { delayMs, recentCrashes } = policy.onCrash(now());
    reloadPending = true;
    log(`window ${name}: ${why}; reloading in ${delayMs} ms (crash ${recentCrashes} in the recent past)`);
    setTimer(() => {
      reloadPending = false;
      if (!contents.isDestroyed()) contents.reload();
    }, delayMs);
  };

  contents.on('render-process-gone', (_event, details) => {
    // A clean exit is the window closing, not a crash.
    if (details.reason === 'clean-exit') return;
    scheduleReload(`renderer gone (${details.reason}, exit code ${details.exitCode})`);
  });
  contents.on('unresponsive', () => {
    if (hang !== null) return;
    log(`window ${name}: not responding; waiting ${hangGraceMs} ms before reloading`);
    hang = setTimer(() => {
      hang = null;
      if (contents.isDestroyed()) return;
      // The renderer is stuck in a loop: kill it; `render-process-gone` then reloads it.
      contents.forcefullyCrashRenderer();
      scheduleReload('hung');
    }, hangGraceMs);
  });
  contents.on('responsive', () => {
    if (hang === null) return;
    clearTimer(hang);
    hang = null;
    log(`window ${name}: responding again`);
  });
}
