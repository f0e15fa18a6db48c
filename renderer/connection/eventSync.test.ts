import type { EventEnvelope, Snapshot } from '../../shared/protocol';
import { applyEvent } from '../state/applyEvent';
import { aSnapshot, anEvent, anIncident } from '../../test/support/records';
import { EventSync } from './eventSync';
import type { SnapshotPort } from './eventSync';

/** A client copy driven by EventSync, and an SMS whose snapshot the test controls. */
function setup(initial: Snapshot | undefined) {
  let held = initial;
  let served = initial ?? aSnapshot();
  const pending: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  const port: SnapshotPort = {
    currentSeq: () => held?.seq,
    apply: (events) => {
      if (!held) throw new Error('apply before load');
      for (const event of events) held = applyEvent(held, event);
    },
    reload: () =>
      new Promise<void>((resolve, reject) => {
        pending.push({
          resolve: () => {
            held = served;
            resolve();
          },
          reject,
        });
      }),
  };
  const errors: unknown[] = [];
  const sync = new EventSync(port, { onReloadError: (e) => errors.push(e) });
  return {
    sync,
    errors,
    held: () => held,
    serve: (snapshot: Snapshot) => {
      served = snapshot;
    },
    reloadsPending: () => pending.length,
    finishReload: async () => {
      pending.shift()?.resolve();
      await flush();
    },
    failReload: async (error: unknown) => {
      pending.shift()?.reject(error);
      await flush();
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const created = (seq: number): EventEnvelope =>
  anEvent(seq, 'incident.created', {
    incident: anIncident({ id: `inc-${seq}`, ref: `CAD-2026-${String(seq).padStart(6, '0')}` }),
  });
const ids = (snapshot: Snapshot | undefined) => snapshot?.incidents.map((i) => i.id);

describe('EventSync', () => {
  it('applies events that follow the snapshot, in order', () => {
    const t = setup(aSnapshot({ seq: 10 }));
    t.sync.receive(created(11));
    t.sync.receive(created(12));
    expect(t.held()?.seq).toBe(12);
    expect(ids(t.held())).toEqual(['inc-11', 'inc-12']);
  });

  it('skips events the snapshot already reflects', () => {
    const t = setup(aSnapshot({ seq: 10 }));
    t.sync.receive(created(9));
    t.sync.receive(created(10));
    expect(t.held()?.incidents).toEqual([]);
    expect(t.sync.stats).toMatchObject({ skipped: 2, applied: 0 });
  });

  it('drops and counts invalid messages without throwing', () => {
    const t = setup(aSnapshot({ seq: 10 }));
    for (const bad of [null, 'event', { seq: 11 }, { ...created(11), type: 'incident.exploded' }]) {
      expect(() => t.sync.receive(bad)).not.toThrow();
    }
    expect(t.sync.stats.invalid).toBe(4);
    expect(t.held()?.seq).toBe(10);
  });

  it('reloads the snapshot on a gap instead of applying across it', () => {
    const t = setup(aSnapshot({ seq: 10 }));
    t.sync.receive(created(13));
    expect(t.held()?.seq).toBe(10);
    expect(t.reloadsPending()).toBe(1);
  });

  it('applies what arrived during a reload after it, skipping what the new snapshot covers', async () => {
    const t = setup(aSnapshot({ seq: 10 }));
    t.sync.receive(created(13));
    t.sync.receive(created(15));
    t.sync.receive(created(14));
    t.serve(aSnapshot({ seq: 14, incidents: [anIncident({ id: 'from-snapshot' })] }));
    await t.finishReload();
    expect(t.held()?.seq).toBe(15);
    expect(ids(t.held())).toEqual(['from-snapshot', 'inc-15']);
  });

  it('asks for one reload at a time', () => {
    const t = setup(aSnapshot({ seq: 10 }));
    t.sync.receive(created(13));
    t.sync.resync();
    t.sync.receive(created(20));
    expect(t.reloadsPending()).toBe(1);
  });

  it('reloads when the SMS says it cannot replay', async () => {
    const t = setup(aSnapshot({ seq: 10 }));
    t.sync.resync();
    t.serve(aSnapshot({ seq: 500 }));
    await t.finishReload();
    expect(t.held()?.seq).toBe(500);
  });

  it('drops events still beyond a gap after a reload rather than reloading again at once', async () => {
    const t = setup(aSnapshot({ seq: 10 }));
    t.sync.receive(created(20));
    t.serve(aSnapshot({ seq: 12 }));
    await t.finishReload();
    expect(t.held()?.seq).toBe(12);
    expect(t.reloadsPending()).toBe(0);
    expect(t.sync.stats.dropped).toBe(1);
  });

  it('reports a failed reload and drops what waited for it', async () => {
    const t = setup(aSnapshot({ seq: 10 }));
    t.sync.receive(created(12));
    await t.failReload(new Error('down'));
    expect(t.errors).toHaveLength(1);
    expect(t.sync.stats.dropped).toBe(1);
    t.sync.receive(created(11));
    expect(t.held()?.seq).toBe(11);
  });

  it('waits for a first snapshot when none is loaded', async () => {
    const t = setup(undefined);
    t.sync.receive(created(1));
    t.serve(aSnapshot({ seq: 0 }));
    await t.finishReload();
    expect(ids(t.held())).toEqual(['inc-1']);
  });

  it('applies nothing after it is disposed, not even a reload in flight', async () => {
    const t = setup(aSnapshot({ seq: 10 }));
    t.sync.receive(created(12));
    t.sync.dispose();
    t.sync.receive(created(11));
    t.serve(aSnapshot({ seq: 11 }));
    await t.finishReload();
    expect(t.sync.stats.applied).toBe(0);
  });
});
