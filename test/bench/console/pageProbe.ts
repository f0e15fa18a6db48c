/**
 * What the console bench measures inside the page, as a script evaluated there (a string, so the
 * product bundle carries none of it). `window.__consoleProbe`:
 * - `keys`: key-to-frame latency of each `j`: from the keydown event's `timeStamp` to the
 *   timestamp of the first animation frame after the queue's `aria-activedescendant` changed
 *   (a MutationObserver sees the DOM change; the next frame is when it can be on screen);
 * - `frames`: intervals between animation frames;
 * - `longTasks`: durations of long tasks (PerformanceObserver `longtask`, over 50 ms);
 * - `catchingUp`: how often the status bar said the window was behind ("Catching up").
 * `reset()` empties them between phases.
 */
export const PAGE_PROBE = `(() => {
  const listbox = document.querySelector('[role="listbox"][aria-label="Incident queue"]');
  if (!listbox) throw new Error('no incident queue');
  const s = (window.__consoleProbe = { keys: [], frames: [], longTasks: [], catchingUp: 0, missed: 0 });
  const pending = [];
  let changed = false;
  window.addEventListener('keydown', (e) => { if (e.key === 'j') pending.push(e.timeStamp); }, true);
  new MutationObserver(() => { changed = true; }).observe(listbox, { attributes: true, attributeFilter: ['aria-activedescendant'] });
  let last = performance.now();
  const loop = (t) => {
    s.frames.push(t - last);
    last = t;
    if (changed) {
      changed = false;
      const at = pending.shift();
      if (at !== undefined) s.keys.push(t - at);
      // Keys the window folded into one change (it fell a key behind) count at this frame too.
      while (pending.length > 0 && pending[0] < t - 5000) { s.missed += 1; pending.shift(); }
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => { for (const e of list.getEntries()) s.longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: false });
  const status = document.querySelector('[aria-label="Status"]');
  if (status) new MutationObserver(() => { if (/Catching up/.test(status.textContent || '')) s.catchingUp += 1; })
    .observe(status, { subtree: true, childList: true, characterData: true });
  s.reset = () => { s.keys = []; s.frames = []; s.longTasks = []; s.catchingUp = 0; s.missed = 0; };
})()`;

/** What the probe holds after a phase. */
export interface ProbeData {
  keys: number[];
  frames: number[];
  longTasks: number[];
  catchingUp: number;
  missed: number;
}
