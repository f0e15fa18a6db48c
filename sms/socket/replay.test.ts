import type { EventEnvelope, Ready, Resync } from '../../shared/protocol';
import { replay, REPLAY_CHUNK, resyncReason, type ReplayPort } from './replay';

const event = (seq: number): EventEnvelope => ({ seq, ts: seq, type: 'unit.positions', payload: { positions: [] } });

/** A journal of seqs `oldest..latest` in memory, and a client that records what it was sent. */
class FakePort implements ReplayPort {
  sent: number[] = [];
  live = false;
  readys: Ready[] = [];
  resyncs: Resync[] = [];
  onDrained: () => void = () => {};
  constructor(
    public oldest: number,
    public latest: number,
  ) {}
  journalRange() {
    return { oldest: this.oldest, latest: this.latest };
  }
  readEvents(after: number, limit: number) {
    const from = Math.max(after + 1, this.oldest);
    const to = Math.min(this.latest, from + limit - 1);
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => event(from + i));
  }
  send(e: EventEnvelope) {
    this.sent.push(e.seq);
  }
  resync(r: Resync) {
    this.resyncs.push(r);
  }
  ready(r: Ready) {
    this.readys.push(r);
  }
  joinLive() {
    this.live = true;
  }
  async drained() {
    this.onDrained();
  }
  isConnected() {
    return true;
  }
}

describe('replay', () => {
  it('goes live at once without since', async () => {
    const port = new FakePort(1, 7);
    await replay(port, undefined);
    expect([port.sent, port.live, port.readys]).toEqual([[], true, [{ seq: 7, replayed: 0 }]]);
  });

  it('sends the events after since, then goes live', async () => {
    const port = new FakePort(1, 7);
    await replay(port, 4);
    expect([port.sent, port.live, port.readys]).toEqual([[5, 6, 7], true, [{ seq: 7, replayed: 3 }]]);
  });

  it('picks up events journaled between chunks, without gap or duplicate', async () => {
    const port = new FakePort(1, REPLAY_CHUNK + 10);
    port.onDrained = () => (port.latest += 5);
    await replay(port, 0);
    expect(port.sent).toEqual(Array.from({ length: REPLAY_CHUNK + 15 }, (_, i) => i + 1));
    expect(port.readys).toEqual([{ seq: REPLAY_CHUNK + 15, replayed: REPLAY_CHUNK + 15 }]);
  });

  it('tells the client to resync when pruning overtakes a slow replay', async () => {
    const port = new FakePort(1, REPLAY_CHUNK * 3);
    port.onDrained = () => (port.oldest = REPLAY_CHUNK * 2);
    await replay(port, 0);
    expect(port.resyncs).toEqual([
      { reason: 'journal_truncated', requestedSince: 0, oldestSeq: REPLAY_CHUNK * 2, latestSeq: REPLAY_CHUNK * 3 },
    ]);
    expect([port.live, port.readys]).toEqual([true, []]);
  });
});

describe('resyncReason', () => {
  it('accepts since from one before the oldest kept event up to the latest', () => {
    expect(resyncReason(9, { oldest: 10, latest: 20 })).toBeNull();
    expect(resyncReason(20, { oldest: 10, latest: 20 })).toBeNull();
    expect(resyncReason(0, { oldest: 1, latest: 0 })).toBeNull();
  });

  it('names why it cannot serve the rest', () => {
    expect(resyncReason(8, { oldest: 10, latest: 20 })?.reason).toBe('journal_truncated');
    expect(resyncReason(21, { oldest: 10, latest: 20 })?.reason).toBe('ahead_of_journal');
  });
});
