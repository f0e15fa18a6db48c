/**
 * What the console bench measures inside the page, as a script evaluated there (a string, so the
 * product bundle carries none of it). `window.__consoleProbe`:
 * - `keys`: key-to-frame latency of each `j`: from the keydown event's `timeStamp` to the
 *   timestamp of the first animation frame at which the queue's `aria-activedescendant` differs
 *   from what it was when the key went down (a MutationObserver sees the DOM change; the next
 *   frame is when it can be on screen). Keys the window folded into one change all resolve at
 *   that frame; a key that changed nothing (the end of the queue) is dropped after 5 s (`missed`);
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
  const current = () => listbox.getAttribute('aria-activedescendant');
  // Capture phase: before the queue's own handler moves the selection.
  window.addEventListener('keydown', (e) => { if (e.key === 'j') pending.push({ at: e.timeStamp, before: current() }); }, true);
  new MutationObserver(() => { changed = true; }).observe(listbox, { attributes: true, attributeFilter: ['aria-activedescendant'] });
  let last = performance.now();
  const loop = (t) => {
    s.frames.push(t - last);
    last = t;
    if (changed) {
      changed = false;
      const now = current();
      for (let i = pending.length - 1; i >= 0; i--) {
        if (pending[i].before !== now) { s.keys.push(t - pending[i].at); pending.splice(i, 1); }
      }
    }
    while (pending.length > 0 && pending[0].at < t - 5000) { s.missed += 1; pending.shift(); }
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
