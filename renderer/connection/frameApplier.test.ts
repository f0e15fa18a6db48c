import type { EventEnvelope } from '../../shared/protocol';
import { BEHIND_AFTER_MS, createFrameApplier } from './frameApplier';

const ev = (seq: number) =>
  ({ seq, type: 'unit.positions', at: '', payload: { positions: [] } }) as unknown as EventEnvelope;

function harness(costMs = 0) {
  let t = 0;
  const frames: (() => void)[] = [];
  const applied: number[][] = [];
  const behind: number[] = [];
  const applier = createFrameApplier({
    apply: (events) => {
      applied.push(events.map((e) => e.seq));
      t += costMs * events.length;
    },
    onBehind: (n) => behind.push(n),
    now: () => t,
    schedule: (callback) => {
      frames.push(callback);
      return () => frames.splice(frames.indexOf(callback), 1);
    },
  });
  const frame = () => frames.shift()?.();
  return { applier, applied, behind, frame, frames, advance: (ms: number) => (t += ms) };
}

describe('frame applier', () => {
  it('applies everything that arrived between two frames as one batch at the next frame', () => {
    const h = harness();
    h.applier.enqueue([ev(1)]);
    h.applier.enqueue([ev(2), ev(3)]);
    expect(h.applied).toEqual([]);
    expect(h.applier.queuedSeq()).toBe(3);
    expect(h.frames).toHaveLength(1);
    h.frame();
    expect(h.applied).toEqual([[1, 2, 3]]);
    expect(h.applier.queuedSeq()).toBeUndefined();
    expect(h.frames).toHaveLength(0);
  });

  it('flushes at once when asked (before a snapshot reload)', () => {
    const h = harness();
    h.applier.enqueue([ev(1), ev(2)]);
    h.applier.flush();
    expect(h.applied).toEqual([[1, 2]]);
    expect(h.applier.size()).toBe(0);
  });

  it('leaves what a frame cannot afford for the next, says how far behind it is, and clears once caught up', () => {
    // Each event costs 0.1 ms: 256 fit in a chunk, and a frame stops after its 8 ms budget.
    const h = harness(0.1);
    h.applier.enqueue(Array.from({ length: 2_000 }, (_, i) => ev(i + 1)));
    h.advance(BEHIND_AFTER_MS + 1);
    h.frame();
    expect(h.applier.size()).toBe(2_000 - 256);
    expect(h.behind).toEqual([2_000 - 256]);
    while (h.frames.length > 0) h.frame();
    expect(h.applier.size()).toBe(0);
    expect(h.behind.at(-1)).toBe(0);
    expect(h.applied.flat()).toEqual(Array.from({ length: 2_000 }, (_, i) => i + 1));
  });

  it('does not report a short queue as behind', () => {
    const h = harness(0.1);
    h.applier.enqueue(Array.from({ length: 600 }, (_, i) => ev(i + 1)));
    h.frame();
    expect(h.behind).toEqual([]);
  });

  it('applies nothing after dispose', () => {
    const h = harness();
    h.applier.enqueue([ev(1)]);
    h.applier.dispose();
    expect(h.frames).toHaveLength(0);
    expect(h.applied).toEqual([]);
  });
});
