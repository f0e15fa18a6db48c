import { createConnectionStore } from './connectionStore';

function clock(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('connection store', () => {
  it('starts connecting, with no data', () => {
    expect(createConnectionStore().getState()).toEqual({ status: 'connecting', dataAsOf: null, behind: 0 });
  });

  it('records when the data stopped being current on leaving live', () => {
    const c = clock(1_000);
    const store = createConnectionStore(c.now);
    store.setStatus('live');
    c.advance(5_000);
    store.setStatus('reconnecting');
    expect(store.getState()).toEqual({ status: 'reconnecting', dataAsOf: 6_000, behind: 0 });
  });

  it('keeps that time while the state changes among the non-live ones', () => {
    const c = clock(1_000);
    const store = createConnectionStore(c.now);
    store.setStatus('live');
    store.setStatus('reconnecting');
    c.advance(30_000);
    store.setStatus('offline');
    expect(store.getState().dataAsOf).toBe(1_000);
  });

  it('counts the data current again when a snapshot loads while not live', () => {
    const c = clock(1_000);
    const store = createConnectionStore(c.now);
    store.setStatus('live');
    store.setStatus('reconnecting');
    c.advance(2_000);
    store.snapshotLoaded();
    expect(store.getState().dataAsOf).toBe(3_000);
  });

  it('clears the age when live again', () => {
    const store = createConnectionStore();
    store.setStatus('reconnecting');
    store.setStatus('live');
    expect(store.getState()).toEqual({ status: 'live', dataAsOf: null, behind: 0 });
  });

  it('notifies subscribers of a change, and only of a change', () => {
    const store = createConnectionStore();
    const seen: string[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.getState().status));
    store.setStatus('live');
    store.setStatus('live');
    unsubscribe();
    store.setStatus('reconnecting');
    expect(seen).toEqual(['live']);
  });
});

describe('connection store: falling behind', () => {
  it('says how many events wait while behind, and clears when caught up', () => {
    const store = createConnectionStore();
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getState().behind));
    store.setBehind(120);
    store.setBehind(120);
    store.setBehind(0);
    expect(seen).toEqual([120, 0]);
  });
});
