import type { EventEnvelope } from '../../shared/protocol';

/** Events waiting longer than this mean the window is behind, and the status bar says so. */
export const BEHIND_AFTER_MS = 1_000;
/** Longest the applier works in one frame before leaving the rest for the next one. */
export const FRAME_BUDGET_MS = 8;
/** Events applied between looks at the clock (applying one costs microseconds). */
const CHUNK = 256;
/** A hidden window gets no animation frames: events are then applied on this timer. */
const FALLBACK_MS = 100;

/** What the frame applier drives. */
export interface FrameApplierOptions {
  /** Applies a run of events, in order, to the window's state. */
  apply(events: readonly EventEnvelope[]): void;
  /** Told how many events wait while the window is behind, and 0 once it has caught up. */
  onBehind(events: number): void;
  now?: () => number;
  /** Runs `callback` at the next frame (and not later than `FALLBACK_MS`); returns a cancel function. */
  schedule?: (callback: () => void) => () => void;
}

/** Applies events in batches, one batch per animation frame. */
export interface FrameApplier {
  /** Queues events that follow the ones queued before (validated, in order, without gaps). */
  enqueue(events: readonly EventEnvelope[]): void;
  /** `seq` of the last event queued, or undefined when nothing waits. */
  queuedSeq(): number | undefined;
  /** Applies everything queued now (before a snapshot reload, so nothing is lost or reordered). */
  flush(): void;
  /** Events waiting. */
  size(): number;
  dispose(): void;
}

/**
 * Collects the events that arrive between two frames and applies them together just before the
 * next one, so the window renders once per frame whatever the event rate (at most a frame of
 * added latency). When more arrive than a frame's budget can apply, the rest wait for the next
 * frame; once the oldest has waited over `BEHIND_AFTER_MS` the window reports how many wait
 * (`onBehind`) until it has caught up again: it is never silently behind.
 */
export function createFrameApplier(options: FrameApplierOptions): FrameApplier {
  const now = options.now ?? (() => performance.now());
  const schedule = options.schedule ?? scheduleFrame;
  // A ring would save the shifts; an array with a read position is as cheap and simpler.
  let queue: { event: EventEnvelope; at: number }[] = [];
  let head = 0;
  let cancel: (() => void) | null = null;
  let reported = 0;
  let disposed = false;

  const report = () => {
    const waiting = queue.length - head;
    const oldest = queue[head];
    const behind = oldest && now() - oldest.at > BEHIND_AFTER_MS ? waiting : 0;
    // Caught up, or newly behind, at once; the count itself changes at most once per frame here.
    if (behind !== reported) {
      reported = behind;
      options.onBehind(behind);
    }
  };

  const drain = (budgetMs: number) => {
    const started = now();
    while (head < queue.length) {
      const end = Math.min(queue.length, head + CHUNK);
      const batch: EventEnvelope[] = [];
      for (let i = head; i < end; i++) batch.push(queue[i]!.event);
      head = end;
      options.apply(batch);
      if (now() - started >= budgetMs) break;
    }
    if (head >= queue.length) {
      queue = [];
      head = 0;
    } else if (head > 4_096) {
      queue = queue.slice(head);
      head = 0;
    }
  };

  const frame = () => {
    cancel = null;
    if (disposed) return;
    drain(FRAME_BUDGET_MS);
    report();
    if (head < queue.length) cancel = schedule(frame);
  };

  return {
    enqueue(events) {
      if (disposed || events.length === 0) return;
      const at = now();
      for (const event of events) queue.push({ event, at });
      cancel ??= schedule(frame);
    },
    queuedSeq: () => (head < queue.length ? queue[queue.length - 1]!.event.seq : undefined),
    flush() {
      drain(Infinity);
      report();
    },
    size: () => queue.length - head,
    dispose() {
      disposed = true;
      cancel?.();
      cancel = null;
      queue = [];
      head = 0;
    },
  };
}

/** The next animation frame, or a short timer when the window gets none (hidden, minimised). */
function scheduleFrame(callback: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    if (frameId !== undefined) cancelAnimationFrame(frameId);
    clearTimeout(timer);
    callback();
  };
  const frameId = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : undefined;
  const timer = setTimeout(run, FALLBACK_MS);
  return () => {
    done = true;
    if (frameId !== undefined) cancelAnimationFrame(frameId);
    clearTimeout(timer);
  };
}
